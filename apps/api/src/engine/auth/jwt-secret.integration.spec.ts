import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../../app.factory';
import { DEMO_PASSWORD } from '../../database/seed/demo-users';
import { createTestDatabase, testServerUrl } from '../../testing/test-server';

/** Without JWT_SECRET the key is generated once and kept: a restart keeps everyone logged in. */
describe('the login token key across restarts', () => {
  let database: { url: string; drop(): Promise<void> };
  const dir = mkdtempSync(join(tmpdir(), 'zizhu-jwt-'));
  const configured = process.env.JWT_SECRET;

  beforeAll(async () => {
    delete process.env.JWT_SECRET;
    database = await createTestDatabase(testServerUrl());
  }, 60_000);
  afterAll(async () => {
    if (configured !== undefined) process.env.JWT_SECRET = configured;
    else delete process.env.JWT_SECRET;
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }, 60_000);

  /** Starts the app on the spec's database, runs `use` against its URL, stops it. */
  async function withApp<T>(jwtSecretFile: string | undefined, use: (base: string, app: INestApplication) => Promise<T>): Promise<T> {
    const app = await createApp({ databaseUrl: database.url, seedDemoData: false, logger: false, adminDist: '/nonexistent', jwtSecretFile });
    try {
      await app.listen(0, '127.0.0.1');
      return await use(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`, app);
    } finally {
      await app.close();
    }
  }
  const login = async (base: string): Promise<string> => {
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'school1', password: DEMO_PASSWORD }) });
    return ((await res.json()) as { token: string }).token;
  };
  const meStatus = async (base: string, token: string): Promise<number> => (await fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;

  it('with DATABASE_URL, keeps the key in the database: a second start accepts the first start\'s token', async () => {
    const token = await withApp(undefined, login);
    await withApp(undefined, async (base, app) => {
      expect(await meStatus(base, token)).toBe(200);
      expect(await app.get(DataSource).query(`SELECT name FROM app_secrets`)).toEqual([{ name: 'jwt' }]);
    });
  }, 120_000);

  it('beside the embedded database, keeps the key in a file only its owner may read, reused on the next start', async () => {
    const file = join(dir, 'jwt-secret');
    const token = await withApp(file, login);
    const secret = readFileSync(file, 'utf8');
    expect(secret.trim().length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await withApp(file, async (base) => expect(await meStatus(base, token)).toBe(200));
    expect(readFileSync(file, 'utf8')).toBe(secret);
  }, 120_000);

  it('uses JWT_SECRET when it is set, so tokens signed with the kept key no longer pass', async () => {
    const token = await withApp(undefined, login);
    process.env.JWT_SECRET = 'a-configured-secret-of-enough-length-0123456789';
    try {
      await withApp(undefined, async (base) => {
        expect(await meStatus(base, token)).toBe(401);
        expect(await meStatus(base, await login(base))).toBe(200);
      });
    } finally {
      delete process.env.JWT_SECRET;
    }
  }, 120_000);
});
