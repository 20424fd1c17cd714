import { formatYuan } from '@zizhu/schema';
import { DEMO_FUNDS_TERM } from '../../../database/seed/demo-funds';
import { listAll, PDF, PNG, uploadFile } from '../../../testing/follow-up.fixtures';
import { startTestApp, type Json, type TestApp } from '../../../testing/test-app';

type Rec = Record<string, Json>;

const { year, term } = DEMO_FUNDS_TERM;

/** China's calendar day `days` from now. */
const chinaDay = (days: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

const CALLED = '2026-05-20T10:30:00+08:00';

/**
 * 回访记录 through the generic update: what a recording needs (case table), who may record
 * which follow-ups, a family's differing amount opening exactly one problem clue in the
 * recording's transaction, and nothing recorded once the campaign is closed.
 */
describe('recording follow-ups', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let phone: Rec;
  let visit: Rec;
  let school1Id: number;

  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const get = async (id: number, user = 'admin'): Promise<Rec> => (await call('GET', `/api/follow-ups/${id}`, user)).body;
  const record = async (id: number, body: Rec, user = 'school1') => call('PUT', `/api/follow-ups/${id}`, user, { ...body, version: (await get(id)).version });
  const campaign = async (body: Rec, user: string): Promise<Rec> => {
    const created = await call('POST', '/api/follow-up-campaigns', user, { year, term, dueDate: '2026-06-30', ...body });
    const drawn = await call('POST', `/api/follow-up-campaigns/${created.body.id}/draw`, user);
    if (drawn.status !== 200) throw new Error(`draw: ${drawn.status} ${JSON.stringify(drawn.body)}`);
    return drawn.body;
  };
  /** A pending follow-up of the campaign at school1's school, one not used by another test. */
  const used = new Set<number>();
  const pendingAtSchool1 = async (campaignId: number): Promise<Rec> => {
    const rows = await listAll(api, token.school1, 'follow-ups', { campaignId, status: 'pending' });
    const row = rows.find((r) => !used.has(r.id));
    if (!row) throw new Error('no pending follow-up left at school1');
    used.add(row.id);
    return row;
  };
  const reachedAnswers = (overrides: Rec = {}): Rec => ({
    contactedAt: CALLED,
    reached: true,
    contactName: '学生母亲',
    knewPolicy: true,
    amountCheck: 'confirmed',
    satisfaction: 'satisfied',
    ...overrides,
  });

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2', 'inspector']) token[user] = await api.login(user);
    phone = await campaign({ name: '春季电话回访', regionId: '450900', kind: 'phone', samplePerSchool: 30 }, 'admin');
    visit = await campaign({ name: '玉州区大走访', regionId: '450902', kind: 'visit', samplePerSchool: 5 }, 'yuzhou');
    school1Id = (await call('GET', '/api/schools?range=[0,0]', 'school1')).body[0].id;
  }, 120_000);
  afterAll(() => api.close());

  it('successful: a school officer lists only its own school’s follow-ups', async () => {
    const own = await listAll(api, token.school1, 'follow-ups', { campaignId: phone.id });
    const all = await listAll(api, token.admin, 'follow-ups', { campaignId: phone.id });
    expect(own.length).toBeGreaterThan(3);
    expect(own.every((r) => r.schoolId === school1Id)).toBe(true);
    expect(own.map((r) => r.id)).toEqual(all.filter((r) => r.schoolId === school1Id).map((r) => r.id));
  });

  it.each<[string, Rec, Record<string, string>]>([
    ['reached, nothing else said', { reached: true }, { contactedAt: '请填写回访时间', contactName: '请填写回访对象（如学生母亲）', amountCheck: '请选择金额核对结果', satisfaction: '请选择满意度' }],
    ['not reached, no reason', { contactedAt: CALLED, reached: false }, { notes: '未联系上，请在回访情况中说明原因（如空号、无人接听、外出务工）' }],
    ['contacted tomorrow', reachedAnswers({ contactedAt: new Date(Date.now() + 86_400_000).toISOString() }), { contactedAt: '回访时间不能晚于现在' }],
    ['a different amount without the figure', reachedAnswers({ amountCheck: 'different' }), { reportedAmount: '金额不一致时请填写家长所述金额' }],
  ])('failing: %s → 422 on each missing answer, nothing recorded', async (_case, body, errors) => {
    const row = await pendingAtSchool1(phone.id);
    const response = await record(row.id, body);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(errors);
    expect(await get(row.id)).toMatchObject({ status: 'pending', recordedBy: null, version: row.version });
  });

  it.each(['reached', 'knewPolicy'])('failing: %s sent empty is refused on its field, never a server error', async (key) => {
    const row = await pendingAtSchool1(phone.id);
    const response = await record(row.id, { ...reachedAnswers(), [key]: null });
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.errors)).toEqual([key]);
  });

  it('failing: a “different” amount equal to what was paid is refused with the amount in yuan', async () => {
    const row = await pendingAtSchool1(phone.id);
    const response = await record(row.id, reachedAnswers({ amountCheck: 'different', reportedAmount: row.amountPaid }));
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual({ reportedAmount: `家长所述金额与发放金额（${formatYuan(row.amountPaid)} 元）相同，请选择“与发放一致”` });
  });

  it('successful: a family not reached is recorded with the reason; answers that do not apply are cleared', async () => {
    const row = await pendingAtSchool1(phone.id);
    const response = await record(row.id, { contactedAt: CALLED, reached: false, notes: '空号', amountCheck: 'confirmed', satisfaction: 'satisfied' });
    expect(response.status).toBe(200);
    const me = (await call('GET', '/api/auth/me', 'school1')).body;
    expect(response.body).toMatchObject({ status: 'done', reached: false, notes: '空号', amountCheck: null, satisfaction: null, reportedAmount: null, recordedBy: me.id, clueId: null });
  });

  it('successful: a family reached, the amount confirmed: done, no clue', async () => {
    const row = await pendingAtSchool1(phone.id);
    const response = await record(row.id, reachedAnswers({ reportedAmount: 12_300 }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'done', reached: true, amountCheck: 'confirmed', reportedAmount: null, clueId: null });
  });

  it('successful: a family reporting a different amount opens exactly one problem clue for the school, student and term', async () => {
    const row = await pendingAtSchool1(phone.id);
    const reported = row.amountPaid - 50_000;
    const before = await listAll(api, token.admin, 'clues', { source: 'followUp', studentId: row.studentId });
    const response = await record(row.id, reachedAnswers({ amountCheck: 'different', reportedAmount: reported, satisfaction: 'dissatisfied' }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'done', amountCheck: 'different', reportedAmount: reported, clueId: expect.any(Number) });

    const clue = (await call('GET', `/api/clues/${response.body.clueId}`, 'school1')).body;
    const lines = await listAll(api, token.admin, 'disbursements', { studentId: row.studentId, year, term, status: 'paid' });
    const programs = [...new Set(lines.map((l) => l.programId))];
    expect(clue).toMatchObject({
      source: 'followUp',
      kind: '回访反映金额与发放不一致',
      schoolId: row.schoolId,
      studentId: row.studentId,
      programId: programs.length === 1 ? programs[0] : null,
      year,
      term,
      status: 'open',
      severity: 'medium',
      recordKey: `follow-ups:${row.id}`,
      dueDate: chinaDay(30),
    });
    expect(clue.description).toContain(`收到资助 ${formatYuan(reported)} 元，系统发放记录为 ${formatYuan(row.amountPaid)} 元`);
    expect(clue.description).toContain('电话回访');
    expect(clue.description).toContain('回访对象：学生母亲');
    const after = await listAll(api, token.admin, 'clues', { source: 'followUp', studentId: row.studentId });
    expect(after.length - before.length).toBe(1);
    // Audited as the recording's officer opening it.
    const log = await listAll(api, token.admin, 'audit-log', { resource: 'clues', recordId: String(clue.id) });
    expect(log.map((l) => l.action)).toEqual(['create']);

    // Saved again (a note added): still one clue, the same one.
    const again = await record(row.id, { notes: '家长称只收到一部分' });
    expect(again.status).toBe(200);
    expect(again.body.clueId).toBe(clue.id);
    expect((await listAll(api, token.admin, 'clues', { source: 'followUp', studentId: row.studentId })).length).toBe(after.length);

    // The answer the clue stands on no longer changes.
    const undo = await record(row.id, { amountCheck: 'confirmed' });
    expect(undo.status).toBe(422);
    expect(undo.body.errors).toEqual({ amountCheck: `已据此开立问题线索 #${clue.id}，金额核对结果不能再修改` });
    const unreach = await record(row.id, { reached: false });
    expect(unreach.status).toBe(422);
    expect(Object.keys(unreach.body.errors)).toEqual(['amountCheck']);
  });

  it('failing: a home visit needs its photo, and a photo is an image', async () => {
    const rows = await listAll(api, token.school1, 'follow-ups', { campaignId: visit.id });
    const [first] = rows;
    const none = await record(first.id, reachedAnswers());
    expect(none.status).toBe(422);
    expect(none.body.errors).toEqual({ evidenceFileId: '入户走访须上传走访照片' });
    const pdf = await uploadFile(api, token.school1, '走访记录.pdf', PDF);
    const notImage = await record(first.id, reachedAnswers({ evidenceFileId: pdf }));
    expect(notImage.status).toBe(422);
    expect(notImage.body.errors).toEqual({ evidenceFileId: '走访照片须为 JPG 或 PNG 图片' });

    const photo = await uploadFile(api, token.school1, '走访照片.png', PNG);
    const visited = await record(first.id, reachedAnswers({ evidenceFileId: photo }));
    expect(visited.status).toBe(200);
    expect(visited.body).toMatchObject({ status: 'done', kind: 'visit', evidenceFileId: photo });
    // Linked to the follow-up: the county reads the photo, another county does not.
    const download = (user: string) => fetch(`${api.baseUrl}/api/files/${photo}`, { headers: { authorization: `Bearer ${token[user]}` } });
    expect((await download('yuzhou')).status).toBe(200);
    expect((await download('rongxian')).status).toBe(404);
  });

  it.each([
    ['an inspector', 'inspector', 403],
    ['another school', 'school2', 403],
    ['another county', 'rongxian', 403],
  ])('failing: %s cannot record school1’s follow-up', async (_who, user, status) => {
    const row = await pendingAtSchool1(phone.id);
    const response = await call('PUT', `/api/follow-ups/${row.id}`, user, { ...reachedAnswers(), version: row.version });
    expect(response.status).toBe(status);
    expect((await get(row.id)).status).toBe('pending');
  });

  it('successful: the county records a follow-up of its school', async () => {
    const row = await pendingAtSchool1(phone.id);
    const response = await record(row.id, reachedAnswers({ knewPolicy: false, satisfaction: 'neutral' }), 'yuzhou');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'done', knewPolicy: false, satisfaction: 'neutral' });
  });

  it('failing: no follow-up is created or deleted by hand', async () => {
    const row = await pendingAtSchool1(phone.id);
    expect((await call('POST', '/api/follow-ups', 'admin', { campaignId: phone.id, studentId: row.studentId, schoolId: row.schoolId })).status).toBe(403);
    expect((await call('DELETE', `/api/follow-ups/${row.id}`, 'admin')).status).toBe(403);
  });

  it('failing: once the campaign is closed nothing more is recorded (409)', async () => {
    const row = await pendingAtSchool1(phone.id);
    expect((await call('POST', `/api/follow-up-campaigns/${phone.id}/close`, 'admin')).status).toBe(200);
    const response = await record(row.id, reachedAnswers());
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'IN_USE', message: '该回访活动已结束，不能再修改或记录回访' });
    expect((await get(row.id)).status).toBe('pending');
  });
});
