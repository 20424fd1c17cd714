import { listQuery, startTestApp, type TestApp } from '../../testing/test-app';

describe('optimistic locking and the audit trail', () => {
  let api: TestApp;
  let school: string;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApp();
    school = await api.login('school1');
    admin = await api.login('admin');
  });
  afterAll(() => api.close());

  const firstStudent = async () => (await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token: school })).body[0];

  it('an update carrying a stale version gets 409 and never overwrites', async () => {
    const read = await firstStudent();
    const first = await api.request('PUT', `/api/students/${read.id}`, { token: school, body: { ...read, grade: '一年级' } });
    expect(first.status).toBe(200);
    const stale = await api.request('PUT', `/api/students/${read.id}`, { token: school, body: { ...read, grade: '二年级' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', message: '此记录已被他人修改，请刷新后重新编辑' });
    expect((await api.request('GET', `/api/students/${read.id}`, { token: school })).body.grade).toBe('一年级');
  });

  it('an update without a version is refused', async () => {
    const { id, version: _version, ...rest } = await firstStudent();
    const res = await api.request('PUT', `/api/students/${id}`, { token: school, body: { ...rest, grade: '三年级' } });
    expect(res.status).toBe(422);
    expect(res.body.errors.version).toBeDefined();
  });

  it('records who changed what, with before and after, personal data masked', async () => {
    const read = await firstStudent();
    await api.request('PUT', `/api/students/${read.id}`, { token: school, body: { ...read, className: '审计班' } });
    const res = await api.request(
      'GET',
      `/api/audit-log${listQuery({ filter: { resource: 'students', recordId: String(read.id), action: 'update' }, sort: ['id', 'DESC'] })}`,
      { token: admin },
    );
    const [entry] = res.body;
    expect(entry.after.className).toBe('审计班');
    expect(entry.before.className).toBe(read.className);
    expect(entry.after.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const users = (await api.request('GET', `/api/users${listQuery({ filter: { id: entry.userId } })}`, { token: admin })).body;
    expect(users[0].username).toBe('school1');
    expect(new Date(entry.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('audits creates and deletes, and never exposes password hashes', async () => {
    const created = await api.request('POST', '/api/users', {
      token: admin,
      body: { username: 'temp.user', displayName: '临时', role: 'inspector', regionId: '450900', password: 'longenough1' },
    });
    expect(created.status).toBe(201);
    expect(created.body.password).toBeUndefined();
    expect((await api.request('DELETE', `/api/users/${created.body.id}`, { token: admin })).status).toBe(200);
    const trail = await api.request('GET', `/api/audit-log${listQuery({ filter: { resource: 'users', recordId: String(created.body.id) }, sort: ['id', 'ASC'] })}`, { token: admin });
    expect(trail.body.map((e: { action: string }) => e.action)).toEqual(['create', 'delete']);
    expect(trail.body[0].after.password).toBe('(set)');
    expect(JSON.stringify(trail.body)).not.toContain('argon2');
  });

  it('the audit log is read-only, even for admin', async () => {
    expect((await api.request('POST', '/api/audit-log', { token: admin, body: { action: 'create' } })).status).toBe(403);
    expect((await api.request('DELETE', '/api/audit-log/1', { token: admin })).status).toBe(403);
  });

  it('a county reads the audit rows of its own region only', async () => {
    const rongxian = await api.login('rongxian');
    const res = await api.request('GET', `/api/audit-log${listQuery({ filter: { resource: 'students' }, range: [0, 99] })}`, { token: rongxian });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });
});
