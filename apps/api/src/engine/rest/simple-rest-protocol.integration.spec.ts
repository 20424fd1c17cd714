import { idNumberCheckChar } from '@zizhu/schema';
import { listQuery, startTestApp, type TestApp, totalOf } from '../../testing/test-app';

describe('ra-data-simple-rest protocol', () => {
  let api: TestApp;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.login('admin');
  });
  afterAll(() => api.close());

  it('lists a page with Content-Range (exposed for CORS) and the requested sort', async () => {
    const res = await api.request('GET', `/api/students${listQuery({ sort: ['name', 'ASC'], range: [0, 9] })}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(10);
    expect(res.headers.get('content-range')).toBe('students 0-9/5000');
    expect(res.headers.get('access-control-expose-headers')).toContain('Content-Range');
    const names = res.body.map((s: { name: string }) => s.name);
    expect([...names].sort()).toEqual(names);
  });

  it('pages deep and keeps a stable order', async () => {
    const page = await api.request('GET', `/api/students${listQuery({ sort: ['id', 'ASC'], range: [4990, 5009] })}`, { token: admin });
    expect(page.body).toHaveLength(10);
    expect(page.headers.get('content-range')).toBe('students 4990-4999/5000');
    expect(page.body[0].id).toBeLessThan(page.body[9].id);
  });

  it('answers getMany with filter={"id":[…]}', async () => {
    const res = await api.request('GET', `/api/students${listQuery({ filter: { id: [1, 2, 3] } })}`, { token: admin });
    expect(res.body.map((s: { id: number }) => s.id).sort()).toEqual([1, 2, 3]);
  });

  it('searches with q (name prefix or exact ID number)', async () => {
    const [first] = (await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token: admin })).body;
    const byName = await api.request('GET', `/api/students${listQuery({ filter: { q: first.name.slice(0, 1) }, range: [0, 999] })}`, { token: admin });
    expect(byName.body.length).toBeGreaterThan(0);
    expect(byName.body.every((s: { name: string }) => s.name.startsWith(first.name.slice(0, 1)))).toBe(true);
    const byId = await api.request('GET', `/api/students${listQuery({ filter: { q: first.idNumber } })}`, { token: admin });
    expect(byId.body.map((s: { id: number }) => s.id)).toEqual([first.id]);
  });

  it('filters by enum, reference and date range', async () => {
    const [school] = (await api.request('GET', `/api/schools${listQuery({ range: [0, 0] })}`, { token: admin })).body;
    const res = await api.request(
      'GET',
      `/api/students${listQuery({ filter: { schoolId: school.id, gender: 'female', birthDate_gte: '2010-01-01', birthDate_lte: '2012-12-31' }, range: [0, 999] })}`,
      { token: admin },
    );
    expect(res.status).toBe(200);
    expect(totalOf(res)).toBe(res.body.length);
    for (const s of res.body) {
      expect(s.schoolId).toBe(school.id);
      expect(s.gender).toBe('female');
      expect(s.birthDate >= '2010-01-01' && s.birthDate <= '2012-12-31').toBe(true);
    }
  });

  it('filters schools by a stage they teach', async () => {
    const res = await api.request('GET', `/api/schools${listQuery({ filter: { stages: 'vocational' }, range: [0, 99] })}`, { token: admin });
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((s: { stages: string[] }) => s.stages.includes('vocational'))).toBe(true);
  });

  it.each([
    ['an unknown sort field', listQuery({ sort: ['phone', 'ASC'] })],
    ['an unknown filter field', listQuery({ filter: { bankAccount: '1' } })],
    ['a bad sort order', listQuery({ sort: ['name', 'UP'] })],
    ['an enum value not in the list', listQuery({ filter: { stage: 'college' } })],
    ['a page over 1000 rows', listQuery({ range: [0, 1000] })],
    ['malformed JSON', '?filter={oops'],
  ])('rejects %s with 400', async (_case, query) => {
    const res = await api.request('GET', `/api/students${query}`, { token: admin });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_QUERY');
  });

  it('creates, reads, updates and deletes a record', async () => {
    const [school] = (await api.request('GET', `/api/schools${listQuery({ range: [0, 0] })}`, { token: admin })).body;
    const created = await api.request('POST', '/api/students', {
      token: admin,
      body: { idNumber: validId('45090220120315002'), name: '测试学生', schoolId: school.id, stage: school.stages[0], status: 'enrolled' },
    });
    expect(created.body).toMatchObject({ name: '测试学生' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '测试学生', gender: 'female', birthDate: '2012-03-15', version: 1 });

    const read = await api.request('GET', `/api/students/${created.body.id}`, { token: admin });
    expect(read.body.name).toBe('测试学生');

    const updated = await api.request('PUT', `/api/students/${created.body.id}`, { token: admin, body: { ...read.body, grade: '五年级' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ grade: '五年级', version: 2 });

    const deleted = await api.request('DELETE', `/api/students/${created.body.id}`, { token: admin });
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(created.body.id);
    expect((await api.request('GET', `/api/students/${created.body.id}`, { token: admin })).status).toBe(404);
  });

  it('refuses to delete a school that still has students', async () => {
    const [school] = (await api.request('GET', `/api/schools${listQuery({ range: [0, 0] })}`, { token: admin })).body;
    const res = await api.request('DELETE', `/api/schools/${school.id}`, { token: admin });
    expect(res.body).toMatchObject({ code: 'IN_USE' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('IN_USE');
  });

  it('answers unknown resources with 404', async () => {
    expect((await api.request('GET', '/api/nothing-here', { token: admin })).status).toBe(404);
  });

  it.each([
    ['an unknown address', 'GET', '/api/a/b/c/d', 404, 'NOT_FOUND', '没有这个地址'],
    ['a job id that is not a number', 'GET', '/api/imports/abc', 400, 'BAD_QUERY', '请求参数无效'],
  ])('answers %s in the API’s own error shape and language', async (_case, method, path, status, code, message) => {
    const res = await api.request(method, path, { token: admin });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, code, message: expect.stringContaining(message) });
  });
});

function validId(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}
