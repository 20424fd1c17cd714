import { startTestApp, type TestApp } from '../../testing/test-app';

describe('OpenAPI docs', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('documents the fixed routes and every resource from its declaration', async () => {
    const res = await api.request('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/schema', '/api/health', '/api/students', '/api/students/{id}', '/api/students/{id}/reveal', '/api/audit-log']),
    );
    expect(res.body.paths['/api/audit-log'].post).toBeUndefined();
    const student = res.body.components.schemas.Students;
    expect(student.properties.idNumber.description).toContain('身份证号');
    expect(student.properties.stage.enum).toContain('vocational');
    expect(student.required).toEqual(expect.arrayContaining(['idNumber', 'name', 'schoolId']));
  });

  it('serves the Swagger UI', async () => {
    const html = await fetch(`${api.baseUrl}/api/docs`).then((r) => r.text());
    expect(html).toContain('swagger');
  });
});
