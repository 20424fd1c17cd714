import ExcelJS from 'exceljs';
import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';
import { designedProgram } from '../../testing/program.fixtures';

type Rec = Record<string, Json>;
type Cells = (string | number | null)[];

async function workbook(rows: Cells[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('申请');
  rows.forEach((row) => sheet.addRow(row));
  sheet.mergeCells('A1:F1');
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('importing applications onto a roster', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let roster: Rec;
  let students: Rec[]; // school1, plain ID numbers (admin's view)
  let foreign: Rec; // school2

  const upload = async (file: Buffer, allOrNothing: boolean, user = 'school1') => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(file)]), '申请名单.xlsx');
    form.set('allOrNothing', String(allOrNothing));
    const response = await fetch(`${api.baseUrl}/api/rosters/${roster.id}/applications`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token[user]}` } });
    return { status: response.status, body: await response.json() };
  };
  const entries = async () => (await api.request('GET', `/api/roster-entries${listQuery({ filter: { rosterId: roster.id }, range: [0, 999] })}`, { token: token.admin })).body as Rec[];

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'school1', 'school2']) token[user] = await api.login(user);
    const schoolOf = async (user: string) => (await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token: token[user] })).body[0].schoolId;
    const plain = async (schoolId: number, n: number) =>
      (await api.request('GET', `/api/students${listQuery({ filter: { schoolId, status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, n - 1] })}`, { token: token.admin })).body as Rec[];
    const school1 = await schoolOf('school1');
    students = await plain(school1, 3);
    [foreign] = await plain(await schoolOf('school2'), 1);
    const program = (await api.request('POST', '/api/programs', { token: token.admin, body: designedProgram({ stages: [students[0].stage], autoEnrol: false }) })).body;
    roster = (await api.request('POST', '/api/rosters', { token: token.school1, body: { programId: program.id, year: 2026, term: 'autumn', schoolId: school1 } })).body;
  });
  afterAll(() => api.close());

  const header: Cells = ['身份证号', '姓名', '资助档次', '家庭人口', '困难类型', '备注'];
  const file = () => {
    const [a, b, c] = students;
    return workbook([
      ['2026年秋季普通高中国家助学金申请汇总表', null, null, null, null, null],
      ['填报单位：玉林市第一中学', null, null, null, null, null],
      header,
      [a.idNumber, a.name, '一档', 5, '因病', '父亲重病'],
      [b.idNumber, b.name, '二档', 4, null, null],
      [Number(c.idNumber.slice(0, 15)), c.name, '二档', 3, null, null],
      [c.idNumber, '张冒名', '二档', 3, null, null],
      [foreign.idNumber, foreign.name, '一档', 3, null, null],
      [a.idNumber, a.name, '一档', 5, null, null],
      [c.idNumber, c.name, '五档', 3, null, null],
      [c.idNumber, c.name, '二档', '很多', '其他', null],
      [null, null, null, null, null, null],
    ]);
  };

  it('offers a template with the roster’s tiers and the program’s extra fields', async () => {
    const response = await fetch(`${api.baseUrl}/api/rosters/${roster.id}/applications/template.xlsx`, { headers: { authorization: `Bearer ${token.school1}` } });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const headers = (book.worksheets[0].getRow(1).values as unknown[]).filter(Boolean);
    expect(headers).toEqual(['身份证号 *', '姓名', '档次 *', '家庭人口 *', '困难类型', '备注']);
  });

  it('reports every faulty row by row and column, and writes nothing when all-or-nothing', async () => {
    const result = await upload(await file(), true);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ total: 8, inserted: 0, updated: 0, invalid: 6 });
    const where = result.body.errors.map((e: Rec) => `${e.row}:${e.column}`);
    expect(where).toEqual(['6:身份证号', '7:姓名', '8:身份证号', '9:身份证号', '10:资助档次', '11:家庭人口', '11:困难类型']);
    expect(result.body.errors[0].message).toContain('15');
    expect(result.body.errors[1].message).toContain(students[2].name);
    expect(result.body.errors[3].message).toContain('第4行');
    expect(await entries()).toEqual([]);
  });

  it('commits the valid rows when asked, with the tier’s amount and the answers', async () => {
    const result = await upload(await file(), false);
    expect(result.body).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, invalid: 6 });
    const byStudent = new Map((await entries()).map((e) => [e.studentId, e]));
    expect(byStudent.get(students[0].id)).toMatchObject({ tier: 'T1', amount: 125000, applicationData: { familySize: 5, hardship: '因病' }, note: '父亲重病', source: 'application' });
    expect(byStudent.get(students[1].id)).toMatchObject({ tier: 'T2', amount: 100000, applicationData: { familySize: 4 } });
    const rosterNow = (await api.request('GET', `/api/rosters/${roster.id}`, { token: token.school1 })).body;
    expect(rosterNow).toMatchObject({ entryCount: 2, totalAmount: 225000 });
  });

  it('changes nothing when the same file comes again, and updates what changed', async () => {
    expect((await upload(await file(), false)).body).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const [a] = students;
    const changed = await workbook([['表'], [], header, [a.idNumber, a.name, '二档', 5, '因病', '父亲重病']]);
    expect((await upload(changed, true)).body).toMatchObject({ inserted: 0, updated: 1, unchanged: 0, errors: [] });
    expect((await entries()).find((e) => e.studentId === a.id)).toMatchObject({ tier: 'T2', amount: 100000 });
  });

  it('refuses files without the key columns, other schools, and rosters that have left the school', async () => {
    const noTier = await upload(await workbook([['名单'], ['身份证号', '姓名'], [students[0].idNumber, students[0].name]]), true);
    expect(noTier.status).toBe(422);
    expect(noTier.body.errors.file).toContain('档次');
    expect((await upload(await file(), true, 'school2')).status).toBe(404);
    await api.request('POST', `/api/rosters/${roster.id}/actions`, { token: token.school1, body: { action: 'approve' } });
    const late = await upload(await file(), false);
    expect(late.status).toBe(422);
  });
});
