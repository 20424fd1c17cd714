import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { decode } from 'iconv-lite';
import { Client } from 'pg';
import { listQuery, startTestApp, type Json, type TestApp } from '../../testing/test-app';
import { approvedRoster, bankFile, fundProgram, linesOf, ok, studentsOf, uploadBankResult } from '../../testing/funds.fixtures';

type Rec = Record<string, Json>;

const SLOW = 60_000;

/** The bytes of a download, with its status and headers (errors come back as JSON). */
async function download(api: TestApp, path: string, token: string, lang = 'zh-CN'): Promise<{ status: number; type: string; disposition: string; bytes: Buffer; json?: Json }> {
  const response = await fetch(api.baseUrl + path, { headers: { authorization: `Bearer ${token}`, 'accept-language': lang } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, disposition: response.headers.get('content-disposition') ?? '', bytes, json: type.includes('json') ? JSON.parse(bytes.toString()) : undefined };
}

describe('the bank payment file (银行代发文件) and the entries a batch left out', () => {
  let api: TestApp;
  let db: Client;
  const token: Record<string, string> = {};
  let students: Rec[];
  let batch: Rec;
  let lines: Rec[];
  const today = new Date().toISOString().slice(0, 10);
  const path = (format: string) => `/api/disbursement-batches/${batch.id}/bank-file.${format}`;
  const downloads = async (): Promise<Rec[]> =>
    (await db.query(`SELECT user_id, record_id, after FROM audit_log WHERE resource = 'disbursement-batches' AND action = 'download' ORDER BY id`)).rows;

  beforeAll(async () => {
    api = await startTestApp();
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    for (const user of ['admin', 'yuzhou', 'school1', 'finance']) token[user] = await api.login(user);
    await ok(api.request('POST', '/api/users', { token: token.admin, body: { username: 'finance-rx', displayName: '容县财务', role: 'finance', regionId: '450921', password: 'Zizhu@2026' } }));
    token.countyFinance = await api.login('finance-rx', 'Zizhu@2026');
    const program = await ok(api.request('POST', '/api/programs', { token: token.admin, body: fundProgram() }));
    students = await studentsOf(api, token.school1, 1, 5);
    // One student has no account yet; one name would start a formula in a spreadsheet.
    await db.query('UPDATE students SET bank_account = NULL WHERE id = $1', [students[3].id]);
    await db.query(`UPDATE students SET name = '=1+2' WHERE id = $1`, [students[1].id]);
    const chain = [token.school1, token.school1, token.yuzhou, token.finance];
    await approvedRoster(api, chain, { programId: program.id, year: 2017, term: 'autumn', schoolId: 1 }, students.map((s, i) => ({ studentId: s.id, tier: i === 0 ? 'T1' : 'T2' })));
    batch = await ok(api.request('POST', '/api/disbursement-batches', { token: token.finance, body: { programId: program.id, year: 2017, term: 'autumn', method: 'aidCard', date: today } }));
    lines = await linesOf(api, token.admin, batch.id);
  }, 120_000);
  afterAll(async () => {
    await db.end();
    await api.close();
  }, 60_000);

  it.each([
    ['admin', 403],
    ['yuzhou', 403],
    ['school1', 403],
    ['countyFinance', 404],
  ])('refuses %s (%d) and audits nothing', async (user, status) => {
    for (const format of ['xlsx', 'csv']) {
      const refused = await download(api, path(format), token[user]);
      expect(refused.status).toBe(status);
      expect(refused.json).toMatchObject({ statusCode: status, code: status === 403 ? 'FORBIDDEN' : 'NOT_FOUND' });
    }
    expect(await downloads()).toEqual([]);
  });

  it('answers 404 for a batch that does not exist and 400 for an unknown encoding', async () => {
    expect((await download(api, '/api/disbursement-batches/999999/bank-file.xlsx', token.finance)).status).toBe(404);
    expect((await download(api, `${path('csv')}?encoding=latin1`, token.finance)).json).toMatchObject({ statusCode: 400, code: 'BAD_QUERY' });
  });

  it('lists the entry left out for want of an account, with the reason, on the batch', async () => {
    expect(batch).toMatchObject({ lineCount: 4, skippedNoAccount: 1 });
    const leftOut = await api.request('GET', `/api/disbursement-exclusions${listQuery({ filter: { batchId: batch.id } })}`, { token: token.finance });
    expect(leftOut.body).toEqual([expect.objectContaining({ batchId: batch.id, studentId: students[3].id, schoolId: 1, amount: 100000, reason: 'noAccount' })]);
    // The school sees whom its students' batch left out, so it can add the account.
    const bySchool = await api.request('GET', `/api/disbursement-exclusions${listQuery({ filter: { batchId: batch.id } })}`, { token: token.school1 });
    expect(bySchool.body).toHaveLength(1);
  }, SLOW);

  it('writes the .xlsx: full accounts as text cells, names formula-safe, yuan amounts, a totals row; audited', async () => {
    const file = await download(api, path('xlsx'), token.finance);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    expect(decodeURIComponent(file.disposition)).toContain('银行代发');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '流水号', '收款人姓名', '收款账号', '金额（元）', '学校']);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    expect(rows).toHaveLength(5);
    lines.forEach((line, i) => {
      const r = rows[i];
      expect(r.getCell(2).value).toBe(line.serialNo);
      expect(r.getCell(4).value).toBe(line.account);
      expect(r.getCell(4).type).toBe(ExcelJS.ValueType.String);
      expect(r.getCell(4).numFmt).toBe('@');
      expect(r.getCell(5).value).toBe(line.amount / 100);
    });
    expect(rows[1].getCell(3).value).toBe("'=1+2");
    expect(rows[0].getCell(3).value).toBe(students[0].name);
    const totals = rows[4];
    expect([totals.getCell(2).value, totals.getCell(3).value, totals.getCell(5).value]).toEqual(['合计', '4 笔', (125000 + 3 * 100000) / 100]);
    expect(await downloads()).toEqual([expect.objectContaining({ record_id: String(batch.id), after: { file: 'bankFile', format: 'xlsx', lines: 4, amount: 425000 } })]);
  }, SLOW);

  it('writes the .csv (UTF-8 with BOM, or GBK): the same lines, accounts kept as text; audited', async () => {
    const file = await download(api, path('csv'), token.finance);
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/csv');
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(text.slice(1));
    expect(rows[0]).toEqual(['序号', '流水号', '收款人姓名', '收款账号', '金额（元）', '学校']);
    // A leading tab keeps Excel from turning a long account into a number; the digits are whole.
    expect(rows.slice(1, 5).map((r) => r[3].replace(/^\t/, ''))).toEqual(lines.map((l) => l.account));
    expect(rows.slice(1, 5).map((r) => r[4])).toEqual(['1250.00', '1000.00', '1000.00', '1000.00']);
    expect(rows[2][2]).toBe("'=1+2");
    expect(rows[5].slice(1, 5)).toEqual(['合计', '4 笔', '', '4250.00']);

    const gbk = await download(api, `${path('csv')}?encoding=gbk`, token.finance, 'en');
    const gbkRows: string[][] = parse(decode(gbk.bytes, 'gbk'));
    expect(gbkRows[0]).toEqual(['No.', 'Serial no.', 'Payee', 'Account', 'Amount (yuan)', 'School']);
    expect(gbkRows[1][2]).toBe(students[0].name);
    expect((await downloads()).map((d) => d.after)).toEqual([
      expect.objectContaining({ format: 'xlsx' }),
      { file: 'bankFile', format: 'csv', lines: 4, amount: 425000 },
      { file: 'bankFile', format: 'csv', lines: 4, amount: 425000 },
    ]);
  }, SLOW);

  it('holds only what the bank still has to pay: settled lines leave the file, a settled batch has none (422)', async () => {
    const settled = await uploadBankResult(api, token.finance, batch.id, await bankFile([[lines[0].serialNo, '', null, '成功', null, today]]));
    expect(settled.status).toBe(200);
    const file = await download(api, path('csv'), token.finance);
    const rows: string[][] = parse(file.bytes.toString('utf8').slice(1));
    expect(rows.map((r) => r[1])).toEqual(['流水号', ...lines.slice(1).map((l) => l.serialNo), '合计']);
    await uploadBankResult(api, token.finance, batch.id, await bankFile(lines.slice(1).map((l) => [l.serialNo, '', null, '成功', null, today])));
    const none = await download(api, path('xlsx'), token.finance);
    expect(none.status).toBe(422);
    expect(none.json.errors.id).toContain('没有待发放');
  }, SLOW);
});
