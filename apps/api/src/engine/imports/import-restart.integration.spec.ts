import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { idNumbers, STUDENT_HEADER } from '../../testing/import-files';
import { createTestDatabase, testServerUrl } from '../../testing/test-server';
import { DEMO_PASSWORD } from '../../database/seed/demo-users';
import { databaseTag, UPLOAD_DIR } from './sheet-upload';

const ROOT = join(__dirname, '../../../../..');
const ROWS = 30_000;
const newId = idNumbers(220);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The API as `npm start` runs it, in a process of its own that the spec can kill. */
class ApiProcess {
  private child?: ChildProcess;
  private output = '';
  readonly base: string;

  constructor(
    private readonly databaseUrl: string,
    private readonly port: number,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: this.databaseUrl,
      PORT: String(this.port),
      ZIZHU_DEMO_DATA: 'off',
      SWC_NODE_PROJECT: join(ROOT, 'apps/api/tsconfig.json'),
    };
    this.output = '';
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], { cwd: ROOT, env });
    this.child.stdout?.on('data', (d) => (this.output += d));
    this.child.stderr?.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 120_000;
    while (!(await fetch(`${this.base}/api/health`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline || this.child.exitCode !== null) throw new Error(`the API did not start:\n${this.output}`);
      await sleep(300);
    }
  }

  /** As a crash or `kill -9` would: no shutdown hook runs. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async request(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const headers: Record<string, string> = { 'accept-language': 'zh-CN' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  }
}

/**
 * The job queue's promise, kept by a real process: an import whose API is killed while it
 * validates, or while it commits, is taken up again when the API starts again, and ends
 * as it would have (validated, then committed once) with nothing left behind.
 */
describe('an import survives the API being killed', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: Client;
  let api: ApiProcess;

  beforeAll(async () => {
    database = await createTestDatabase(testServerUrl());
    db = new Client({ connectionString: database.url });
    await db.connect();
    api = new ApiProcess(database.url, 41000 + (process.pid % 9000));
    await api.start();
  }, 150_000);
  afterAll(async () => {
    await api.kill();
    await db.end();
    await database.drop();
  }, 30_000);

  const job = async (id: number) => (await db.query(`SELECT status, progress, counts, message FROM imports WHERE id = $1`, [id])).rows[0];
  const stagedRows = async (id: number): Promise<number> =>
    (await db.query('SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1', [id])).rows[0].n;
  const uploadFile = (id: number) => join(UPLOAD_DIR, `import-${databaseTag(database.url)}-${id}`);

  it('killed while validating, the job resumes at the next start; killed while committing, the commit runs once', async () => {
    const login = await api.request('POST', '/api/auth/login', undefined, { username: 'school1', password: DEMO_PASSWORD });
    const token = String(login.body.token);
    const schools = await fetch(`${api.base}/api/schools?range=[0,0]`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
    const code = schools[0].code;
    // New people only: not a demo student's ID number (that record belongs to another school).
    const taken = new Set((await db.query(`SELECT id_number FROM students`)).rows.map((r) => r.id_number));
    const fresh = () => {
      for (;;) {
        const id = newId();
        if (!taken.has(id)) return id;
      }
    };
    const lines = Array.from({ length: ROWS }, (_, i) => `${fresh()},重启${i},${code},普高,高一,在读`);
    // One bad row, kept for the error workbook.
    lines.push(`123,坏行,${code},普高,高一,在读`);
    const form = new FormData();
    form.set('resource', 'students');
    form.set('mode', 'insert');
    form.set('file', new Blob([`${STUDENT_HEADER.join(',')}\n${lines.join('\n')}\n`]), 'restart.csv');
    const upload = await fetch(`${api.base}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: number };

    // Killed once some rows are staged and the read is under way.
    for (let i = 0; i < 600 && (await stagedRows(id)) === 0; i++) await sleep(50);
    await api.kill();
    const cut = await job(id);
    expect(cut.status).toBe('validating');
    expect(cut.progress.rowsRead).toBeLessThan(ROWS);
    expect(existsSync(uploadFile(id))).toBe(true);

    await api.start();
    for (let i = 0; i < 1200 && (await job(id)).status === 'validating'; i++) await sleep(100);
    const validated = await job(id);
    expect({ status: validated.status, message: validated.message }).toEqual({ status: 'validated', message: null });
    expect(validated.counts).toMatchObject({ total: ROWS + 1, valid: ROWS, invalid: 1, new: ROWS });
    // The resumed run started over: each row staged once.
    expect(await stagedRows(id)).toBe(ROWS + 1);

    const token2 = String((await api.request('POST', '/api/auth/login', undefined, { username: 'school1', password: DEMO_PASSWORD })).body.token);
    expect((await api.request('POST', `/api/imports/${id}/commit`, token2, { allOrNothing: false })).status).toBe(202);
    await api.kill();
    expect(['committing', 'committed']).toContain((await job(id)).status);

    await api.start();
    for (let i = 0; i < 1200 && (await job(id)).status === 'committing'; i++) await sleep(100);
    const committed = await job(id);
    expect(committed.status).toBe('committed');
    expect(committed.counts).toMatchObject({ inserted: ROWS, invalid: 1 });
    const { rows } = await db.query(`SELECT count(*)::int AS n, count(DISTINCT id_number)::int AS distinct FROM students WHERE name LIKE '重启%'`);
    expect(rows[0]).toEqual({ n: ROWS, distinct: ROWS });
    // Nothing left but the failing row for the error workbook; the file is gone.
    expect(await stagedRows(id)).toBe(1);
    expect(existsSync(uploadFile(id))).toBe(false);
    // No job of this import is still queued or running.
    const queued = await db.query(`SELECT state FROM pgboss.job WHERE name LIKE 'import-%' AND data->>'importId' = $1 AND state < 'completed'`, [String(id)]);
    expect(queued.rows).toEqual([]);
    expect(readdirSync(UPLOAD_DIR).filter((name) => name.startsWith(`import-${databaseTag(database.url)}-`))).toEqual([]);
  }, 600_000);

  it('schedules the import sweep every hour', async () => {
    const { rows } = await db.query(`SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`);
    // Beside the other modules' schedules (the nightly audit rules).
    expect(rows).toContainEqual({ name: 'import-sweep', cron: '0 * * * *', timezone: 'Asia/Shanghai' });
  });
});
