import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '../..');

/** What a newcomer gets from the README's start command: no DATABASE_URL, an embedded
 * PostgreSQL started by the app itself, migrations run, demo data seeded, logins working. */
describe('starting on a fresh machine (embedded PostgreSQL)', () => {
  let app: ChildProcess;
  let output = '';
  const dir = mkdtempSync(join(tmpdir(), 'zizhu-start-'));
  const port = 40000 + (process.pid % 10000);
  const base = `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), ZIZHU_PGDATA: join(dir, 'pg'), ZIZHU_PGPORT: String(port + 1), SWC_NODE_PROJECT: join(ROOT, 'apps/api/tsconfig.json') };
    delete env.DATABASE_URL;
    app = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], { cwd: ROOT, env });
    app.stdout?.on('data', (d) => (output += d));
    app.stderr?.on('data', (d) => (output += d));
    const deadline = Date.now() + 90_000;
    for (;;) {
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline || app.exitCode !== null) throw new Error(`the app did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 120_000);

  afterAll(async () => {
    if (app.exitCode === null) {
      const exited = new Promise((r) => app.once('exit', r));
      app.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('runs migrations, seeds the demo city once and lets a demo user in', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Zizhu@2026' }),
    }).then((r) => r.json());
    const students = await fetch(`${base}/api/students?range=[0,0]`, { headers: { authorization: `Bearer ${login.token}` } });
    expect(students.headers.get('content-range')).toBe('students 0-0/5000');
    expect(output).toContain('embedded PostgreSQL listening');
    expect(output).toContain('demo data loaded');
    // The login token key, generated once beside the cluster's data, readable by its owner only.
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  });

  it('stops its PostgreSQL with it', async () => {
    const exited = new Promise((r) => app.once('exit', r));
    app.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Nothing answers the PostgreSQL protocol on its port any more.
    const client = new Client({ host: '127.0.0.1', port: port + 1, user: 'postgres', password: 'zizhu', database: 'postgres', connectionTimeoutMillis: 3000 });
    const pgAlive = await client.connect().then(() => true, () => false);
    if (pgAlive) await client.end();
    expect(pgAlive).toBe(false);
  });
});
