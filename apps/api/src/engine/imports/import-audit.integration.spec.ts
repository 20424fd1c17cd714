import { idNumberCheckChar, type RecordHistoryEntry } from '@zizhu/schema';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { listQuery, startTestApp, type TestApp } from '../../testing/test-app';

const valid = (first17: string) => first17 + idNumberCheckChar(first17);
let serial = 0;
/** A fresh valid ID number per call (county 450902, born in 2013, unlike import.integration.spec's). */
function newId(): string {
  serial += 1;
  const day = new Date(Date.UTC(2013, 0, 1 + Math.floor(serial / 400)));
  const ymd = day.toISOString().slice(0, 10).replace(/-/g, '');
  return valid(`450902${ymd}${String(100 + (serial % 400)).padStart(3, '0')}`);
}

async function xlsx(rows: (string | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const HEADER = ['身份证号', '姓名', '学校标识码', '学段', '年级', '学籍状态'];

/** An import is audited as one entry plus one narrow link per written record (import_records). */
describe('import audit', () => {
  let api: TestApp;
  let db: Client;
  let school1: string;
  let admin: string;
  let schoolCode: string;

  beforeAll(async () => {
    api = await startTestApp();
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    school1 = await api.login('school1');
    admin = await api.login('admin');
    [{ code: schoolCode }] = (await api.request('GET', `/api/schools${listQuery({})}`, { token: school1 })).body;
  }, 60_000);
  afterAll(async () => {
    await db.end();
    await api.close();
  }, 30_000);

  async function upload(file: Buffer, name: string): Promise<number> {
    const form = new FormData();
    form.set('resource', 'students');
    form.set('mode', 'upsert');
    form.set('file', new Blob([new Uint8Array(file)]), name);
    const response = await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${school1}` }, body: form });
    const body = await response.json();
    if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${JSON.stringify(body)}`);
    return body.id;
  }

  async function settle(id: number) {
    for (let i = 0; i < 400; i++) {
      const job = (await api.request('GET', `/api/imports/${id}`, { token: school1 })).body;
      if (job.status !== 'validating' && job.status !== 'committing') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not settle');
  }

  async function imported(rows: (string | null)[][], name: string) {
    const id = await upload(await xlsx(rows), name);
    await settle(id);
    expect((await api.request('POST', `/api/imports/${id}/commit`, { token: school1, body: { allOrNothing: false } })).status).toBe(202);
    return settle(id);
  }

  const links = async (importId: number) =>
    (await db.query(`SELECT resource, record_id, outcome, before FROM import_records WHERE import_id = $1 ORDER BY record_id::int`, [importId])).rows;
  const studentIds = async (idNumbers: string[]) =>
    (await db.query(`SELECT id::text FROM students WHERE id_number = ANY($1) ORDER BY id`, [idNumbers])).rows.map((r) => r.id as string);
  const auditRowsOf = async (resource: string, recordIds: string[]) =>
    (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE resource = $1 AND record_id = ANY($2)`, [resource, recordIds])).rows[0].n;
  const history = async (id: string, token = admin) => api.request<RecordHistoryEntry[]>('GET', `/api/record-history/students/${id}`, { token });

  it('writes one audit entry and one link row per new record, and no audit row per record', async () => {
    const numbers = [newId(), newId(), newId()];
    const job = await imported(
      [HEADER, ...numbers.map((n, i) => [n, `审计${i}`, schoolCode, '普高', '高一', '在读'])],
      '新生名单.xlsx',
    );
    expect(job).toMatchObject({ status: 'committed', counts: { inserted: 3, updated: 0 } });
    const ids = await studentIds(numbers);
    expect(ids).toHaveLength(3);

    expect(await links(job.id)).toEqual(ids.map((id) => ({ resource: 'students', record_id: id, outcome: 'inserted', before: null })));
    expect(await auditRowsOf('students', ids)).toBe(0);
    const { rows: entries } = await db.query(`SELECT user_id, action, resource, record_id, import_id, before, after FROM audit_log WHERE import_id = $1`, [job.id]);
    const [{ id: schoolUser }] = (await db.query(`SELECT id FROM users WHERE username = 'school1'`)).rows;
    expect(entries).toEqual([
      {
        user_id: schoolUser,
        action: 'import',
        resource: 'imports',
        record_id: String(job.id),
        import_id: job.id,
        before: null,
        after: {
          resource: 'students',
          fileName: '新生名单.xlsx',
          mode: 'upsert',
          allOrNothing: false,
          counts: expect.objectContaining({ total: 3, valid: 3, invalid: 0, inserted: 3, updated: 0 }),
        },
      },
    ]);

    // The record's history: imported by this import (导入批次 N), by the user who committed it.
    const response = await history(ids[0]);
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      expect.objectContaining({ action: 'create', importId: job.id, importFile: '新生名单.xlsx', userId: schoolUser, before: null }),
    ]);
  });

  it('keeps the values an update import replaced, masked, and shows them in the record history beside later edits', async () => {
    const number = newId();
    const first = await imported([HEADER, [number, '改前', schoolCode, '普高', '高一', '在读']], 'first.xlsx');
    const [id] = await studentIds([number]);
    const second = await imported([['身份证号', '姓名', '年级'], [number, '改后', '高二']], 'second.xlsx');
    expect(second.counts).toMatchObject({ updated: 1, inserted: 0 });

    const [link] = await links(second.id);
    expect(link).toMatchObject({ resource: 'students', record_id: id, outcome: 'updated' });
    expect(link.before).toMatchObject({ name: '改前', grade: '高一' });
    expect(link.before.idNumber).toMatch(/^\d{4}\*{10}\d{4}$/);
    expect(link.before.idNumber).not.toBe(number);
    expect(await auditRowsOf('students', [id])).toBe(0);

    // An ordinary edit afterwards is audited as before (one row with before and after).
    const current = (await api.request('GET', `/api/students/${id}`, { token: admin })).body;
    const edited = await api.request('PUT', `/api/students/${id}`, { token: admin, body: { ...current, className: '5班' } });
    expect(edited.status).toBe(200);
    expect(await auditRowsOf('students', [id])).toBe(1);

    const trail = (await history(id)).body;
    expect(trail.map((e) => [e.action, e.importId])).toEqual([
      ['update', null],
      ['update', second.id],
      ['create', first.id],
    ]);
    expect(trail[0].after).toMatchObject({ className: '5班' });
    expect(trail[1]).toMatchObject({ importFile: 'second.xlsx', before: { name: '改前', grade: '高一' }, after: null });
  });

  it('leaves no link rows and no audit entry for a cancelled, a refused or a failed commit', async () => {
    const cancelled = await upload(await xlsx([HEADER, [newId(), '取消', schoolCode, '普高', '高一', '在读']]), 'cancel.xlsx');
    await settle(cancelled);
    expect((await api.request('POST', `/api/imports/${cancelled}/cancel`, { token: school1 })).status).toBe(200);

    const refused = await upload(await xlsx([HEADER, [newId(), '全有全无', schoolCode, '普高', '高一', '在读'], ['bad', '坏', schoolCode, '普高', '高一', '在读']]), 'aon.xlsx');
    await settle(refused);
    expect((await api.request('POST', `/api/imports/${refused}/commit`, { token: school1, body: { allOrNothing: true } })).status).toBe(422);

    // A commit that fails half-way (the database refuses its second row): rolled back whole.
    await db.query(`CREATE FUNCTION refuse_import_audit_probe() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = '写入失败' THEN RAISE EXCEPTION 'refused for the spec'; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER refuse_import_audit_probe BEFORE INSERT ON students FOR EACH ROW EXECUTE FUNCTION refuse_import_audit_probe()`);
    try {
      const failed = await imported(
        [HEADER, [newId(), '先写入', schoolCode, '普高', '高一', '在读'], [newId(), '写入失败', schoolCode, '普高', '高一', '在读']],
        'fails.xlsx',
      );
      expect(failed.status).toBe('failed');
      for (const id of [cancelled, refused, failed.id]) {
        expect(await links(id)).toEqual([]);
        expect((await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE import_id = $1`, [id])).rows[0].n).toBe(0);
      }
      expect((await db.query(`SELECT count(*)::int AS n FROM students WHERE name = '先写入'`)).rows[0].n).toBe(0);
    } finally {
      await db.query(`DROP TRIGGER refuse_import_audit_probe ON students`);
      await db.query(`DROP FUNCTION refuse_import_audit_probe()`);
    }
  });

  it('shows a record history only to those who may read the audit log and the record', async () => {
    const [mine] = (await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token: school1 })).body;
    expect((await history(String(mine.id), school1)).status).toBe(403);
    const rongxian = await api.login('rongxian');
    expect((await history(String(mine.id), rongxian)).status).toBe(404);
    expect((await history('not-a-number')).status).toBe(404);
    expect((await api.request('GET', `/api/record-history/nothing/1`, { token: admin })).status).toBe(404);
  });
});
