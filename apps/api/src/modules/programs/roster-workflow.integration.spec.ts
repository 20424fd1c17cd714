import ExcelJS from 'exceljs';
import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';
import { designedProgram } from '../../testing/program.fixtures';

type Rec = Record<string, Json>;

describe('rosters and the approval chain', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let program: Rec;
  let roster: Rec;
  let marked: Rec; // school1 student with an approved omission (a special identity)
  let applicant: Rec; // school1 student without a mark
  let other: Rec; // school2 student

  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const act = (user: string, action: string, comment?: string) => call('POST', `/api/rosters/${roster.id}/actions`, user, { action, comment });
  const entries = async (rosterId = roster.id) => (await call('GET', `/api/roster-entries${listQuery({ filter: { rosterId }, range: [0, 999] })}`, 'admin')).body as Rec[];

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2', 'finance']) token[user] = await api.login(user);
    const enrolled = async (user: string) =>
      (await call('GET', `/api/students${listQuery({ filter: { status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, 2] })}`, user)).body as Rec[];
    [marked, applicant] = await enrolled('school1');
    [other] = await enrolled('school2');
    const types = (await call('GET', `/api/identity-types${listQuery({ range: [0, 99] })}`, 'admin')).body as Rec[];
    const omission = await call('POST', '/api/omissions', 'school1', { studentId: marked.id, identityTypeId: types[0].id, reason: '低保户' });
    await call('POST', `/api/omissions/${omission.body.id}/review`, 'yuzhou', { decision: 'approved' });
    const rule = { combinator: 'and', rules: [{ field: 'status', operator: '=', value: 'enrolled' }, { field: 'stage', operator: 'in', value: [marked.stage] }] };
    program = (await call('POST', '/api/programs', 'admin', designedProgram({ stages: [marked.stage], eligibilityRule: rule, supervisionPhone: '0775-2821234' }))).body;
  }, 120_000);
  afterAll(() => api.close(), 60_000);

  it('creates a roster from the program and enrols marked students at the top tier, unasked', async () => {
    const created = await call('POST', '/api/rosters', 'school1', { programId: program.id, year: 2026, term: 'autumn', schoolId: marked.schoolId });
    expect(created.body).toMatchObject({ id: expect.any(Number) });
    expect(created.status).toBe(201);
    roster = created.body;
    expect(roster).toMatchObject({ status: 'draft', stepIndex: 0, stepLabel: '学校申报', deadline: '2026-09-25', autoEnrol: true, programVersion: program.version });
    const [auto] = (await entries()).filter((e) => e.studentId === marked.id);
    expect(auto).toMatchObject({ tier: 'T1', amount: 125000, source: 'auto', year: 2026, term: 'autumn' });
    expect((await entries()).every((e) => e.source === 'auto' && e.tier === 'T1')).toBe(true);
    expect(roster.entryCount).toBe((await entries()).length);
    expect(roster.totalAmount).toBe(125000 * roster.entryCount);
  });

  it('refuses a roster for a year or term the program does not run', async () => {
    const early = await call('POST', '/api/rosters', 'school1', { programId: program.id, year: 2025, term: 'autumn', schoolId: marked.schoolId });
    expect(early.status).toBe(422);
    expect(early.body.errors.year).toBeTruthy();
    const yearly = await call('POST', '/api/rosters', 'school1', { programId: program.id, year: 2026, term: 'yearly', schoolId: marked.schoolId });
    expect(yearly.body.errors.term).toBeTruthy();
    const elsewhere = await call('POST', '/api/rosters', 'school1', { programId: program.id, year: 2026, term: 'spring', schoolId: other.schoolId });
    expect(elsewhere.status).toBe(403);
    const schools = (await call('GET', `/api/schools${listQuery({ range: [0, 99] })}`, 'admin')).body as Rec[];
    const unrelated = schools.find((s) => !s.stages.includes(marked.stage));
    const wrongStage = await call('POST', '/api/rosters', 'admin', { programId: program.id, year: 2026, term: 'spring', schoolId: unrelated?.id });
    expect(wrongStage.body.errors.schoolId).toContain('学段');
  });

  it("checks an application's extra fields against the program", async () => {
    const base = { rosterId: roster.id, studentId: applicant.id, tier: 'T2' };
    const invalid = await call('POST', '/api/roster-entries', 'school1', { ...base, applicationData: { familySize: '很多', hardship: '其他', pets: 2 } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toMatchObject({
      'applicationData.familySize': expect.stringContaining('数字'),
      'applicationData.hardship': expect.stringContaining('低收入'),
      'applicationData.pets': expect.any(String),
    });
    const missing = await call('POST', '/api/roster-entries', 'school1', { ...base, applicationData: {} });
    expect(missing.body.errors['applicationData.familySize']).toContain('请填写');
    const badTier = await call('POST', '/api/roster-entries', 'school1', { ...base, tier: 'T9', applicationData: { familySize: 4 } });
    expect(badTier.body.errors.tier).toBeTruthy();

    const valid = await call('POST', '/api/roster-entries', 'school1', { ...base, amount: 1, applicationData: { familySize: 4, hardship: '因病' } });
    expect(valid.status).toBe(201);
    expect(valid.body).toMatchObject({ tier: 'T2', amount: 100000, source: 'application', applicationData: { familySize: 4, hardship: '因病' } });

    const [auto] = (await entries()).filter((e) => e.source === 'auto');
    const retiered = await call('PUT', `/api/roster-entries/${auto.id}`, 'school1', { tier: 'T2', version: auto.version });
    expect(retiered.body).toMatchObject({ tier: 'T2', amount: 100000, source: 'auto' }); // no answers asked of an automatic entry
    await call('PUT', `/api/roster-entries/${auto.id}`, 'school1', { tier: 'T1', version: retiered.body.version });

    const twice = await call('POST', '/api/roster-entries', 'school1', { ...base, applicationData: { familySize: 4 } });
    expect(twice.status).toBe(422);
    expect(twice.body.errors.studentId).toContain('只能列入一次');
    const foreign = await call('POST', '/api/roster-entries', 'school1', { ...base, studentId: other.id, applicationData: { familySize: 3 } });
    expect(foreign.status).toBe(422);
  });

  it('lists problems at submission and refuses to submit until they are fixed', async () => {
    const student = (await call('GET', `/api/students/${applicant.id}`, 'school1')).body;
    await call('PUT', `/api/students/${applicant.id}`, 'school1', { status: 'suspended', version: student.version });
    const problems = (await call('GET', `/api/rosters/${roster.id}/problems`, 'school1')).body as Rec[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ studentId: applicant.id, code: 'notEnrolled' }),
        expect.objectContaining({ studentId: applicant.id, code: 'notEligible' }),
      ]),
    );
    const refused = await act('school1', 'approve');
    expect(refused.status).toBe(422);
    expect(refused.body.errors.action).toContain(applicant.name);
    const again = (await call('GET', `/api/students/${applicant.id}`, 'school1')).body;
    await call('PUT', `/api/students/${applicant.id}`, 'school1', { status: 'enrolled', version: again.version });
    expect((await call('GET', `/api/rosters/${roster.id}/problems`, 'school1')).body).toEqual([]);
  });

  it('moves step by step; only the step’s role and level act, in their region', async () => {
    expect((await act('yuzhou', 'approve')).status).toBe(403); // the school's step
    const submitted = await act('school1', 'approve');
    expect(submitted.body).toMatchObject({ status: 'inReview', stepIndex: 1, stepLabel: '审查认定' });
    expect((await call('POST', '/api/roster-entries', 'school1', { rosterId: roster.id, studentId: other.id, tier: 'T1' })).status).toBe(422);

    expect((await act('school1', 'approve')).body.stepLabel).toBe('区县教育局审核');
    const skipping = await act('finance', 'approve');
    expect(skipping.status).toBe(403);
    expect(skipping.body.message).toContain('区县教育局审核');
    expect((await act('school1', 'approve')).status).toBe(403);
    expect((await act('rongxian', 'approve')).status).toBe(404);
    expect((await act('yuzhou', 'return')).status).toBe(422); // a reason is required

    const back = await act('yuzhou', 'return', '困难类型填写不全');
    expect(back.body).toMatchObject({ status: 'inReview', stepIndex: 1 });
    const toSchool = await act('school1', 'return', '补充家庭人口');
    expect(toSchool.body).toMatchObject({ status: 'returned', stepIndex: 0, stepLabel: '学校申报' });

    const [entry] = (await entries()).filter((e) => e.studentId === applicant.id);
    const edited = await call('PUT', `/api/roster-entries/${entry.id}`, 'school1', { tier: 'T1', applicationData: { familySize: 5, hardship: '因病' }, version: entry.version });
    expect(edited.body).toMatchObject({ tier: 'T1', amount: 125000 });

    for (const user of ['school1', 'school1', 'yuzhou']) expect((await act(user, 'approve')).status).toBe(200);
    const approved = await act('finance', 'approve', '资金已落实');
    expect(approved.body).toMatchObject({ status: 'approved', stepLabel: '已审定' });
    expect((await act('finance', 'approve')).status).toBe(422);

    const history = (await call('GET', `/api/roster-actions${listQuery({ filter: { rosterId: roster.id }, range: [0, 99] })}`, 'school1')).body as Rec[];
    expect(history.map((h) => `${h.stepLabel}:${h.action}`)).toEqual([
      '学校申报:approve',
      '审查认定:approve',
      '区县教育局审核:return',
      '审查认定:return',
      '学校申报:approve',
      '审查认定:approve',
      '区县教育局审核:approve',
      '财政局确认:approve',
    ]);
    expect(history[2]).toMatchObject({ comment: '困难类型填写不全', actedBy: expect.any(Number), actedByName: expect.stringContaining('玉州区'), actedAt: expect.any(String) });
  });

  it('freezes an approved roster: no edits, program changes do not reach it, amendments are logged', async () => {
    const [entry] = (await entries()).filter((e) => e.studentId === applicant.id);
    expect((await call('PUT', `/api/roster-entries/${entry.id}`, 'school1', { tier: 'T2', version: entry.version })).status).toBe(422);
    expect((await call('DELETE', `/api/roster-entries/${entry.id}`, 'school1')).status).toBe(422);

    const current = (await call('GET', `/api/programs/${program.id}`, 'admin')).body;
    const raised = await call('PUT', `/api/programs/${program.id}`, 'admin', { tiers: [{ code: 'T1', label: '一档', amount: 150000 }], version: current.version });
    expect(raised.status).toBe(200);
    const frozen = (await call('GET', `/api/rosters/${roster.id}`, 'school1')).body;
    expect(frozen.tiers[0].amount).toBe(125000);
    expect((await entries()).find((e) => e.id === entry.id)?.amount).toBe(125000);

    expect((await call('POST', `/api/rosters/${roster.id}/amendments`, 'school1', { entryId: entry.id, tier: 'T2', reason: '核减' })).status).toBe(403);
    expect((await call('POST', `/api/rosters/${roster.id}/amendments`, 'yuzhou', { entryId: entry.id, tier: 'T2' })).status).toBe(422);
    const amended = await call('POST', `/api/rosters/${roster.id}/amendments`, 'yuzhou', { entryId: entry.id, tier: 'T2', reason: '家庭收入核实后调整为二档' });
    expect(amended.status).toBe(200);
    expect(amended.body.totalAmount).toBe(frozen.totalAmount - 25000);
    const history = (await call('GET', `/api/roster-actions${listQuery({ filter: { rosterId: roster.id, action: 'amend' } })}`, 'admin')).body as Rec[];
    expect(history).toEqual([expect.objectContaining({ comment: '家庭收入核实后调整为二档', change: expect.objectContaining({ entryId: entry.id }) })]);
  });

  it('ends a roster that a step rejects', async () => {
    const spring = (await call('POST', '/api/rosters', 'school1', { programId: program.id, year: 2026, term: 'spring', schoolId: marked.schoolId })).body;
    expect(spring.tiers[0].amount).toBe(150000); // the program as it is now
    const path = `/api/rosters/${spring.id}/actions`;
    expect((await call('POST', path, 'school1', { action: 'reject', comment: '不报' })).status).toBe(422); // not at the school's own step
    await call('POST', path, 'school1', { action: 'approve' });
    const rejected = await call('POST', path, 'school1', { action: 'reject', comment: '认定材料不实' });
    expect(rejected.body).toMatchObject({ status: 'rejected' });
    expect((await call('POST', path, 'school1', { action: 'approve' })).status).toBe(422);
  });

  it('keeps rosters out of the generic import, which would skip these checks', async () => {
    const schema = (await call('GET', '/api/schema', 'school1')).body;
    const importable = Object.fromEntries(schema.resources.map((r: Rec) => [r.name, r.importable]));
    expect(importable).toMatchObject({ students: true, rosters: false, 'roster-entries': false });
    const template = await call('GET', '/api/imports/template/roster-entries', 'school1');
    expect(template.status).toBe(422);
  });

  it('exports the public notice with masked ID numbers', async () => {
    const response = await fetch(`${api.baseUrl}/api/rosters/${roster.id}/notice.xlsx`, { headers: { authorization: `Bearer ${token.yuzhou}` } });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    // Rows 1-3: the heading (school, term, program), 公示期 and 监督电话; the table starts on row 4.
    expect(sheet.getRow(4).values).toEqual([undefined, '序号', '姓名', '身份证号', '年级', '班级', '资助档次', '金额（元）']);
    const names = new Map<string, string>();
    sheet.eachRow((row, n) => n > 4 && names.set(String(row.getCell(2).value), String(row.getCell(3).value)));
    expect(names.get(applicant.name)).toMatch(/^\d{6}\*+\w{4}$|^\d{4}\*+/);
    expect([...names.values()].every((id) => id.includes('*'))).toBe(true);
    expect(sheet.rowCount - 4).toBe((await entries()).length);
  });

  it("heads the notice with the school, term and program, the 公示期 entered on export and the program's 监督电话", async () => {
    const download = (query: string) => fetch(`${api.baseUrl}/api/rosters/${roster.id}/notice.xlsx${query}`, { headers: { authorization: `Bearer ${token.school1}` } });
    const response = await download('?start=2026-09-26&end=2026-10-02');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const school = (await call('GET', `/api/schools/${marked.schoolId}`, 'admin')).body;
    expect([1, 2, 3].map((n) => sheet.getCell(`A${n}`).value)).toEqual([
      `${school.name}2026年秋季学期${program.name}受助学生名单公示`,
      '公示期：2026年9月26日至2026年10月2日',
      '监督电话：07752821234', // stored as the API normalises phones
    ]);
    expect(sheet.getCell('A1').isMerged).toBe(true);

    const blank = await download('');
    const blankBook = new ExcelJS.Workbook();
    await blankBook.xlsx.load((await blank.arrayBuffer()) as ArrayBuffer);
    expect(blankBook.worksheets[0].getCell('A2').value).toBe('公示期：　　年　月　日至　　年　月　日');

    for (const [query, field] of [['?start=2026-09-26', 'end'], ['?start=2026-13-01&end=2026-10-02', 'start'], ['?start=2026-10-02&end=2026-09-26', 'end']]) {
      const refused = await download(query);
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-disposition')).toBeNull();
      expect(Object.keys((await refused.json()).errors)).toEqual([field]);
    }
  });

  it('checks the 监督电话 as a phone number', async () => {
    const bad = await call('POST', '/api/programs', 'admin', designedProgram({ code: 'BAD-PHONE', supervisionPhone: '12345' }));
    expect(bad.status).toBe(422);
    expect(bad.body.errors.supervisionPhone).toBeTruthy();
    expect(program.supervisionPhone).toBe('07752821234');
  });
});
