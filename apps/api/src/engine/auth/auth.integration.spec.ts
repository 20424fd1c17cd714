import { listQuery, startTestApp, type TestApp } from '../../testing/test-app';

describe('authentication', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('logs in with username and password and returns the session user', async () => {
    const res = await api.request('POST', '/api/auth/login', { body: { username: 'yuzhou', password: 'Zizhu@2026' } });
    expect(res.status).toBe(200);
    expect(res.body.token).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ username: 'yuzhou', role: 'county', scopePath: '450900.450902.', scopeLabel: '玉州区' });
    const me = await api.request('GET', '/api/auth/me', { token: res.body.token });
    expect(me.body.username).toBe('yuzhou');
  });

  it.each([
    ['a wrong password', { username: 'yuzhou', password: 'wrong' }],
    ['an unknown user', { username: 'nobody', password: 'Zizhu@2026' }],
  ])('refuses %s with 401 and one message', async (_case, body) => {
    const res = await api.request('POST', '/api/auth/login', { body });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
  });

  it('rejects a malformed login body field by field', async () => {
    const res = await api.request('POST', '/api/auth/login', { body: { username: 42 } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors).sort()).toEqual(['password', 'username']);
  });

  it.each([
    ['username', { username: 'school1\u0000', password: 'Zizhu@2026' }],
    ['password', { username: 'school1', password: 'Zizhu@2026\u0000' }],
  ])('answers a NUL byte in the %s with 422 on that field', async (field, body) => {
    const res = await api.request('POST', '/api/auth/login', { body });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual([field]);
  });

  it.each([
    ['no token', undefined],
    ['a forged token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.forged'],
  ])('answers %s with 401', async (_case, token) => {
    const res = await api.request('GET', '/api/students', { token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('locks a deactivated user out at once, even with a live token', async () => {
    const admin = await api.login('admin');
    const token = await api.login('inspector');
    const [inspector] = (await api.request('GET', `/api/users${listQuery({ filter: { q: 'inspector' } })}`, { token: admin })).body;
    const off = await api.request('PUT', `/api/users/${inspector.id}`, { token: admin, body: { ...inspector, active: false } });
    expect(off.status).toBe(200);
    expect((await api.request('GET', '/api/schema', { token })).status).toBe(401);
    expect((await api.request('POST', '/api/auth/login', { body: { username: 'inspector', password: 'Zizhu@2026' } })).status).toBe(401);
  });

  it('hashes passwords with argon2 and lets an admin reset one', async () => {
    const admin = await api.login('admin');
    const [finance] = (await api.request('GET', `/api/users${listQuery({ filter: { q: 'finance' } })}`, { token: admin })).body;
    const reset = await api.request('PUT', `/api/users/${finance.id}`, { token: admin, body: { ...finance, password: 'a-new-secret' } });
    expect(reset.status).toBe(200);
    expect(reset.body.password).toBeUndefined();
    expect((await api.request('POST', '/api/auth/login', { body: { username: 'finance', password: 'a-new-secret' } })).status).toBe(200);
    const short = await api.request('PUT', `/api/users/${finance.id}`, { token: admin, body: { ...reset.body, password: 'short' } });
    expect(short.body.errors.password).toBe('密码至少8个字符');
  });

  it('serves health without a session', async () => {
    expect((await api.request('GET', '/api/health')).body).toEqual({ status: 'ok', database: 'up', pdf: { ready: true, missing: [] } });
  });
});
