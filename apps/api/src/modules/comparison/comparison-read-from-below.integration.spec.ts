import { idNumberCheckChar } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';

type Rec = Record<string, Json>;

/**
 * A city-wide run read from below: every figure a county or a school reads (summary,
 * embedded summary, executions) is its own subtree's; run-level actions on a run the
 * caller cannot read answer as for a missing run.
 */
describe('comparison runs read from below', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let run: Rec;
  let countyRun: Rec;
  let school1: Rec;

  const get = (path: string, user = 'admin') => api.request('GET', path, { token: token[user] });

  async function create(resource: string, body: Rec, user = 'admin'): Promise<Rec> {
    const response = await api.request('POST', `/api/${resource}`, { token: token[user], body });
    if (response.status !== 201) throw new Error(`create ${resource}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function runAndWait(id: number, user = 'admin'): Promise<void> {
    expect((await api.request('POST', `/api/comparisons/${id}/run`, { token: token[user] })).status).toBe(202);
    for (let i = 0; (await get(`/api/comparisons/${id}`, user)).body.status === 'running'; i++) {
      if (i > 200) throw new Error('comparison did not finish');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2']) token[user] = await api.login(user);
    const schoolOf = async (user: string) => (await get(`/api/schools${listQuery({ range: [0, 0] })}`, user)).body[0];
    school1 = await schoolOf('school1');
    const studentsOf = async (schoolId: number, n: number) =>
      (await get(`/api/students${listQuery({ filter: { schoolId, status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, n - 1] })}`)).body as Rec[];
    const [a1, a2] = await studentsOf(school1.id, 2);
    const [b1] = await studentsOf((await schoolOf('school2')).id, 1);
    const types = (await get(`/api/identity-types${listQuery({ range: [0, 99] })}`)).body as Rec[];
    const list = await create('identity-lists', {
      name: '分级读取测试名单', department: 'civilAffairs', identityTypeId: types[1].id, regionId: '450900', batchDate: '2026-09-01',
    });
    // 玉州区 (school1): one exact, one questionable. 容县 (school2): one exact, one person enrolled nowhere.
    await create('identities', { listId: list.id, idNumber: a1.idNumber, name: a1.name });
    await create('identities', { listId: list.id, idNumber: a2.idNumber, name: `${a2.name}乙` });
    await create('identities', { listId: list.id, idNumber: b1.idNumber, name: b1.name });
    const first17 = `45092120000101${'771'}`;
    await create('identities', { listId: list.id, idNumber: first17 + idNumberCheckChar(first17), name: '县外就读人员', householdRegionId: '450921' });
    run = await create('comparisons', { name: '分级读取测试', regionId: '450900', listIds: String(list.id) });
    await runAndWait(run.id);
    countyRun = await create('comparisons', { name: '容县自己的比对', regionId: '450921', listIds: String(list.id) }, 'rongxian');
  });
  afterAll(() => api.close());

  const summaryOf = async (user: string) => (await get(`/api/comparisons/${run.id}/summary`, user)).body as Rec;
  const treeTotals = async (user: string) => (await get(`/api/comparisons/${run.id}/summary/tree`, user)).body.node.totals as Rec;

  it('gives the city the whole run', async () => {
    const summary = await summaryOf('admin');
    expect(summary.totals).toEqual({ identitiesCompared: 4, studentsCompared: (await treeTotals('admin')).studentsCompared, studentsFound: 3, questionable: 1, unmatched: 1 });
    expect(summary.rows.map((r: Rec) => r.countyId)).toEqual(expect.arrayContaining(['450902', '450921', '450903']));
  });

  it.each([
    ['yuzhou', '450902', { identitiesCompared: 2, studentsFound: 2, questionable: 1, unmatched: 0 }],
    ['rongxian', '450921', { identitiesCompared: 2, studentsFound: 1, questionable: 0, unmatched: 1 }],
    ['school1', 'school', { identitiesCompared: 2, studentsFound: 2, questionable: 1, unmatched: 0 }],
  ])('GET /comparisons/:id/summary gives %s its own subtree only', async (user, node, totals) => {
    const summary = await summaryOf(user);
    expect(summary.totals).toEqual({ ...totals, studentsCompared: (await treeTotals(user)).studentsCompared });
    const own = node === 'school' ? String(school1.id) : node;
    expect(summary.rows.length).toBeGreaterThan(0);
    expect(summary.rows.every((r: Rec) => r.countyId === own)).toBe(true);
    const all = summary.rows.find((r: Rec) => r.stage === null && r.identityTypeId === null);
    expect(all).toMatchObject({ studentsFound: totals.studentsFound, unmatched: totals.unmatched });
  });

  it.each(['yuzhou', 'school1'])('GET /comparisons and /comparisons/:id embed the same subtree summary for %s', async (user) => {
    const expected = await summaryOf(user);
    const one = (await get(`/api/comparisons/${run.id}`, user)).body;
    expect(one.writable).toBe(false);
    expect(one.summary).toEqual(expected);
    const listed = ((await get(`/api/comparisons${listQuery({ range: [0, 99] })}`, user)).body as Rec[]).find((c) => c.id === run.id);
    expect(listed?.summary).toEqual(expected);
    expect(JSON.stringify(one.summary)).not.toContain('450921');
  });

  it.each([
    ['admin', { identitiesCompared: 4, matched: 2, questionable: 1, unmatched: 1, added: 4 }],
    ['yuzhou', { identitiesCompared: 2, matched: 1, questionable: 1, unmatched: 0, added: 2 }],
    ['rongxian', { identitiesCompared: 2, matched: 1, questionable: 0, unmatched: 1, added: 2 }],
    ['school1', { identitiesCompared: 2, matched: 1, questionable: 1, unmatched: 0, added: 2 }],
    // The unmatched person is filed at 容县 itself, not at school2.
    ['school2', { identitiesCompared: 1, matched: 1, questionable: 0, unmatched: 0, added: 1 }],
  ])('GET /comparison-executions gives %s its own subtree counts', async (user, counts) => {
    const lines = (await get(`/api/comparison-executions${listQuery({ filter: { comparisonId: run.id } })}`, user)).body as Rec[];
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ ...counts, changed: 0, removed: 0 });
    expect((await get(`/api/comparison-executions/${lines[0].id}`, user)).body).toMatchObject(counts);
  });

  it("exports the executions with the reader's own counts", async () => {
    const csv = async (user: string) => {
      const filter = encodeURIComponent(JSON.stringify({ comparisonId: run.id }));
      const response = await fetch(`${api.baseUrl}/api/comparison-executions/export?format=csv&filter=${filter}`, {
        headers: { authorization: `Bearer ${token[user]}`, 'accept-language': 'zh-CN' },
      });
      expect(response.status).toBe(200);
      const [header, line] = (await response.text()).replace(/^\uFEFF/, '').split('\r\n');
      const columns = header.split(',');
      const cells = line.split(',');
      return (label: string) => cells[columns.indexOf(label)];
    };
    const city = await csv('admin');
    expect([city('比对名单人数'), city('比对一致'), city('未匹配人员')]).toEqual(['4', '2', '1']);
    const county = await csv('yuzhou');
    expect([county('比对名单人数'), county('比对一致'), county('疑似'), county('未匹配人员'), county('新增结果')]).toEqual(['2', '1', '1', '0', '2']);
  });

  it('counts what a re-run changed under each reader: removals where the results were', async () => {
    const a2 = ((await get(`/api/comparison-results${listQuery({ filter: { comparisonId: run.id, outcome: 'questionable' } })}`)).body as Rec[])[0];
    const identity = (await get(`/api/identities/${a2.identityId}`)).body;
    const student = (await get(`/api/students/${a2.studentId}`)).body;
    // The list now spells the name as the student's: the questionable match becomes exact.
    const edited = await api.request('PUT', `/api/identities/${identity.id}`, { token: token.admin, body: { name: student.name, version: identity.version } });
    expect(edited.status).toBe(200);
    await runAndWait(run.id);
    const latest = async (user: string) =>
      ((await get(`/api/comparison-executions${listQuery({ filter: { comparisonId: run.id }, sort: ['id', 'DESC'] })}`, user)).body as Rec[])[0];
    expect(await latest('admin')).toMatchObject({ matched: 3, questionable: 0, changed: 1, added: 0, removed: 0 });
    expect(await latest('yuzhou')).toMatchObject({ matched: 2, questionable: 0, changed: 1 });
    expect(await latest('rongxian')).toMatchObject({ matched: 1, unmatched: 1, changed: 0 });
  });

  it('shows no figures below the region for an execution recorded before breakdowns were kept', async () => {
    const [first] = (await get(`/api/comparison-executions${listQuery({ filter: { comparisonId: run.id }, sort: ['id', 'ASC'] })}`)).body as Rec[];
    await api.app.get(DataSource).query(`DELETE FROM comparison_execution_counts WHERE execution_id = $1`, [first.id]);
    expect((await get(`/api/comparison-executions/${first.id}`, 'yuzhou')).body).toMatchObject({ identitiesCompared: null, matched: null, added: null });
    expect((await get(`/api/comparison-executions/${first.id}`)).body).toMatchObject({ identitiesCompared: 4, matched: 2 });
  });

  it.each(['yuzhou', 'school1'])("answers %s's run-level actions on a run it cannot read exactly as for a missing run", async (user) => {
    const missing = 999_999;
    const cases: [string, (id: number) => string, Rec | undefined][] = [
      ['POST', (id) => `/api/comparisons/${id}/results/confirm`, { ids: [1, 2, 3] }],
      ['GET', (id) => `/api/comparisons/${id}/summary`, undefined],
      ['GET', (id) => `/api/comparisons/${id}/summary/tree`, undefined],
      ['GET', (id) => `/api/comparisons/${id}/progress`, undefined],
      ['GET', (id) => `/api/comparisons/${id}`, undefined],
      ...(user === 'yuzhou'
        ? ([
            ['POST', (id: number) => `/api/comparisons/${id}/run`, undefined],
            ['PUT', (id: number) => `/api/comparisons/${id}`, { name: '改名', version: 1 }],
            ['DELETE', (id: number) => `/api/comparisons/${id}`, undefined],
          ] as [string, (id: number) => string, Rec | undefined][])
        : []),
    ];
    for (const [method, path, body] of cases) {
      const hidden = await api.request(method, path(countyRun.id), { token: token[user], body });
      const absent = await api.request(method, path(missing), { token: token[user], body });
      expect([method, path(0), hidden.status, hidden.body]).toEqual([method, path(0), 404, absent.body]);
    }
    // The county's own run is untouched.
    expect((await get(`/api/comparisons/${countyRun.id}`, 'rongxian')).body).toMatchObject({ name: '容县自己的比对', status: 'draft' });
  });
});
