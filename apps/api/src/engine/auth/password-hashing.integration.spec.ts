import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { PasswordVerifier } from './password-verifier';

const PASSWORD = 'Zizhu@2026';
/** argon2id, 19 MiB, 2 passes, 1 lane (the library writes the parameters in its own order). */
const CURRENT_PARAMETERS = /^\$argon2id\$v=19\$(?=[^$]*\bm=19456\b)(?=[^$]*\bt=2\b)(?=[^$]*\bp=1\b)/;

describe('password hashing', () => {
  let api: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
  }, 60_000);
  afterAll(() => api.close(), 60_000);
  afterEach(() => jest.restoreAllMocks());

  const storedHash = async (username: string): Promise<string> =>
    (await db.query(`SELECT password_hash FROM users WHERE username = $1`, [username]))[0].password_hash;

  it('hashes new passwords with argon2id at m=19 MiB, t=2, p=1', async () => {
    expect(await storedHash('admin')).toMatch(CURRENT_PARAMETERS);
  });

  it('lets a user with an old-parameter hash in, rehashes it, and keeps their other sessions', async () => {
    const old = await hash(PASSWORD, { memoryCost: 65536, timeCost: 3, parallelism: 4 });
    await db.query(`UPDATE users SET password_hash = $2 WHERE username = $1`, ['yuzhou', old]);
    const earlier = await api.login('yuzhou');

    const login = await api.request('POST', '/api/auth/login', { body: { username: 'yuzhou', password: PASSWORD } });
    expect(login.status).toBe(200);
    const rehashed = await storedHash('yuzhou');
    expect(rehashed).toMatch(CURRENT_PARAMETERS);
    expect(rehashed).not.toBe(old);
    expect((await api.request('GET', '/api/auth/me', { token: earlier })).status).toBe(200);
    expect((await api.request('POST', '/api/auth/login', { body: { username: 'yuzhou', password: PASSWORD } })).status).toBe(200);
    expect(await storedHash('yuzhou')).toBe(rehashed);
  });

  it.each([
    ['an unknown user', 'nobody-here', async () => undefined],
    ['a deactivated user', 'school2', async () => db.query(`UPDATE users SET active = false WHERE username = 'school2'`)],
  ])('verifies %s against a dummy argon2 hash, so the answer takes as long as a wrong password', async (_case, username, arrange) => {
    await arrange();
    const verifier = api.app.get(PasswordVerifier);
    const argon2Verify = jest.spyOn(verifier, 'argon2Verify');
    const res = await api.request('POST', '/api/auth/login', { body: { username, password: PASSWORD } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
    expect(argon2Verify).toHaveBeenCalledTimes(1);
    const [digest, plain] = argon2Verify.mock.calls[0];
    expect(digest).toMatch(CURRENT_PARAMETERS);
    expect(digest).not.toBe(await storedHash('admin'));
    expect(plain).toBe(PASSWORD);
  });
});
