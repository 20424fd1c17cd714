import { DataSource } from 'typeorm';
import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';

type Rec = Record<string, Json>;

/** China's date `days` from today, as the API reckons it (UTC+8). */
const chinaToday = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);

describe('comparison verification progress per school', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let run: Rec;
  let school1: Rec;
  let school2: Rec;

  const get = (path: string, user = 'admin') => api.request('GET', path, { token: token[user] });
  const progress = async (id: number, user = 'admin') => (await get(`/api/comparisons/${id}/progress`, user)).body as Rec;
  const bySchool = (p: Rec, schoolId: number) => p.schools.find((s: Rec) => s.schoolId === schoolId);

  async function create(resource: string, body: Rec, user = 'admin'): Promise<Rec> {
    const response = await api.request('POST', `/api/${resource}`, { token: token[user], body });
    if (response.status !== 201) throw new Error(`create ${resource}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function runAndWait(id: number, user = 'admin'): Promise<void> {
    expect((await api.request('POST', `/api/comparisons/${id}/run`, { token: token[user] })).status).toBe(202);
    for (let i = 0; i < 200; i++) {
      if ((await get(`/api/comparisons/${id}`, user)).body.status !== 'running') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('comparison did not finish');
  }

  async function decide(user: string, resultId: number, decision: string, decisionReason?: string): Promise<void> {
    const current = (await get(`/api/comparison-results/${resultId}`, user)).body;
    const put = await api.request('PUT', `/api/comparison-results/${resultId}`, { token: token[user], body: { decision, decisionReason, version: current.version } });
    expect(put.status).toBe(200);
  }

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1']) token[user] = await api.login(user);
    school1 = (await get(`/api/schools${listQuery({ range: [0, 0] })}`, 'school1')).body[0];
    school2 = (await api.request('GET', `/api/schools${listQuery({ range: [0, 0] })}`, { token: await api.login('school2') })).body[0];
    const studentsOf = async (schoolId: number, n: number) =>
      (await get(`/api/students${listQuery({ filter: { schoolId, status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, n - 1] })}`)).body as Rec[];
    const types = (await get(`/api/identity-types${listQuery({ range: [0, 99] })}`)).body as Rec[];
    const list = await create('identity-lists', {
      name: '进度测试名单', department: 'civilAffairs', identityTypeId: types[1].id, regionId: '450900', batchDate: '2026-09-01',
    });
    for (const s of [...(await studentsOf(school1.id, 2)), ...(await studentsOf(school2.id, 1))]) {
      await create('identities', { listId: list.id, idNumber: s.idNumber, name: s.name });
    }
    run = await create('comparisons', { name: '进度测试', regionId: '450900', listIds: String(list.id), deadline: chinaToday(30) });
    await runAndWait(run.id);
    // Time passes: the deadline was yesterday (a deadline cannot be set in the past).
    await api.app.get(DataSource).query(`UPDATE comparisons SET deadline = $2 WHERE id = $1`, [run.id, chinaToday(-1)]);
  });
  afterAll(() => api.close());

  it('counts results per school, all pending at first, overdue after the deadline', async () => {
    const p = await progress(run.id);
    expect(p).toMatchObject({ comparisonId: run.id, deadline: chinaToday(-1), today: chinaToday(), deadlinePassed: true });
    expect(bySchool(p, school1.id)).toMatchObject({ schoolName: school1.name, total: 2, decided: 0, pending: 2, overdue: true, state: 'overdue' });
    expect(bySchool(p, school2.id)).toMatchObject({ total: 1, decided: 0, pending: 1, state: 'overdue' });
  });

  it('marks a school done once every result is decided', async () => {
    const rows = (await get(`/api/comparison-results${listQuery({ filter: { comparisonId: run.id }, range: [0, 9] })}`, 'school1')).body as Rec[];
    await decide('school1', rows[0].id, 'confirmed');
    expect(bySchool(await progress(run.id), school1.id)).toMatchObject({ decided: 1, confirmed: 1, pending: 1, state: 'overdue' });
    await decide('school1', rows[1].id, 'rejected', '已转学');
    expect(bySchool(await progress(run.id), school1.id)).toMatchObject({ total: 2, decided: 2, rejected: 1, pending: 0, overdue: false, state: 'done' });
  });

  it('groups the schools by county with subtotals, for the city', async () => {
    const p = await progress(run.id);
    expect(bySchool(p, school1.id)).toMatchObject({ countyId: '450902', countyName: '玉州区' });
    expect(bySchool(p, school2.id)).toMatchObject({ countyId: '450921', countyName: '容县' });
    // Schools come county by county, in the counties' order.
    expect(p.counties.map((c: Rec) => c.countyId)).toEqual(['450902', '450921']);
    expect(p.schools.map((s: Rec) => s.countyId)).toEqual(['450902', '450921']);
    expect(p.counties[0]).toEqual({
      countyId: '450902', countyName: '玉州区', total: 2, decided: 2, confirmed: 1, rejected: 1, pending: 0, schools: { done: 1, pending: 0, overdue: 0 },
    });
    expect(p.counties[1]).toMatchObject({ countyName: '容县', total: 1, decided: 0, pending: 1, schools: { done: 0, pending: 0, overdue: 1 } });
    // A county reads its own subtotal only.
    expect((await progress(run.id, 'yuzhou')).counties).toEqual([p.counties[0]]);
  });

  it('keeps a passed deadline on other edits, but refuses moving it into the past', async () => {
    const current = (await get(`/api/comparisons/${run.id}`)).body;
    const renamed = await api.request('PUT', `/api/comparisons/${run.id}`, { token: token.admin, body: { name: '进度测试（秋季）', deadline: current.deadline, version: current.version } });
    expect(renamed.status).toBe(200);
    const back = await api.request('PUT', `/api/comparisons/${run.id}`, { token: token.admin, body: { deadline: chinaToday(-2), version: renamed.body.version } });
    expect(back.status).toBe(422);
    expect(back.body.errors.deadline).toBe(`截止日期不能早于今天（${chinaToday()}）`);
  });

  it('is pending, not overdue, on the deadline day itself and before it', async () => {
    const current = (await get(`/api/comparisons/${run.id}`)).body;
    const put = await api.request('PUT', `/api/comparisons/${run.id}`, { token: token.admin, body: { deadline: chinaToday(), version: current.version } });
    expect(put.status).toBe(200);
    expect(await progress(run.id)).toMatchObject({ deadlinePassed: false });
    expect(bySchool(await progress(run.id), school2.id)).toMatchObject({ pending: 1, overdue: false, state: 'pending' });
  });

  it.each([
    ['in the past', () => chinaToday(-1), 'zh', `截止日期不能早于今天（${chinaToday()}）`],
    ['more than a year ahead', () => chinaToday(400), 'en', `The deadline must be within a year (by ${chinaToday(366)})`],
  ] as const)('refuses a new run with a deadline %s', async (_, deadline, lang, message) => {
    const response = await api.request('POST', '/api/comparisons', {
      token: token.admin,
      lang,
      body: { name: '截止日期校验', regionId: '450900', listIds: run.listIds, deadline: deadline() },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.deadline).toBe(message);
  });

  it("shows a county only its own schools, a school only itself, and other counties nothing", async () => {
    const county = await create('comparisons', { name: '玉州区进度', regionId: '450902', listIds: run.listIds, deadline: chinaToday(7) }, 'yuzhou');
    await runAndWait(county.id, 'yuzhou');
    const p = await progress(county.id, 'yuzhou');
    expect(p.schools.map((s: Rec) => s.schoolId)).toEqual([school1.id]);
    expect((await get(`/api/comparisons/${county.id}/progress`, 'rongxian')).status).toBe(404);
    expect((await progress(run.id, 'school1')).schools.map((s: Rec) => s.schoolId)).toEqual([school1.id]);
    expect((await progress(county.id, 'school1')).schools.map((s: Rec) => s.schoolId)).toEqual([school1.id]);
  });
});
