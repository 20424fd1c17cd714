import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { LOGIN_LIMITS } from './login-throttle';

const PASSWORD = 'Zizhu@2026';

/** Failed logins are throttled per username + address and per address per day. The specs
 * run in order: the address's daily count carries from one to the next. */
describe('login throttling', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  }, 60_000);
  afterAll(() => api.close(), 60_000);

  const login = (username: string, password: string, lang?: 'en') => api.request('POST', '/api/auth/login', { body: { username, password }, lang });

  it('refuses a username after 10 consecutive wrong passwords from one address, even with the right one, with 429 and Retry-After', async () => {
    for (let i = 0; i < LOGIN_LIMITS.consecutiveFailures.points; i++) expect((await login('school1', `wrong-${i}`)).status).toBe(401);

    const refused = await login('school1', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS', message: '登录失败次数过多，请15分钟后再试' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await login('school1', PASSWORD, 'en')).body.message).toBe('Too many failed logins: try again in 15 minutes');

    // Only that username is held back; a colleague at the same address logs in.
    expect((await login('yuzhou', PASSWORD)).status).toBe(200);
  }, 60_000);

  it('starts the count of consecutive failures again after a successful login', async () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < LOGIN_LIMITS.consecutiveFailures.points - 1; i++) expect((await login('rongxian', 'wrong')).status).toBe(401);
      expect((await login('rongxian', PASSWORD)).status).toBe(200);
    }
  }, 60_000);

  it('blocks for 15 minutes, not for the 90 days the count is kept, when wrong passwords arrive all at once', async () => {
    const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => login('school2', `wrong-${i}`)));
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    const refused = await login('school2', PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
  }, 60_000);

  it('refuses every username from an address after 100 failures in a day', async () => {
    const [{ points }] = await api.app.get(DataSource).query(`SELECT points FROM login_attempts WHERE key LIKE 'login_ip_day%'`);
    expect(points).toBeGreaterThanOrEqual(10 + 2 * 9 + 10);
    for (let i = points; i < LOGIN_LIMITS.failuresPerAddressPerDay.points; i++) expect((await login(`guess${i}`, 'wrong')).status).toBe(401);

    const refused = await login('admin', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
  }, 180_000);
});

describe('login throttling behind a reverse proxy (TRUST_PROXY=1)', () => {
  let api: TestApp;

  beforeAll(async () => {
    process.env.TRUST_PROXY = '1';
    api = await startTestApp();
  }, 60_000);
  afterAll(async () => {
    delete process.env.TRUST_PROXY;
    await api.close();
  }, 60_000);

  const loginFrom = (address: string, password: string) =>
    fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username: 'school1', password }),
    });

  it('counts each client address the proxy reports, not the proxy', async () => {
    for (let i = 0; i < LOGIN_LIMITS.consecutiveFailures.points; i++) expect((await loginFrom('203.0.113.7', 'wrong')).status).toBe(401);
    expect((await loginFrom('203.0.113.7', PASSWORD)).status).toBe(429);
    expect((await loginFrom('198.51.100.20', PASSWORD)).status).toBe(200);
  }, 60_000);
});
