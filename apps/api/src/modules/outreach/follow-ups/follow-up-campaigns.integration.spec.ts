import { DEMO_CAMPAIGN } from '../../../database/seed/demo-follow-ups';
import { DEMO_FUNDS_TERM } from '../../../database/seed/demo-funds';
import { expectedRecipients, type ExpectedRecipient, listAll } from '../../../testing/follow-up.fixtures';
import { startTestApp, type Json, type TestApp } from '../../../testing/test-app';

type Rec = Record<string, Json>;

const { year, term } = DEMO_FUNDS_TERM;

/**
 * 回访活动 on the demo term's payments: 抽样 takes up to the number per school of each
 * school's recipients, distinct, each at the school they are counted at, with what they were
 * paid (net of refunds) frozen; it runs once; a county draws only its own schools; a
 * campaign is closed, not deleted, once drawn; a closed one takes no change.
 */
describe('follow-up campaigns', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let recipients: Map<number, ExpectedRecipient>;
  let schoolPaths: Map<number, string>;

  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const create = async (body: Rec, user = 'admin'): Promise<Rec> => {
    const response = await call('POST', '/api/follow-up-campaigns', user, { kind: 'phone', year, term, samplePerSchool: 3, dueDate: '2026-06-30', ...body });
    if (response.status !== 201) throw new Error(`create: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const followUps = (campaignId: number) => listAll(api, token.admin, 'follow-ups', { campaignId });
  /** Recipients counted at each school under the path. */
  const perSchool = (pathPrefix: string) => {
    const counts = new Map<number, number>();
    for (const r of recipients.values()) if (schoolPaths.get(r.schoolId)?.startsWith(pathPrefix)) counts.set(r.schoolId, (counts.get(r.schoolId) ?? 0) + 1);
    return counts;
  };

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'inspector']) token[user] = await api.login(user);
    recipients = await expectedRecipients(api, token.admin, year, term);
    const schools = await listAll(api, token.admin, 'schools', {});
    const regions = new Map((await listAll(api, token.admin, 'regions', {})).map((r) => [r.id, r]));
    // A school's path: its region's ancestors, county first.
    schoolPaths = new Map(schools.map((s) => {
      const chain: string[] = [];
      for (let region = regions.get(s.regionId); region; region = regions.get(region.parentId)) chain.unshift(region.id);
      return [s.id, `${chain.join('.')}.`];
    }));
  }, 120_000);
  afterAll(() => api.close());

  it('the demo’s phone campaign: drawn five per school, calls recorded at two schools, one differing amount with its clue', async () => {
    const [demo] = await listAll(api, token.admin, 'follow-up-campaigns', { year, term });
    expect(demo).toMatchObject({ name: DEMO_CAMPAIGN.name, regionId: '450900', kind: 'phone', status: 'drawn', samplePerSchool: 5 });
    const rows = await listAll(api, token.admin, 'follow-ups', { campaignId: demo.id });
    const expected = [...perSchool('450900.').values()].reduce((sum, n) => sum + Math.min(n, 5), 0);
    expect(rows).toHaveLength(expected);
    expect(rows.every((r) => r.amountPaid === recipients.get(r.studentId)?.amountPaid)).toBe(true);
    const done = rows.filter((r) => r.status === 'done');
    expect(done).toHaveLength(5);
    const mismatched = done.filter((r) => r.amountCheck === 'different');
    expect(mismatched).toHaveLength(1);
    const clues = await listAll(api, token.admin, 'clues', { source: 'followUp' });
    expect(clues.map((c) => c.id)).toEqual([mismatched[0].clueId]);
    expect(clues[0]).toMatchObject({ schoolId: mismatched[0].schoolId, studentId: mismatched[0].studentId, status: 'open', recordKey: `follow-ups:${mismatched[0].id}` });
  });

  it('successful: a new campaign is a draft', async () => {
    const campaign = await create({ name: '春季电话回访（草稿）', regionId: '450900' });
    expect(campaign).toMatchObject({ status: 'draft', kind: 'phone', samplePerSchool: 3, writable: true });
    expect(await followUps(campaign.id)).toEqual([]);
  });

  it('successful: 抽样 takes up to the number per school of each school’s recipients, distinct, with what they were paid frozen', async () => {
    const campaign = await create({ name: '春季电话回访', regionId: '450900' });
    const drawn = await call('POST', `/api/follow-up-campaigns/${campaign.id}/draw`, 'admin');
    expect(drawn.status).toBe(200);
    const expectedPerSchool = perSchool('450900.');
    const expectedTotal = [...expectedPerSchool.values()].reduce((sum, n) => sum + Math.min(n, 3), 0);
    expect(drawn.body).toMatchObject({ id: campaign.id, status: 'drawn', drawn: expectedTotal, version: campaign.version + 1 });

    const rows = await followUps(campaign.id);
    expect(rows).toHaveLength(expectedTotal);
    expect(new Set(rows.map((r) => r.studentId)).size).toBe(rows.length);
    const drawnPerSchool = new Map<number, number>();
    for (const row of rows) drawnPerSchool.set(row.schoolId, (drawnPerSchool.get(row.schoolId) ?? 0) + 1);
    expect(Object.fromEntries(drawnPerSchool)).toEqual(Object.fromEntries([...expectedPerSchool].map(([school, n]) => [school, Math.min(n, 3)])));
    for (const row of rows) {
      const expected = recipients.get(row.studentId);
      expect({ student: row.studentId, school: row.schoolId, amount: row.amountPaid }).toEqual({ student: row.studentId, school: expected?.schoolId, amount: expected?.amountPaid });
      expect(row).toMatchObject({ kind: 'phone', status: 'pending', reached: false, clueId: null, recordedBy: null });
    }
  });

  it('successful: a sample larger than a school takes every recipient; a county draws only its own schools', async () => {
    const campaign = await create({ name: '玉州区入户走访', regionId: '450902', kind: 'visit', samplePerSchool: 200 }, 'yuzhou');
    const drawn = await call('POST', `/api/follow-up-campaigns/${campaign.id}/draw`, 'yuzhou');
    expect(drawn.status).toBe(200);
    const expected = [...recipients.values()].filter((r) => schoolPaths.get(r.schoolId)?.startsWith('450900.450902.'));
    expect(drawn.body.drawn).toBe(expected.length);
    const rows = await followUps(campaign.id);
    expect(rows.map((r) => r.studentId).sort()).toEqual(expected.map((r) => r.studentId).sort());
    expect(rows.every((r) => r.kind === 'visit' && r.schoolId === recipients.get(r.studentId)?.schoolId)).toBe(true);
  });

  it('failing: a second 抽样 is a conflict and draws nobody more', async () => {
    const campaign = await create({ name: '只抽一次', regionId: '450921' }, 'rongxian');
    expect((await call('POST', `/api/follow-up-campaigns/${campaign.id}/draw`, 'rongxian')).status).toBe(200);
    const before = (await followUps(campaign.id)).length;
    const again = await call('POST', `/api/follow-up-campaigns/${campaign.id}/draw`, 'rongxian');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'IN_USE', message: '该回访活动已抽样，不能再次抽样' });
    expect((await followUps(campaign.id)).length).toBe(before);
  });

  it('failing: nobody paid in the term → 422 and the campaign stays a draft', async () => {
    const campaign = await create({ name: '无发放学期', regionId: '450900', year: 2019, term: 'autumn' });
    const drawn = await call('POST', `/api/follow-up-campaigns/${campaign.id}/draw`, 'admin');
    expect(drawn.status).toBe(422);
    expect(drawn.body.errors).toEqual({ term: '该学期本区域没有已发放资助的学生，无可抽样' });
    expect((await call('GET', `/api/follow-up-campaigns/${campaign.id}`, 'admin')).body.status).toBe('draft');
  });

  it.each([
    ['a school officer', 'school1', 403],
    ['an inspector', 'inspector', 403],
    ['a county reading the city’s campaign', 'yuzhou', 403],
    ['another county', 'rongxian', 403],
  ])('failing: %s cannot draw the city’s campaign', async (_who, user, status) => {
    const campaign = await create({ name: `不可抽样-${user}`, regionId: '450900' });
    expect((await call('POST', `/api/follow-up-campaigns/${campaign.id}/draw`, user)).status).toBe(status);
    expect((await call('GET', `/api/follow-up-campaigns/${campaign.id}`, 'admin')).body.status).toBe('draft');
  });

  it('failing: another county neither reads nor draws a county’s campaign (404)', async () => {
    const campaign = await create({ name: '容县回访', regionId: '450921' }, 'rongxian');
    expect((await call('GET', `/api/follow-up-campaigns/${campaign.id}`, 'yuzhou')).status).toBe(404);
    expect((await call('POST', `/api/follow-up-campaigns/${campaign.id}/draw`, 'yuzhou')).status).toBe(404);
  });

  it('once drawn: the number per school stays, the rest is edited; closed, not deleted; a closed campaign takes no change', async () => {
    const campaign = await create({ name: '结束测试', regionId: '450902' }, 'yuzhou');
    expect((await call('POST', `/api/follow-up-campaigns/${campaign.id}/close`, 'yuzhou')).status).toBe(409);
    const drawn = (await call('POST', `/api/follow-up-campaigns/${campaign.id}/draw`, 'yuzhou')).body;
    const resample = await call('PUT', `/api/follow-up-campaigns/${campaign.id}`, 'yuzhou', { samplePerSchool: 9, version: drawn.version });
    expect(resample.status).toBe(422);
    expect(resample.body.errors).toEqual({ samplePerSchool: '已抽样，不能再修改每校抽样人数' });
    const renamed = await call('PUT', `/api/follow-up-campaigns/${campaign.id}`, 'yuzhou', { name: '结束测试（延期）', dueDate: '2026-07-15', version: drawn.version });
    expect(renamed.status).toBe(200);
    expect((await call('DELETE', `/api/follow-up-campaigns/${campaign.id}`, 'yuzhou')).status).toBe(409);

    const closed = await call('POST', `/api/follow-up-campaigns/${campaign.id}/close`, 'yuzhou');
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect((await call('POST', `/api/follow-up-campaigns/${campaign.id}/close`, 'yuzhou')).status).toBe(409);
    const edit = await call('PUT', `/api/follow-up-campaigns/${campaign.id}`, 'yuzhou', { name: '改不了', version: closed.body.version });
    expect(edit.status).toBe(409);
    expect(edit.body.message).toBe('该回访活动已结束，不能再修改或记录回访');
  });

  it.each(['abc', '0', '-1', '1.5', '99999999999', '999999'])('failing: 抽样 and 结束 of campaign %s are a 4xx, never a 500', async (id) => {
    for (const action of ['draw', 'close']) {
      const response = await call('POST', `/api/follow-up-campaigns/${id}/${action}`, 'admin');
      expect([400, 404]).toContain(response.status);
    }
  });

  it('a draft is deleted', async () => {
    const campaign = await create({ name: '删除草稿', regionId: '450900' });
    expect((await call('DELETE', `/api/follow-up-campaigns/${campaign.id}`, 'admin')).status).toBe(200);
  });

  it('records who drew in the audit log', async () => {
    const campaign = await create({ name: '审计', regionId: '450921' }, 'rongxian');
    await call('POST', `/api/follow-up-campaigns/${campaign.id}/draw`, 'rongxian');
    const log = await listAll(api, token.admin, 'audit-log', { resource: 'follow-up-campaigns', recordId: String(campaign.id) });
    expect(log.map((row) => [row.action, row.after?.status])).toEqual([
      ['create', 'draft'],
      ['update', 'drawn'],
    ]);
  });
});
