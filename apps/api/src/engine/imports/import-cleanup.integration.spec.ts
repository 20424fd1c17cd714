import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { ImportJobService } from './import-job.service';
import { firstSchoolCode, idNumbers, settled, startImport, STUDENT_HEADER, xlsxOf } from '../../testing/import-files';
import { UPLOAD_DIR } from './sheet-upload';

const newId = idNumbers(160);

/** Upload files (in the shared temp dir) holding exactly these bytes: ours, whoever else uploads meanwhile. */
function filesHolding(content: Buffer): string[] {
  return readdirSync(UPLOAD_DIR).filter((name) => {
    const path = join(UPLOAD_DIR, name);
    try {
      return statSync(path).size === content.length && readFileSync(path).equals(content);
    } catch {
      return false;
    }
  });
}

describe('Import leftovers: staged rows and upload files', () => {
  let api: TestApp;
  let school1: string;
  let code: string;
  let jobs: ImportJobService;
  let db: Client;

  beforeAll(async () => {
    api = await startTestApp();
    school1 = await api.login('school1');
    code = await firstSchoolCode(api, school1);
    jobs = api.app.get(ImportJobService);
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  }, 60_000);
  afterAll(async () => {
    await db.end();
    await api.close();
  }, 30_000);

  const stagedRows = async (id: number): Promise<number> =>
    (await db.query('SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1', [id])).rows[0].n;
  const csvRows = (count: number) => Array.from({ length: count }, (_, i) => `${newId()},清理${i},${code},普高,高一,在读`).join('\n');

  it('a job that fails keeps neither its staged rows nor its file', async () => {
    // 2,100 good rows (one batch staged), then a line past the limit.
    const file = Buffer.from(`${STUDENT_HEADER.join(',')}\n${csvRows(2_100)}\n"${'x'.repeat(1_100_000)}`);
    const job = await settled(api, school1, await startImport(api, school1, file, 'fails.csv'));
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/^CSV 文件有一行超过/);
    expect(await stagedRows(job.id)).toBe(0);
    expect(filesHolding(file)).toEqual([]);
  }, 60_000);

  it('cancel stops the read within its current chunk, and the job keeps neither staged rows nor its file', async () => {
    const total = 200_000;
    const file = Buffer.from(`${STUDENT_HEADER.join(',')}\n${csvRows(total)}\n`);
    const id = await startImport(api, school1, file, 'cancel.csv');
    for (let i = 0; i < 600 && (await stagedRows(id)) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(filesHolding(file)).toHaveLength(1);
    const cancel = await api.request('POST', `/api/imports/${id}/cancel`, { token: school1 });
    expect(cancel.status).toBe(200);
    const job = (await api.request('GET', `/api/imports/${id}`, { token: school1 })).body;
    expect(job.status).toBe('cancelled');
    expect(job.progress.rowsRead).toBeLessThan(total);
    expect(await stagedRows(id)).toBe(0);
    expect(filesHolding(file)).toEqual([]);
  }, 120_000);

  it('a committed job keeps only its failing rows, for the error workbook, and for a day', async () => {
    const file = await xlsxOf([STUDENT_HEADER, [newId(), '留一', code, '普高', '高一', '在读'], ['123', '坏行', code, '普高', '高一', '在读']]);
    const job = await settled(api, school1, await startImport(api, school1, file, 'commit.xlsx'));
    await api.request('POST', `/api/imports/${job.id}/commit`, { token: school1, body: { allOrNothing: false } });
    expect((await settled(api, school1, job.id)).status).toBe('committed');
    expect(await stagedRows(job.id)).toBe(1);
    expect(filesHolding(file)).toEqual([]);
    await jobs.sweep();
    expect(await stagedRows(job.id)).toBe(1);
    await db.query(`UPDATE imports SET finished_at = now() - interval '25 hours' WHERE id = $1`, [job.id]);
    await jobs.sweep();
    expect(await stagedRows(job.id)).toBe(0);
  });

  it('at start: interrupted jobs lose their rows, jobs validated a day ago and uncommitted are cancelled, upload files a day old are deleted', async () => {
    const idle = await xlsxOf([STUDENT_HEADER, [newId(), '闲置', code, '普高', '高一', '在读']]);
    const idleJob = await settled(api, school1, await startImport(api, school1, idle, 'idle.xlsx'));
    expect(idleJob.status).toBe('validated');
    const recent = await settled(api, school1, await startImport(api, school1, await xlsxOf([STUDENT_HEADER, [newId(), '新近', code, '普高', '高一', '在读']]), 'recent.xlsx'));
    const running = await settled(api, school1, await startImport(api, school1, await xlsxOf([STUDENT_HEADER, [newId(), '中断', code, '普高', '高一', '在读']]), 'running.xlsx'));
    await db.query(`UPDATE imports SET started_at = now() - interval '26 hours', finished_at = now() - interval '25 hours' WHERE id = $1`, [idleJob.id]);
    await db.query(`UPDATE imports SET status = 'validating' WHERE id = $1`, [running.id]);
    mkdirSync(UPLOAD_DIR, { recursive: true });
    const [old, fresh] = [join(UPLOAD_DIR, `spec-old-${process.pid}`), join(UPLOAD_DIR, `spec-fresh-${process.pid}`)];
    writeFileSync(old, '450902201203150012');
    writeFileSync(fresh, '450902201203150012');
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);

    await jobs.onApplicationBootstrap();

    const expired = (await api.request('GET', `/api/imports/${idleJob.id}`, { token: school1 })).body;
    expect({ status: expired.status, message: expired.message }).toEqual({ status: 'cancelled', message: expect.stringMatching(/^校验后超过一天未提交，已自动取消/) });
    expect(await stagedRows(idleJob.id)).toBe(0);
    expect(filesHolding(idle)).toEqual([]);
    expect((await api.request('GET', `/api/imports/${running.id}`, { token: school1 })).body.status).toBe('failed');
    expect(await stagedRows(running.id)).toBe(0);
    expect((await api.request('GET', `/api/imports/${recent.id}`, { token: school1 })).body.status).toBe('validated');
    expect(await stagedRows(recent.id)).toBe(1);
    const left = readdirSync(UPLOAD_DIR);
    expect([left.includes(`spec-old-${process.pid}`), left.includes(`spec-fresh-${process.pid}`)]).toEqual([false, true]);
    jobs.onModuleDestroy();
  });
});
