import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { ok } from '../../../testing/funds.fixtures';
import { listQuery, startTestApp, type Json, type TestApp } from '../../../testing/test-app';

type Rec = Record<string, Json>;

const SLOW = 120_000;
const DEMO = { year: 2026, term: 'spring' } as const;

async function upload(api: TestApp, token: string, file: Buffer, name = '回执登记表.xlsx'): Promise<{ status: number; body: Json }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const response = await fetch(`${api.baseUrl}/api/letters/receipt-sheet`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' }, body: form });
  return { status: response.status, body: await response.json() };
}

/** The downloaded sheet as the school filled it in: rows under the header (id, delivered, receipt). */
async function filledSheet(downloaded: Buffer, fill: Record<number, [string | Date | null, string | Date | null]>): Promise<Buffer> {
  const sheet = new ExcelJS.Workbook();
  await sheet.xlsx.load(downloaded as unknown as ArrayBuffer);
  const rows = sheet.worksheets[0];
  rows.eachRow((row) => {
    const id = Number(row.getCell(1).value);
    if (fill[id]) {
      row.getCell(7).value = fill[id][0];
      row.getCell(8).value = fill[id][1];
    }
  });
  return Buffer.from(await sheet.xlsx.writeBuffer());
}

/**
 * Letters are marked delivered and receipts returned in bulk (by ids or by the list's
 * filter) or from the 回执登记表 sheet: status and dates always agree, a receipt never
 * comes back before its letter went out, nothing lies in the future, and a refusal
 * changes nothing. Only letters in the caller's region can be marked.
 */
describe('letters to families: delivered and receipts returned', () => {
  let api: TestApp;
  let db: Client;
  const token: Record<string, string> = {};
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  const letters = async (filter: Rec = {}, user = 'school1'): Promise<Rec[]> =>
    (await api.request('GET', `/api/letters${listQuery({ filter: { schoolId: 1, ...DEMO, ...filter }, sort: ['id', 'ASC'], range: [0, 999] })}`, { token: token[user] })).body;
  const mark = (body: Rec, user = 'school1') => api.request('POST', '/api/letters/mark', { token: token[user], body });

  beforeAll(async () => {
    api = await startTestApp();
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    for (const user of ['admin', 'school1', 'school2', 'yuzhou', 'finance']) token[user] = await api.login(user);
  }, SLOW);

  afterAll(async () => {
    await db?.end();
    await api?.close();
  }, 60_000);

  describe('in bulk', () => {
    it('marks chosen letters delivered; those already delivered keep their date', async () => {
      const [fresh, other] = await letters({ status: 'generated' });
      const [delivered] = await letters({ status: 'delivered' });
      const answer = await ok(mark({ ids: [fresh.id, other.id, delivered.id], status: 'delivered', date: '2026-05-15' }));
      expect(answer).toEqual({ matched: 3, delivered: 2, receiptsReturned: 0, unchanged: 1 });
      const after = await letters();
      expect(after.find((l) => l.id === fresh.id)).toMatchObject({ status: 'delivered', deliveredAt: '2026-05-15', receiptReturnedAt: null, version: fresh.version + 1 });
      expect(after.find((l) => l.id === delivered.id)).toMatchObject({ deliveredAt: delivered.deliveredAt, version: delivered.version });
      const { rows } = await db.query(`SELECT before, after FROM audit_log WHERE resource = 'letters' AND record_id = $1 AND action = 'update'`, [String(fresh.id)]);
      expect(rows).toEqual([{ before: { status: 'generated', deliveredAt: null, receiptReturnedAt: null }, after: { status: 'delivered', deliveredAt: '2026-05-15', receiptReturnedAt: null } }]);
    });

    it('marks every letter a filter names as returned, giving undelivered ones the same delivery date', async () => {
      const delivered = await letters({ status: 'delivered' });
      const generated = await letters({ status: 'generated' });
      const answer = await ok(mark({ filter: { schoolId: 1, ...DEMO, status: 'generated' }, status: 'receiptReturned', date: '2026-05-20' }));
      expect(answer).toEqual({ matched: generated.length, delivered: generated.length, receiptsReturned: generated.length, unchanged: 0 });
      const after = await letters({ status: 'receiptReturned' });
      for (const letter of generated) expect(after.find((l) => l.id === letter.id)).toMatchObject({ deliveredAt: '2026-05-20', receiptReturnedAt: '2026-05-20' });
      expect((await letters({ status: 'delivered' })).length).toBe(delivered.length);
    });

    it.each([
      ['neither ids nor filter', { status: 'delivered', date: '2026-05-20' }, 'ids'],
      ['both ids and filter', { ids: [1], filter: {}, status: 'delivered', date: '2026-05-20' }, 'ids'],
      ['a status it cannot set', { ids: [1], status: 'generated', date: '2026-05-20' }, 'status'],
      ['an impossible date', { ids: [1], status: 'delivered', date: '2026-02-30' }, 'date'],
      ['a date after today', { ids: [1], status: 'delivered', date: '2999-01-01' }, 'date'],
      ['a filter matching nothing', { filter: { schoolId: 1, year: 2016 }, status: 'delivered', date: '2026-05-20' }, 'filter'],
    ])('refuses %s on its field', async (_what, body, field) => {
      const response = await mark(body);
      expect(response.status).toBe(422);
      expect(Object.keys(response.body.errors)).toEqual([field]);
    });

    it('refuses letters out of the caller’s region, and a receipt dated before delivery, changing nothing', async () => {
      const [letter] = await letters({ status: 'delivered' });
      const elsewhere = await mark({ ids: [letter.id], status: 'delivered', date: '2026-05-20' }, 'school2');
      expect(elsewhere.status).toBe(422);
      expect(elsewhere.body.errors.ids).toContain(String(letter.id));
      expect((await mark({ ids: [letter.id], status: 'delivered', date: '2026-05-20' }, 'finance')).status).toBe(403);
      const [other] = await letters({ status: 'delivered', deliveredAt_gte: '2026-05-15' });
      const early = await mark({ ids: [letter.id, other.id], status: 'receiptReturned', date: '2026-05-09' });
      expect(early.status).toBe(422);
      expect(early.body.errors.date).toContain(String(other.id));
      expect((await letters({ status: 'receiptReturned', receiptReturnedAt_lte: '2026-05-09' })).length).toBe(0);
      expect(await letters({}, 'school1')).toContainEqual(expect.objectContaining({ id: letter.id, status: 'delivered' }));
      expect((await mark({ filter: { nope: 1 }, status: 'delivered', date: '2026-05-20' })).status).toBe(400);
    });

    it('keeps status and dates together when a letter is edited on its own', async () => {
      const [letter] = await letters({ status: 'delivered' });
      const noDate = await api.request('PUT', `/api/letters/${letter.id}`, { token: token.school1, body: { status: 'receiptReturned', version: letter.version } });
      expect(noDate.status).toBe(422);
      expect(Object.keys(noDate.body.errors)).toEqual(['receiptReturnedAt']);
      const backwards = await api.request('PUT', `/api/letters/${letter.id}`, { token: token.school1, body: { status: 'receiptReturned', receiptReturnedAt: '2026-01-01', version: letter.version } });
      expect(Object.keys(backwards.body.errors)).toEqual(['receiptReturnedAt']);
      const fine = await ok(api.request('PUT', `/api/letters/${letter.id}`, { token: token.school1, body: { status: 'receiptReturned', receiptReturnedAt: today, version: letter.version } }));
      expect(fine).toMatchObject({ status: 'receiptReturned', receiptReturnedAt: today });
    });
  });

  describe('by the 回执登记表', () => {
    let workbook: ExcelJS.Workbook;
    let downloaded: Buffer;
    let rows: Rec[];

    beforeAll(async () => {
      // A name that would start a formula in a spreadsheet, on one of the school's letters.
      const [first] = await letters();
      await db.query(`UPDATE students SET name = '=1+2' WHERE id = $1`, [first.studentId]);
      const response = await fetch(`${api.baseUrl}/api/letters/receipt-sheet.xlsx?schoolId=1&year=2026&term=spring`, { headers: { authorization: `Bearer ${token.school1}` } });
      expect(response.status).toBe(200);
      expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('回执登记表-玉林市第一中学-2026年春季学期.xlsx');
      downloaded = Buffer.from(await response.arrayBuffer());
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(downloaded as unknown as ArrayBuffer);
      rows = await letters();
    }, SLOW);

    it('lists every letter of the school with its dates, names formula-safe, the header under two heading lines', () => {
      const sheet = workbook.worksheets[0];
      expect(sheet.getRow(3).values).toEqual([undefined, '编号', '学生姓名', '年级', '班级', '合计金额（元）', '状态', '送达日期', '回执日期']);
      const ids: number[] = [];
      sheet.eachRow((row, n) => {
        if (n > 3) ids.push(Number(row.getCell(1).value));
      });
      expect(ids.sort((a, b) => a - b)).toEqual(rows.map((l) => l.id));
      const values: unknown[] = [];
      sheet.eachRow((row) => values.push(row.getCell(2).value));
      expect(values).toContain("'=1+2");
      expect(values).not.toContain('=1+2');
    });

    it('refuses a sheet with bad rows, naming each, and writes nothing', async () => {
      const [a, b] = rows.filter((l) => l.status === 'receiptReturned');
      const file = await filledSheet(downloaded, { [a.id]: ['2026-05-30', '2026-05-25'], [b.id]: ['2026-05-10', 'soon'] });
      // Hand-added rows: a letter out of the school's reach and a duplicate.
      const sheet = new ExcelJS.Workbook();
      await sheet.xlsx.load(file as unknown as ArrayBuffer);
      const ws = sheet.worksheets[0];
      ws.addRow([999999, 'x', null, null, null, null, '2026-05-10', null]);
      ws.addRow([a.id, 'x', null, null, null, null, '2026-05-10', null]);
      const refused = await upload(api, token.school1, Buffer.from(await sheet.xlsx.writeBuffer()));
      expect(refused.status).toBe(422);
      const keys = Object.keys(refused.body.errors);
      expect(keys).toContain('file');
      expect(keys.filter((k) => k.endsWith('.回执日期')).length).toBe(2);
      expect(keys.filter((k) => k.endsWith('.编号')).length).toBe(2);
      expect(await letters()).toEqual(rows);
    });

    it('applies a filled-in sheet: new dates set, blank ones kept, status following the dates', async () => {
      const generated = (await letters({ status: 'generated' }))[0] ?? rows.find((l) => l.status === 'delivered')!;
      const delivered = rows.find((l) => l.status === 'delivered' && l.id !== generated.id)!;
      const file = await filledSheet(downloaded, { [generated.id]: [new Date(Date.UTC(2026, 4, 21)), null], [delivered.id]: [null, '2026/05/22'] });
      const applied = await upload(api, token.school1, file);
      expect(applied.status).toBe(200);
      expect(applied.body).toMatchObject({ matched: rows.length, receiptsReturned: 1 });
      const after = await letters();
      expect(after.find((l) => l.id === delivered.id)).toMatchObject({ status: 'receiptReturned', deliveredAt: delivered.deliveredAt, receiptReturnedAt: '2026-05-22' });
      if (generated.status === 'generated') expect(after.find((l) => l.id === generated.id)).toMatchObject({ status: 'delivered', deliveredAt: '2026-05-21' });
      // The same sheet again changes nothing.
      expect((await upload(api, token.school1, file)).body).toMatchObject({ delivered: 0, receiptsReturned: 0, unchanged: rows.length });
    });

    it('is the school’s and its regions’ only', async () => {
      const file = await filledSheet(downloaded, {});
      const elsewhere = await upload(api, token.school2, file);
      expect(elsewhere.status).toBe(422);
      expect(Object.keys(elsewhere.body.errors).some((k) => k.endsWith('.编号'))).toBe(true);
      const sheet = await fetch(`${api.baseUrl}/api/letters/receipt-sheet.xlsx?schoolId=1&year=2026&term=spring`, { headers: { authorization: `Bearer ${token.school2}` } });
      expect(sheet.status).toBe(404);
      expect((await upload(api, token.yuzhou, file)).status).toBe(200);
      const unreadable = await upload(api, token.school1, Buffer.from('not a sheet'), 'notes.txt');
      expect(unreadable.status).toBe(422);
    });
  });
});
