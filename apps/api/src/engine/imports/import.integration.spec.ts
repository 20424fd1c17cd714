import { idNumberCheckChar } from '@zizhu/schema';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { encode } from 'iconv-lite';
import { listQuery, startTestApp, type TestApp, totalOf } from '../../testing/test-app';

const valid = (first17: string) => first17 + idNumberCheckChar(first17);
/** A fresh valid ID number per call: county 450902, born 2012-03-15 + n days. */
let serial = 0;
function newId(): string {
  serial += 1;
  const day = new Date(Date.UTC(2012, 2, 15 + Math.floor(serial / 400)));
  const ymd = day.toISOString().slice(0, 10).replace(/-/g, '');
  return valid(`450902${ymd}${String(100 + (serial % 400)).padStart(3, '0')}`);
}

type Row = (string | number | null)[];

async function xlsx(rows: Row[], merge?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  if (merge) sheet.mergeCells(merge);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('Excel import', () => {
  let api: TestApp;
  let school1: string;
  let schoolCode: string;
  let otherCountySchoolCode: string;

  beforeAll(async () => {
    api = await startTestApp();
    school1 = await api.login('school1');
    [{ code: schoolCode }] = (await api.request('GET', `/api/schools${listQuery({})}`, { token: school1 })).body;
    const rongxian = await api.login('rongxian');
    [{ code: otherCountySchoolCode }] = (await api.request('GET', `/api/schools${listQuery({ range: [0, 0] })}`, { token: rongxian })).body;
  }, 60_000);
  afterAll(() => api.close(), 30_000);

  async function upload(file: Buffer, name: string, token = school1, mode = 'upsert'): Promise<number> {
    const form = new FormData();
    form.set('resource', 'students');
    form.set('mode', mode);
    form.set('file', new Blob([new Uint8Array(file)]), name);
    const response = await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const body = await response.json();
    if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${JSON.stringify(body)}`);
    return body.id;
  }

  async function settle(id: number, token = school1) {
    for (let i = 0; i < 200; i++) {
      const job = (await api.request('GET', `/api/imports/${id}`, { token })).body;
      if (job.status !== 'validating' && job.status !== 'committing') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not settle');
  }

  const HEADER = ['身份证号', '姓名', '学校标识码', '学段', '年级', '学籍状态'];

  it('finds the header under a merged title and a 填报单位 line, maps aliases, and reports every typical fault by row and column', async () => {
    const good = [newId(), newId()];
    const badCheck = newId().slice(0, 17) + 'Y';
    const wrongDigit = (() => {
      const id = newId();
      return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    })();
    const file = await xlsx(
      [
        ['玉林市第一中学 2026年秋季学期学生名单'],
        ['填报单位：玉林市第一中学', null, '填报日期：2026-09-01'],
        [],
        ['公民身份号码', '学生姓名', '学校代码', '学段', '年级', '在校状态'],
        [good[0], '黄小明', schoolCode, '普高', '高一', '在读'],
        [` ${good[1].toLowerCase()} `, '梁小红', schoolCode, '普高', '高二', '在读'],
        [450902201203150000, '数字身份证', schoolCode, '普高', '高一', '在读'],
        [wrongDigit, '校验位错', schoolCode, '普高', '高一', '在读'],
        [valid('45090220120230001'), '日期不存在', schoolCode, '普高', '高一', '在读'],
        [good[0], '重复的人', schoolCode, '普高', '高一', '在读'],
        [newId(), '未知学校', '9999999999', '普高', '高一', '在读'],
        [newId(), '学段不对', schoolCode, '大学', '高一', '在读'],
        [newId(), null, schoolCode, '普高', '高一', '在读'],
        [newId(), '别县学校', otherCountySchoolCode, '普高', '高一', '在读'],
        [badCheck, '字母', schoolCode, '普高', '高一', '在读'],
        [null, null, null, null, null, null],
      ],
      'A1:F1',
    );
    const job = await settle(await upload(file, '学生名单.xlsx'));
    expect(job.status).toBe('validated');
    expect(job.mapping.headerRow).toBe(4);
    expect(job.mapping.columns.map((c: { field: string }) => c.field)).toEqual(['idNumber', 'name', 'schoolId', 'stage', 'grade', 'status']);
    expect(job.counts).toMatchObject({ total: 11, valid: 2, invalid: 9, new: 2, toUpdate: 0, unchanged: 0 });
    const byRow = (row: number) => job.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string; message: string }) => `${e.column}: ${e.message}`);
    expect(byRow(7)[0]).toContain('身份证号被 Excel 存成了数字');
    expect(byRow(8)).toEqual(['公民身份号码: 身份证号校验位错误，请核对是否录入有误']);
    expect(byRow(9)).toEqual(['公民身份号码: 身份证号中的出生日期不存在']);
    expect(byRow(10)).toEqual(['公民身份号码: 与第5行重复']);
    expect(byRow(11)).toEqual(['学校代码: 所选学校不存在或不在您的管辖范围内']);
    expect(byRow(12)).toEqual(['学段: 学段的值不在可选范围内']);
    expect(byRow(13)).toEqual(['学生姓名: 请填写姓名']);
    expect(byRow(14)).toEqual(['学校代码: 所选学校不存在或不在您的管辖范围内']);
    expect(byRow(15)).toEqual(['公民身份号码: 身份证号只能包含数字，最后一位可为X']);
    expect(job.errorCount).toBe(9);
  });

  it('commits the valid rows, is idempotent on re-import, and audits the import as one entry', async () => {
    const ids = [newId(), newId()];
    const file = await xlsx([HEADER, [ids[0], '林一', schoolCode, '普高', '高一', '在读'], [ids[1], '林二', schoolCode, '普高', '高二', '在读'], ['123', '坏行', schoolCode, '普高', '高一', '在读']]);
    const id = await upload(file, 'roster.xlsx');
    await settle(id);
    const commit = await api.request('POST', `/api/imports/${id}/commit`, { token: school1, body: { allOrNothing: false } });
    expect(commit.status).toBe(202);
    const done = await settle(id);
    expect(done.status).toBe('committed');
    expect(done.counts).toMatchObject({ inserted: 2, updated: 0 });
    const found = await api.request('GET', `/api/students${listQuery({ filter: { q: '林一' } })}`, { token: school1 });
    expect(found.body[0]).toMatchObject({ name: '林一', grade: '高一', stage: 'senior', birthDate: expect.any(String) });
    const errorBook = await fetch(`${api.baseUrl}/api/imports/${id}/errors.xlsx`, { headers: { authorization: `Bearer ${school1}` } });
    expect(errorBook.status).toBe(200);
    const staged = new Client({ connectionString: api.databaseUrl });
    await staged.connect();
    // Only the failing row's staged copy is kept after the commit (for the error workbook).
    const { rows } = await staged.query('SELECT row_number FROM import_rows WHERE import_id = $1', [id]);
    await staged.end();
    expect(rows.map((r) => r.row_number)).toEqual([4]);

    const again = await settle(await upload(file, 'roster.xlsx'));
    expect({ status: again.status, message: again.message }).toEqual({ status: 'validated', message: null });
    expect(again.counts).toMatchObject({ new: 0, toUpdate: 0, unchanged: 2, invalid: 1 });
    await api.request('POST', `/api/imports/${again.id}/commit`, { token: school1, body: {} });
    expect((await settle(again.id)).counts).toMatchObject({ inserted: 0, updated: 0 });

    const admin = await api.login('admin');
    // One audit entry for the import (its rows are linked to it: import-audit.integration.spec.ts).
    const audit = await api.request('GET', `/api/audit-log${listQuery({ filter: { importId: id }, range: [0, 99] })}`, { token: admin });
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({ action: 'import', resource: 'imports', recordId: String(id) });
    expect(audit.body[0].after).toMatchObject({ resource: 'students', fileName: 'roster.xlsx', mode: 'upsert', counts: { inserted: 2, invalid: 1 } });
  });

  it('updates changed rows in upsert mode and leaves unmapped columns alone', async () => {
    const [student] = (await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token: school1 })).body;
    const admin = await api.login('admin');
    const plain = (await api.request('GET', `/api/students/${student.id}`, { token: admin })).body;
    const file = await xlsx([['身份证号', '年级', '班级'], [plain.idNumber, '高三', '99班']]);
    const job = await settle(await upload(file, 'grades.xlsx'));
    expect(job.counts).toMatchObject({ toUpdate: 1, new: 0, invalid: 0 });
    await api.request('POST', `/api/imports/${job.id}/commit`, { token: school1, body: {} });
    expect((await settle(job.id)).counts.updated).toBe(1);
    const after = (await api.request('GET', `/api/students/${student.id}`, { token: admin })).body;
    expect(after).toMatchObject({ grade: '高三', className: '99班', name: plain.name, phone: plain.phone, version: plain.version + 1 });
  });

  it('reads every row of a file longer than the header search window', async () => {
    const rows: Row[] = Array.from({ length: 150 }, (_, i) => [newId(), `批量${i}`, schoolCode, '普高', '高一', '在读']);
    const job = await settle(await upload(await xlsx([HEADER, ...rows]), 'long.xlsx'));
    expect(job.counts).toMatchObject({ total: 150, new: 150, invalid: 0 });
    expect(job.progress).toMatchObject({ rowsRead: 150, percent: 100 });
  });

  it('all-or-nothing writes nothing when any row is invalid', async () => {
    const fresh = newId();
    const file = await xlsx([HEADER, [fresh, '全有全无', schoolCode, '普高', '高一', '在读'], ['bad', '坏', schoolCode, '普高', '高一', '在读']]);
    const job = await settle(await upload(file, 'aon.xlsx'));
    const refused = await api.request('POST', `/api/imports/${job.id}/commit`, { token: school1, body: { allOrNothing: true } });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('没有导入任何数据');
    const search = await api.request('GET', `/api/students${listQuery({ filter: { q: fresh } })}`, { token: school1 });
    expect(totalOf(search)).toBe(0);
    expect((await settle(job.id)).status).toBe('validated');
  });

  it('treats rows of another unit as invalid, never writing them', async () => {
    const rongxian = await api.login('rongxian');
    const [theirs] = (await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token: rongxian })).body;
    const admin = await api.login('admin');
    const plain = (await api.request('GET', `/api/students/${theirs.id}`, { token: admin })).body;
    const file = await xlsx([['身份证号', '班级'], [plain.idNumber, '抢来的']]);
    const job = await settle(await upload(file, 'steal.xlsx'));
    expect(job.counts).toMatchObject({ invalid: 1, toUpdate: 0 });
    expect(job.errors[0].message).toBe('该记录属于其他单位，不在您的管辖范围内');
    await api.request('POST', `/api/imports/${job.id}/commit`, { token: school1, body: {} });
    await settle(job.id);
    expect((await api.request('GET', `/api/students/${theirs.id}`, { token: admin })).body.className).toBe(plain.className);
  });

  it('cancels a job: its file is discarded and it can no longer be committed', async () => {
    const file = await xlsx([HEADER, [newId(), '取消', schoolCode, '普高', '高一', '在读']]);
    const job = await settle(await upload(file, 'cancel.xlsx'));
    expect((await api.request('POST', `/api/imports/${job.id}/cancel`, { token: school1 })).status).toBe(200);
    expect((await api.request('GET', `/api/imports/${job.id}`, { token: school1 })).body.status).toBe('cancelled');
    expect((await api.request('POST', `/api/imports/${job.id}/commit`, { token: school1, body: {} })).status).toBe(422);
  });

  it('reads GBK and UTF-8 CSV files', async () => {
    const [a, b] = [newId(), newId()];
    const text = `身份证号,姓名,学校标识码,学段,年级,学籍状态\r\n${a},韦国强,${schoolCode},普高,高一,在读\r\n`;
    const gbk = await settle(await upload(encode(text, 'gbk'), 'gbk.csv'));
    expect(gbk.counts).toMatchObject({ new: 1, invalid: 0 });
    const utf8 = await settle(await upload(Buffer.from(`\ufeff${text.replace(a, b).replace('韦国强', '覃海燕')}`), 'utf8.csv'));
    expect(utf8.counts).toMatchObject({ new: 1, invalid: 0 });
    await api.request('POST', `/api/imports/${gbk.id}/commit`, { token: school1, body: {} });
    await settle(gbk.id);
    expect((await api.request('GET', `/api/students${listQuery({ filter: { q: '韦国强' } })}`, { token: school1 })).body).toHaveLength(1);
  });

  it('lets the user fix the mapping and validates again', async () => {
    const file = await xlsx([['证件', '名字', '学校标识码', '学段', '学籍状态'], [newId(), '改映射', schoolCode, '普高', '在读']]);
    const first = await settle(await upload(file, 'odd-headers.xlsx'));
    expect(first.status).toBe('failed');
    expect(first.message).toBe('文件中缺少“身份证号”列，无法对应到已有记录');
    expect(first.mapping.columns.map((c: { field: string | null }) => c.field)).toEqual([null, null, 'schoolId', 'stage', 'status']);
    const remap = await api.request('PUT', `/api/imports/${first.id}/mapping`, { token: school1, body: { columns: { '1': 'idNumber', '2': 'name' } } });
    expect(remap.status).toBe(200);
    const second = await settle(first.id);
    expect(second).toMatchObject({ status: 'validated', message: null, counts: { new: 1, invalid: 0 } });
    const bad = await api.request('PUT', `/api/imports/${first.id}/mapping`, { token: school1, body: { columns: { '1': 'password' } } });
    expect(bad.status).toBe(422);
  });

  /** The upload's raw answer, for files refused before any job starts. */
  async function refusedUpload(file: Buffer, name: string, language = 'zh-CN'): Promise<{ status: number; body: Record<string, unknown> }> {
    const form = new FormData();
    form.set('resource', 'students');
    form.set('mode', 'upsert');
    form.set('file', new Blob([new Uint8Array(file)]), name);
    const response = await fetch(`${api.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${school1}`, 'accept-language': language },
      body: form,
    });
    return { status: response.status, body: await response.json() };
  }

  it('refuses, at upload, a file that is not what its name claims', async () => {
    const before = totalOf(await api.request('GET', `/api/imports${listQuery({})}`, { token: school1 }));
    const { status, body } = await refusedUpload(Buffer.from('这不是 Excel 文件'), 'fake.xlsx');
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { file: expect.stringContaining('文件无法读取') } });
    expect(totalOf(await api.request('GET', `/api/imports${listQuery({})}`, { token: school1 }))).toBe(before);
  });

  it('refuses, at upload, a file without a header row (422 on file, in the caller’s language), and starts no job', async () => {
    const before = totalOf(await api.request('GET', `/api/imports${listQuery({})}`, { token: school1 }));
    const file = await xlsx([['甲', '乙'], ['1', '2']]);
    const zh = await refusedUpload(file, 'nothing.xlsx');
    expect(zh.status).toBe(422);
    expect(zh.body).toMatchObject({
      statusCode: 422,
      code: 'VALIDATION_FAILED',
      errors: { file: expect.stringMatching(/^没有找到表头行.*“身份证号”“姓名”/) },
    });
    const en = await refusedUpload(Buffer.from('甲,乙\n1,2\n'), 'nothing.csv', 'en');
    expect(en.status).toBe(422);
    expect(en.body.errors).toEqual({ file: expect.stringMatching(/^No header row found/) });
    expect(totalOf(await api.request('GET', `/api/imports${listQuery({})}`, { token: school1 }))).toBe(before);
  });

  it('offers an error workbook with the original rows and an error column, and a template', async () => {
    const file = await xlsx([HEADER, ['123', '错', schoolCode, '普高', '高一', '在读'], [newId(), '对', schoolCode, '普高', '高一', '在读']]);
    const job = await settle(await upload(file, 'x.xlsx'));
    const response = await fetch(`${api.baseUrl}/api/imports/${job.id}/errors.xlsx`, { headers: { authorization: `Bearer ${school1}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER, '错误说明', '原行号']);
    expect(sheet.getRow(2).getCell(1).value).toBe('123');
    expect(String(sheet.getRow(2).getCell(7).value)).toContain('身份证号应为18位');
    expect(sheet.rowCount).toBe(2);

    const template = await fetch(`${api.baseUrl}/api/imports/template/students`, { headers: { authorization: `Bearer ${school1}` } });
    const tbook = new ExcelJS.Workbook();
    await tbook.xlsx.load(Buffer.from(await template.arrayBuffer()) as unknown as ArrayBuffer);
    const data = tbook.worksheets[0];
    expect(data.getRow(1).getCell(1).value).toBe('身份证号 *');
    expect(data.getRow(2).hidden).toBe(true);
    expect(data.getRow(2).getCell(1).value).toBe('idNumber');
    const stageColumn = (data.getRow(2).values as string[]).indexOf('stage');
    expect(data.getCell(3, stageColumn).dataValidation.formulae[0]).toContain('普高');
    expect(tbook.worksheets[1].name).toBe('填写说明');
  });

  it('refuses roles that may not write the resource, and files of other kinds', async () => {
    const inspector = await api.login('inspector');
    const form = new FormData();
    form.set('resource', 'students');
    form.set('file', new Blob([new Uint8Array(Buffer.from('x'))]), 'x.csv');
    expect((await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${inspector}` }, body: form })).status).toBe(403);
    const pdf = new FormData();
    pdf.set('resource', 'students');
    pdf.set('file', new Blob([new Uint8Array(Buffer.from('x'))]), 'x.pdf');
    const res = await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${school1}` }, body: pdf });
    expect(res.status).toBe(422);
  });

  it('lists import history as a resource, limited to the user’s region', async () => {
    const mine = await api.request('GET', `/api/imports${listQuery({ range: [0, 99] })}`, { token: school1 });
    expect(totalOf(mine)).toBeGreaterThan(3);
    const rongxian = await api.login('rongxian');
    expect(totalOf(await api.request('GET', `/api/imports${listQuery({})}`, { token: rongxian }))).toBe(0);
    const yuzhou = await api.login('yuzhou');
    expect((await api.request('GET', `/api/imports/${mine.body[0].id}`, { token: await api.login('school2') })).status).toBe(404);
    expect((await api.request('GET', `/api/imports/${mine.body[0].id}`, { token: yuzhou })).status).toBe(200);
  });
});
