import { idNumberCheckChar } from '@zizhu/schema';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { listQuery, startTestApp, type TestApp, totalOf } from '../../testing/test-app';

/** ID numbers the demo city already holds (a fresh one must not be one of them). */
const taken = new Set<string>();
/** A fresh valid ID number per call: county 450902, born 2011-05-01 + n days (other specs use 2012). */
let serial = 0;
function newId(): string {
  for (;;) {
    serial += 1;
    const day = new Date(Date.UTC(2011, 4, 1 + Math.floor(serial / 500)));
    const first17 = `450902${day.toISOString().slice(0, 10).replace(/-/g, '')}${String(100 + (serial % 500)).padStart(3, '0')}`;
    const id = first17 + idNumberCheckChar(first17);
    if (!taken.has(id)) return id;
  }
}

const HEADER = '身份证号,姓名,学校标识码,学段,年级,学籍状态';
/** More rows than one batch (2,000), so duplicates and counts cross batches. */
const ROWS = 2_300;

describe('Import committed while read (one pass, no preview)', () => {
  let api: TestApp;
  let school1: string;
  let schoolCode: string;
  let db: Client;

  beforeAll(async () => {
    api = await startTestApp();
    school1 = await api.login('school1');
    [{ code: schoolCode }] = (await api.request('GET', `/api/schools${listQuery({})}`, { token: school1 })).body;
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    for (const { id_number } of (await db.query(`SELECT id_number FROM students`)).rows) taken.add(id_number);
  }, 60_000);
  afterAll(async () => {
    await db.end();
    await api.close();
  }, 30_000);

  async function upload(text: string, fields: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> & { id: number } }> {
    const form = new FormData();
    form.set('resource', 'students');
    form.set('mode', 'upsert');
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    form.set('file', new Blob([new Uint8Array(Buffer.from(text))]), 'roster.csv');
    const response = await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${school1}` }, body: form });
    return { status: response.status, body: await response.json() };
  }

  async function settle(id: number) {
    for (let i = 0; i < 600; i++) {
      const job = (await api.request('GET', `/api/imports/${id}`, { token: school1 })).body;
      if (job.status !== 'validating' && job.status !== 'committing') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not settle');
  }

  const line = (id: string, name: string, grade = '高一') => `${id},${name},${schoolCode},普高,${grade},在读`;
  const countNamed = async (prefix: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM students WHERE name LIKE $1`, [`${prefix}%`])).rows[0].n);

  /** The roster: new rows, one existing student changed, one unchanged, a duplicate in a later batch, two invalid rows. */
  async function roster(prefix: string) {
    const [changed, unchanged] = (
      await db.query(
        `SELECT s.id, s.id_number, s.name, s.grade FROM students s JOIN schools c ON c.id = s.school_id
          WHERE c.code = $1 AND s.stage = 'senior' AND s.status = 'enrolled' AND s.grade IS NOT NULL ORDER BY s.id LIMIT 2`,
        [schoolCode],
      )
    ).rows;
    const ids = Array.from({ length: ROWS }, () => newId());
    const lines = ids.map((id, i) => line(id, `${prefix}${i}`));
    lines.splice(10, 0, line(changed.id_number, changed.name, changed.grade === '高三' ? '高二' : '高三'));
    lines.splice(20, 0, `${unchanged.id_number},${unchanged.name},${schoolCode},普高,${unchanged.grade},在读`);
    lines.splice(2_100, 0, line(ids[5], `${prefix}重复`)); // a duplicate of row 7, one batch later (row 2,103 once the bad row is in)
    lines.splice(30, 0, line('123', `${prefix}坏`)); // too short an ID number
    lines.push(`${newId()},${prefix}无学段,${schoolCode},,高一,在读`);
    return { text: `${HEADER}\n${lines.join('\n')}\n`, changed, unchanged };
  }

  it('counts, errors and writes as a preview then a commit would, in one pass, audited as one entry', async () => {
    const { text, changed } = await roster('直读');
    // The same file previewed: what a commit-while-reading must agree with.
    const preview = await settle((await upload(text)).body.id);
    expect(preview.status).toBe('validated');
    await api.request('POST', `/api/imports/${preview.id}/cancel`, { token: school1 });

    const started = await upload(text, { commitWhileReading: 'true' });
    expect(started.status).toBe(201);
    const job = await settle(started.body.id);
    expect(job).toMatchObject({ status: 'committed', commitWhileReading: true, message: null });
    const { inserted: _inserted, updated: _updated, ...counts } = job.counts;
    const { inserted: _i, updated: _u, ...previewed } = preview.counts;
    expect(counts).toEqual(previewed);
    expect(job.counts).toMatchObject({ total: ROWS + 5, invalid: 3, new: ROWS, toUpdate: 1, unchanged: 1, inserted: ROWS, updated: 1 });
    expect(job.progress).toMatchObject({ rowsRead: ROWS + 5, percent: 100 });
    expect(job.errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual(
      preview.errors.map((e: { row: number; message: string }) => [e.row, e.message]),
    );
    expect(job.errors.find((e: { row: number }) => e.row === 2_103).message).toBe('与第7行重复');

    expect(await countNamed('直读')).toBe(ROWS);
    const after = (await db.query(`SELECT grade, version FROM students WHERE id = $1`, [changed.id])).rows[0];
    expect(after.grade).not.toBe(changed.grade);
    const links = await db.query(`SELECT outcome, count(*)::int AS n FROM import_records WHERE import_id = $1 GROUP BY outcome ORDER BY outcome`, [job.id]);
    expect(links.rows).toEqual([
      { outcome: 'inserted', n: ROWS },
      { outcome: 'updated', n: 1 },
    ]);
    const audit = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE resource = 'imports' AND record_id = $1`, [String(job.id)]);
    expect(audit.rows[0].n).toBe(1);
    // Only the failing rows are kept (for the error workbook), and no file.
    const kept = await db.query(`SELECT row_number FROM import_rows WHERE import_id = $1 ORDER BY row_number`, [job.id]);
    expect(kept.rows.map((r) => r.row_number)).toEqual(job.errors.map((e: { row: number }) => e.row).filter((r: number, i: number, all: number[]) => all.indexOf(r) === i));

    const response = await fetch(`${api.baseUrl}/api/imports/${job.id}/errors.xlsx`, { headers: { authorization: `Bearer ${school1}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount).toBe(1 + 3);
    expect(book.worksheets[0].getRow(2).getCell(1).value).toBe('123');

    // The same file again: nothing to write; the new rows are now unchanged.
    const again = await settle((await upload(text, { commitWhileReading: 'true' })).body.id);
    expect(again.counts).toMatchObject({ new: 0, toUpdate: 0, unchanged: ROWS + 2, invalid: 3, inserted: 0, updated: 0 });
    expect(await countNamed('直读')).toBe(ROWS);
  });

  it('all or nothing: one failing row and nothing is written; the job failed with the count and the error workbook', async () => {
    const { text, changed } = await roster('全无');
    const job = await settle((await upload(text, { commitWhileReading: 'true', allOrNothing: 'true' })).body.id);
    expect(job.status).toBe('failed');
    expect(job.allOrNothing).toBe(true);
    expect(job.message).toContain('没有导入任何数据');
    expect(job.counts).toMatchObject({ invalid: 3, inserted: 0, updated: 0 });
    expect(job.errorCount).toBe(3);
    expect(await countNamed('全无')).toBe(0);
    expect((await db.query(`SELECT grade FROM students WHERE id = $1`, [changed.id])).rows[0].grade).toBe(changed.grade);
    expect((await db.query(`SELECT count(*)::int AS n FROM import_records WHERE import_id = $1`, [job.id])).rows[0].n).toBe(0);
    const response = await fetch(`${api.baseUrl}/api/imports/${job.id}/errors.xlsx`, { headers: { authorization: `Bearer ${school1}` } });
    expect(response.status).toBe(200);
    // A failed job may be cancelled like a previewed one: its failing rows go at once.
    expect((await api.request('POST', `/api/imports/${job.id}/cancel`, { token: school1 })).status).toBe(200);
    expect((await db.query(`SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1`, [job.id])).rows[0].n).toBe(0);
  });

  it('all or nothing with every row good writes them all', async () => {
    const text = `${HEADER}\n${[line(newId(), '全对甲'), line(newId(), '全对乙')].join('\n')}\n`;
    const job = await settle((await upload(text, { commitWhileReading: 'true', allOrNothing: 'true' })).body.id);
    expect(job).toMatchObject({ status: 'committed', counts: { inserted: 2, invalid: 0 } });
    expect(await countNamed('全对')).toBe(2);
  });

  it('a cancel while committing rolls everything back and discards the staged rows', async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => line(newId(), `取消${i}`));
    const started = await upload(`${HEADER}\n${lines.join('\n')}\n`, { commitWhileReading: 'true' });
    const cancel = await api.request('POST', `/api/imports/${started.body.id}/cancel`, { token: school1 });
    expect(cancel.status).toBe(200);
    const job = await settle(started.body.id);
    expect(job.status).toBe('cancelled');
    expect(await countNamed('取消')).toBe(0);
    expect((await db.query(`SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1`, [job.id])).rows[0].n).toBe(0);
    // Nothing left to cancel or commit.
    expect((await api.request('POST', `/api/imports/${job.id}/cancel`, { token: school1 })).status).toBe(422);
    expect((await api.request('POST', `/api/imports/${job.id}/commit`, { token: school1, body: {} })).status).toBe(422);
  });

  it('refuses flags that are not true or false, field by field, and starts no job', async () => {
    const before = totalOf(await api.request('GET', `/api/imports${listQuery({})}`, { token: school1 }));
    const bad = await upload(`${HEADER}\n${line(newId(), '旗')}\n`, { commitWhileReading: 'yes', allOrNothing: 'true' });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ errors: { commitWhileReading: expect.any(String) } });
    const alsoBad = await upload(`${HEADER}\n${line(newId(), '旗')}\n`, { commitWhileReading: 'true', allOrNothing: '1' });
    expect(alsoBad.body).toMatchObject({ errors: { allOrNothing: expect.any(String) } });
    expect(totalOf(await api.request('GET', `/api/imports${listQuery({})}`, { token: school1 }))).toBe(before);
  });
});
