import { listQuery, startTestApp, type Json, type TestApp } from '../../testing/test-app';

/** A token issued before a password, role or deactivation change stops working at once. */
describe('login tokens and the user token version', () => {
  let api: TestApp;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.login('admin');
  }, 60_000);
  afterAll(() => api.close(), 60_000);

  const userRecord = async (username: string): Promise<Json> =>
    (await api.request('GET', `/api/users${listQuery({ filter: { q: username } })}`, { token: admin })).body.find((u: Json) => u.username === username);

  it.each([
    ['a password change', 'finance', { password: 'another-secret-1' }, 'another-secret-1'],
    ['a role change', 'inspector', { role: 'finance' }, undefined],
  ])('refuses a token issued before %s with 401 SESSION_REVOKED, in either language', async (_case, username, change, newPassword) => {
    const before = await api.login(username);
    expect((await api.request('GET', '/api/auth/me', { token: before })).status).toBe(200);
    const user = await userRecord(username);
    const saved = await api.request('PUT', `/api/users/${user.id}`, { token: admin, body: { ...user, ...change } });
    expect(saved.status).toBe(200);
    expect(saved.body.tokenVersion).toBeUndefined();

    const refused = await api.request('GET', '/api/auth/me', { token: before });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ statusCode: 401, code: 'SESSION_REVOKED', message: '您的密码、角色或账号状态已变更，请重新登录' });
    expect((await api.request('GET', '/api/auth/me', { token: before, lang: 'en' })).body.message).toBe(
      'Your password, role or account status has changed: please log in again',
    );
    const after = await api.login(username, newPassword);
    expect((await api.request('GET', '/api/auth/me', { token: after })).status).toBe(200);
  });

  it('refuses a token issued before a deactivation, and again after the user is reactivated', async () => {
    const before = await api.login('school2');
    const user = await userRecord('school2');
    const off = await api.request('PUT', `/api/users/${user.id}`, { token: admin, body: { ...user, active: false } });
    expect(off.status).toBe(200);
    const refused = await api.request('GET', '/api/auth/me', { token: before });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('SESSION_REVOKED');
    const on = await api.request('PUT', `/api/users/${user.id}`, { token: admin, body: { ...off.body, active: true } });
    expect(on.status).toBe(200);
    const stale = await api.request('GET', '/api/auth/me', { token: before });
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('SESSION_REVOKED');
    expect((await api.request('GET', '/api/auth/me', { token: await api.login('school2') })).status).toBe(200);
  });

  it('keeps tokens working across changes that touch none of the three', async () => {
    const before = await api.login('rongxian');
    const user = await userRecord('rongxian');
    const renamed = await api.request('PUT', `/api/users/${user.id}`, { token: admin, body: { ...user, displayName: '容县资助中心（新）' } });
    expect(renamed.status).toBe(200);
    expect((await api.request('GET', '/api/auth/me', { token: before })).body.displayName).toBe('容县资助中心（新）');
  });
});
