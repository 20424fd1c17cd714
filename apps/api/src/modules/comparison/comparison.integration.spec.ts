import { idNumberCheckChar } from '@zizhu/schema';
import { listQuery, startTestApp, type TestApp, totalOf, type Json } from '../../testing/test-app';

type Rec = Record<string, Json>;

/** Another valid ID number of the same region and birth date (a different person, or a typo). */
function sibling(idNumber: string, sequence: string): string {
  const first17 = idNumber.slice(0, 14) + sequence;
  return first17 + idNumberCheckChar(first17);
}

describe('big-data comparison', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let stuA1: Rec; // school1: on two lists, exact
  let stuA2: Rec; // school1: exact ID, the list spells the name differently
  let stuB1: Rec; // school2: only name + birth date match (the list has another ID number)
  let stuB2: Rec; // school2: exact
  const outsider = sibling('45090219800101000X', '551'); // on a list, enrolled nowhere
  let lowIncome: Rec;
  let disabled: Rec;
  const identity: Record<string, Rec> = {};
  let run: Rec;

  const get = (path: string, user = 'admin') => api.request('GET', path, { token: token[user] });
  const results = async (user: string, filter: Rec = {}) =>
    (await get(`/api/comparison-results${listQuery({ filter: { comparisonId: run.id, ...filter }, range: [0, 999] })}`, user)).body as Rec[];
  const resultOf = (rows: Rec[], key: string) => rows.filter((r) => r.identityId === identity[key].id);

  async function runAndWait(id: number, user = 'admin'): Promise<Rec> {
    const started = await api.request('POST', `/api/comparisons/${id}/run`, { token: token[user] });
    expect(started.status).toBe(202);
    for (let i = 0; i < 200; i++) {
      const current = (await get(`/api/comparisons/${id}`, user)).body;
      if (current.status !== 'running') return current;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('comparison did not finish');
  }

  async function create(resource: string, body: Rec, user = 'admin'): Promise<Rec> {
    const response = await api.request('POST', `/api/${resource}`, { token: token[user], body });
    if (response.status !== 201) throw new Error(`create ${resource}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2']) token[user] = await api.login(user);
    const schoolOf = async (user: string) => (await get(`/api/schools${listQuery({ range: [0, 0] })}`, user)).body[0].id;
    const studentsOf = async (schoolId: number) =>
      (await get(`/api/students${listQuery({ filter: { schoolId, status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, 1] })}`)).body as Rec[];
    [stuA1, stuA2] = await studentsOf(await schoolOf('school1'));
    [stuB1, stuB2] = await studentsOf(await schoolOf('school2'));

    const types = (await get(`/api/identity-types${listQuery({ range: [0, 99] })}`)).body as Rec[];
    const typeId = (name: string) => types.find((t) => t.name === name)?.id;
    lowIncome = await create('identity-lists', {
      name: '2026年9月民政低保名单', department: 'civilAffairs', identityTypeId: typeId('最低生活保障'),
      regionId: '450900', batchDate: '2026-09-01', documentNumber: '玉民发〔2026〕12号',
    });
    disabled = await create('identity-lists', {
      name: '2026年9月残联名单', department: 'disabledFederation', identityTypeId: typeId('残疾'), regionId: '450900', batchDate: '2026-09-01',
    });
    const person = (list: Rec, idNumber: string, name: string, extra: Rec = {}) => create('identities', { listId: list.id, idNumber, name, ...extra });
    identity.a1 = await person(lowIncome, stuA1.idNumber, stuA1.name);
    identity.a1Disabled = await person(disabled, stuA1.idNumber, stuA1.name);
    identity.a2 = await person(lowIncome, stuA2.idNumber, `${stuA2.name}二`);
    const b1Id = sibling(stuB1.idNumber, stuB1.idNumber.slice(14, 17) === '999' ? '998' : '999');
    expect(totalOf(await get(`/api/students${listQuery({ filter: { idNumber: b1Id } })}`))).toBe(0);
    identity.b1 = await person(lowIncome, b1Id, stuB1.name);
    identity.b2 = await person(disabled, stuB2.idNumber, stuB2.name);
    identity.outsider = await person(lowIncome, outsider, '未入学人员', { householdRegionId: '450902' });

    run = await create('comparisons', { name: '2026年秋季学期大数据比对', regionId: '450900', listIds: `${lowIncome.id},${disabled.id}`, deadline: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10) });
    expect(run.status).toBe('draft');
  });
  afterAll(() => api.close());

  it('seeds the six identity types of the notices, in priority order', async () => {
    const types = (await get(`/api/identity-types${listQuery({ range: [0, 99] })}`, 'school1')).body as Rec[];
    expect(types.map((t) => t.name)).toEqual(['建档立卡贫困户', '最低生活保障', '特困救助供养', '孤儿', '残疾', '建档困难职工']);
  });

  it('runs in the background to done, and matches exactly, questionably and not at all', async () => {
    const done = await runAndWait(run.id);
    expect(done).toMatchObject({ status: 'done', progress: { percent: 100 }, startedAt: expect.any(String), finishedAt: expect.any(String) });
    const rows = await results('admin');
    expect(resultOf(rows, 'a1')).toEqual([expect.objectContaining({ studentId: stuA1.id, outcome: 'matched', reason: 'idNumber', decision: 'pending', marked: true })]);
    expect(resultOf(rows, 'a1Disabled')).toEqual([expect.objectContaining({ studentId: stuA1.id, outcome: 'matched', identityTypeId: disabled.identityTypeId })]);
    expect(resultOf(rows, 'a2')).toEqual([expect.objectContaining({ studentId: stuA2.id, outcome: 'questionable', reason: 'nameDiffers', marked: false })]);
    expect(resultOf(rows, 'b1')).toEqual([expect.objectContaining({ studentId: stuB1.id, outcome: 'questionable', reason: 'nameAndBirthDate' })]);
    expect(resultOf(rows, 'b2')).toEqual([expect.objectContaining({ studentId: stuB2.id, outcome: 'matched' })]);
    expect(resultOf(rows, 'outsider')).toEqual([
      expect.objectContaining({ studentId: null, outcome: 'unmatched', reason: 'noStudent', regionId: '450902', personName: '未入学人员' }),
    ]);
    expect(rows).toHaveLength(6);
  });

  it('summarises by county × stage × identity type', async () => {
    const summary = (await get(`/api/comparisons/${run.id}/summary`)).body;
    expect(summary.totals).toMatchObject({ identitiesCompared: 6, studentsFound: 4, questionable: 2, unmatched: 1 });
    expect(summary.totals.studentsCompared).toBeGreaterThan(4000);
    const yuzhou = summary.rows.filter((r: Rec) => r.countyId === '450902' && r.stage === stuA1.stage);
    const allTypes = yuzhou.find((r: Rec) => r.identityTypeId === null);
    expect(allTypes).toMatchObject({ countyName: '玉州区', studentsFound: 2, questionable: 1 });
    expect(allTypes.studentsCompared).toBeGreaterThan(0);
    expect(yuzhou.find((r: Rec) => r.identityTypeId === disabled.identityTypeId)).toMatchObject({ identityTypeName: '残疾', studentsFound: 1 });
    expect(summary.rows.find((r: Rec) => r.countyId === '450902' && r.stage === null && r.identityTypeId === null)).toMatchObject({ unmatched: 1 });
  });

  it('drills the summary down the region tree: city › county › township › school × stage × type', async () => {
    const tree = async (query = '', user = 'admin') => (await get(`/api/comparisons/${run.id}/summary/tree${query}`, user)).body as Rec;
    const sum = (nodes: Rec[], key: string) => nodes.reduce((n, node) => n + node.totals[key], 0);
    const city = await tree();
    expect(city.node).toMatchObject({ level: 'city', id: '450900', name: '玉林市', parentId: null });
    expect(city.node.totals).toMatchObject({ studentsFound: 4, matched: 2, questionable: 2, unmatched: 1 });
    expect(city.ancestors).toEqual([]);
    const summary = (await get(`/api/comparisons/${run.id}/summary`)).body;
    expect(city.node.totals.studentsCompared).toBe(summary.totals.studentsCompared);
    // Every level adds up to the level above.
    expect(city.children.map((c: Rec) => c.level)).toEqual(city.children.map(() => 'county'));
    for (const key of ['studentsCompared', 'studentsFound', 'questionable', 'unmatched']) expect(sum(city.children, key)).toBe(city.node.totals[key]);
    const yuzhouNode = city.children.find((c: Rec) => c.id === '450902');
    expect(yuzhouNode.totals).toMatchObject({ studentsFound: 2, questionable: 1, unmatched: 1 });

    // school1's school, wherever it hangs (a township, or right under the county).
    const school = (await get(`/api/schools${listQuery({ range: [0, 0] })}`, 'school1')).body[0];
    const county = await tree('?parent=450902');
    expect(county.node).toMatchObject({ level: 'county', id: '450902', parentId: '450900' });
    expect(county.ancestors).toEqual([{ level: 'city', id: '450900', name: '玉林市' }]);
    expect(sum(county.children, 'studentsCompared')).toBe(county.node.totals.studentsCompared);
    // The outsider is filed at the county: in its line, in no township's or school's.
    expect(sum(county.children, 'unmatched')).toBe(0);
    const parent = school.regionId === '450902' ? county : await tree(`?parent=${school.regionId}`);
    if (parent !== county) expect(parent.ancestors.map((a: Rec) => a.id)).toEqual(['450900', '450902']);
    const schoolNode = parent.children.find((c: Rec) => c.level === 'school' && c.id === String(school.id));
    expect(schoolNode).toMatchObject({ name: school.name, totals: { studentsFound: 2, matched: 1, questionable: 1, marked: 1, unmatched: 0 } });
    const cell = (stage: string | null, type: number | null) => schoolNode.cells.find((c: Rec) => c.stage === stage && c.identityTypeId === type);
    expect(cell(stuA1.stage, disabled.identityTypeId)).toMatchObject({ studentsFound: 1, matched: 1 });
    // a1, on two lists, counts once in the all-types line.
    expect(cell(stuA1.stage, null)).toMatchObject({ studentsFound: stuA2.stage === stuA1.stage ? 2 : 1 });
    expect(cell(null, null)).toMatchObject({ studentsFound: 2 });

    const schools = await tree('?level=school');
    expect(schools.children.every((c: Rec) => c.level === 'school')).toBe(true);
    expect(sum(schools.children, 'studentsCompared')).toBe(city.node.totals.studentsCompared);
    expect((await get(`/api/comparisons/${run.id}/summary/tree?level=village`)).status).toBe(400);
    expect((await get(`/api/comparisons/${run.id}/summary/tree?parent=999999`)).status).toBe(404);
  });

  it('shows each school only its own results, each county only its own', async () => {
    const mine = (rows: Rec[]) => Object.keys(identity).filter((key) => resultOf(rows, key).length).sort();
    expect(mine(await results('school1'))).toEqual(['a1', 'a1Disabled', 'a2']);
    expect(mine(await results('school2'))).toEqual(['b1', 'b2']);
    expect(mine(await results('yuzhou'))).toEqual(['a1', 'a1Disabled', 'a2', 'outsider']);
    expect(mine(await results('rongxian'))).toEqual(['b1', 'b2']);
    const [b1] = resultOf(await results('admin'), 'b1');
    expect((await get(`/api/comparison-results/${b1.id}`, 'school1')).status).toBe(404);
    const put = await api.request('PUT', `/api/comparison-results/${b1.id}`, { token: token.school1, body: { decision: 'confirmed', version: b1.version } });
    expect(put.status).toBe(403);
  });

  it('lets a school decide — only the decision — and records who decided', async () => {
    const [a2] = resultOf(await results('school1'), 'a2');
    const rejectSilently = await api.request('PUT', `/api/comparison-results/${a2.id}`, {
      token: token.school1,
      body: { ...a2, decision: 'rejected' },
    });
    expect(rejectSilently.status).toBe(422);
    expect(rejectSilently.body.errors.decisionReason).toBeTruthy();

    const confirmed = await api.request('PUT', `/api/comparison-results/${a2.id}`, {
      token: token.school1,
      body: { ...a2, decision: 'confirmed', decisionReason: '已核实，名单姓名有误', outcome: 'matched', studentId: stuB1.id },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ decision: 'confirmed', outcome: 'questionable', studentId: stuA2.id, marked: true, decidedAt: expect.any(String) });
    const [school1] = (await get(`/api/users${listQuery({ filter: { q: 'school1' } })}`)).body as Rec[];
    expect(confirmed.body.decidedBy).toBe(school1.id);
    expect((await get(`/api/comparison-results/${a2.id}`, 'yuzhou')).body).toMatchObject({ decidedBy: school1.id, decision: 'confirmed' });
    // A school cannot list users: who decided comes as a label with the record (not for the admin, who can look it up).
    const seenBySchool = (await get(`/api/comparison-results/${a2.id}`, 'school1')).body;
    expect(seenBySchool.referenceLabels).toMatchObject({ decidedBy: school1.displayName, identityId: identity.a2.name });
    const listed = (await results('school1')).find((r) => r.id === a2.id);
    expect(listed?.referenceLabels).toMatchObject({ decidedBy: school1.displayName });
    expect((await get(`/api/comparison-results/${a2.id}`)).body.referenceLabels).toBeUndefined();
    // One statement: the audit row's "after" already holds who decided and the mark.
    const audit = await get(`/api/audit-log${listQuery({ filter: { resource: 'comparison-results', recordId: String(a2.id) } })}`);
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({ action: 'update', userId: school1.id, after: { decision: 'confirmed', decidedBy: school1.id, marked: true } });
    expect(audit.body[0].before).toMatchObject({ decision: 'pending', decidedBy: null, marked: false });
  });

  it("keeps a run's results referring to real records: a compared identity, student or the run itself cannot be deleted", async () => {
    // A first run attaches its results with their foreign keys checked; deletes are refused as before.
    for (const path of [`/api/identities/${identity.b1.id}`, `/api/students/${stuB2.id}`, `/api/comparisons/${run.id}`]) {
      const response = await api.request('DELETE', path, { token: token.admin });
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 409, code: 'IN_USE' });
    }
    expect((await get(`/api/identities/${identity.b1.id}`)).status).toBe(200);
  });

  it("keeps the summary's marks in step with the schools' decisions, as a re-run would count them", async () => {
    const tree = async () => (await get(`/api/comparisons/${run.id}/summary/tree?level=school`)).body as Rec;
    const summary = async () => (await get(`/api/comparisons/${run.id}/summary`)).body as Rec;
    const school2 = (await get(`/api/schools${listQuery({ range: [0, 0] })}`, 'school2')).body[0];
    const markedAt = (t: Rec) => t.children.find((c: Rec) => c.id === String(school2.id)).totals.marked;
    const before = await tree();
    const [b1] = resultOf(await results('school2'), 'b1');
    const [b2] = resultOf(await results('school2'), 'b2');
    expect(b2).toMatchObject({ outcome: 'matched', marked: true });
    const rejected = await api.request('PUT', `/api/comparison-results/${b2.id}`, {
      token: token.school2,
      body: { ...b2, decision: 'rejected', decisionReason: '经核实，该生不在残联名单所列人员之列' },
    });
    expect(rejected.status).toBe(200);
    const afterReject = await tree();
    expect(markedAt(afterReject)).toBe(markedAt(before) - 1);
    expect(afterReject.node.totals.marked).toBe(before.node.totals.marked - 1);
    const bulk = await api.request('POST', `/api/comparisons/${run.id}/results/confirm`, { token: token.school2, body: { ids: [b1.id] } });
    expect(bulk.body).toEqual({ confirmed: 1, skipped: 0 });
    const afterConfirm = await tree();
    expect(markedAt(afterConfirm)).toBe(markedAt(before));
    const kept = await summary();
    // What the decisions left is exactly what a re-run counts from scratch: every cell, every level.
    await runAndWait(run.id);
    expect(await tree()).toEqual(afterConfirm);
    expect(await summary()).toEqual(kept);
  });

  it('re-runs without duplicates and keeps decisions on unchanged matches', async () => {
    const before = await results('admin');
    await runAndWait(run.id);
    const after = await results('admin');
    expect(after).toHaveLength(before.length);
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    expect(resultOf(after, 'a2')[0]).toMatchObject({ decision: 'confirmed', marked: true, decisionReason: '已核实，名单姓名有误' });
  });

  it('sends a match whose outcome changed back to the school as pending', async () => {
    const stored = (await get(`/api/identities/${identity.a2.id}`)).body;
    const fixed = await api.request('PUT', `/api/identities/${stored.id}`, { token: token.admin, body: { name: stuA2.name, version: stored.version } });
    expect(fixed.status).toBe(200);
    await runAndWait(run.id);
    expect(resultOf(await results('admin'), 'a2')[0]).toMatchObject({ outcome: 'matched', decision: 'pending', marked: true, decidedBy: null });
  });

  it("shows a student's current marks, with the run, the list record and the decision", async () => {
    const marks = (await get(`/api/comparison-results${listQuery({ filter: { studentId: stuA1.id, marked: true } })}`, 'school1')).body as Rec[];
    expect(marks.map((m) => m.identityTypeId).sort()).toEqual([lowIncome.identityTypeId, disabled.identityTypeId].sort());
    expect(marks[0]).toMatchObject({ comparisonId: run.id, identityId: expect.any(Number), decision: 'pending' });
  });

  it('lets only admins and county officers start runs, within their region', async () => {
    expect((await api.request('POST', `/api/comparisons/${run.id}/run`, { token: token.school1 })).status).toBe(403);
    // The city's run is read by the county (below), never started or edited by it.
    expect((await api.request('POST', `/api/comparisons/${run.id}/run`, { token: token.yuzhou })).status).toBe(403);
    const county = await create('comparisons', { name: '玉州区比对', regionId: '450902', listIds: String(lowIncome.id) }, 'yuzhou');
    const done = await runAndWait(county.id, 'yuzhou');
    expect(done.status).toBe('done');
    const rows = (await get(`/api/comparison-results${listQuery({ filter: { comparisonId: county.id }, range: [0, 99] })}`, 'yuzhou')).body as Rec[];
    // Only 玉州区's students and residents: school2's students (容县) are not compared.
    expect(rows.map((r) => r.identityId).sort()).toEqual([identity.a1.id, identity.a2.id, identity.outsider.id].sort());
    expect((await get(`/api/comparisons/${county.id}`, 'rongxian')).status).toBe(404);
    // A county's run sums up from the county: no city line, and nothing above it to drill to.
    const tree = (await get(`/api/comparisons/${county.id}/summary/tree`, 'yuzhou')).body;
    expect(tree.node).toMatchObject({ level: 'county', id: '450902' });
    expect(tree.ancestors).toEqual([]);
    expect((await get(`/api/comparisons/${county.id}/summary/tree?parent=450900`, 'yuzhou')).status).toBe(404);
    expect((await get(`/api/comparisons/${county.id}/summary/tree`, 'rongxian')).status).toBe(404);
  });

  it("lets a county follow the city's run for its own schools, read-only", async () => {
    const listed = (await get(`/api/comparisons${listQuery({ range: [0, 99] })}`, 'yuzhou')).body as Rec[];
    expect(listed.find((c) => c.id === run.id)).toMatchObject({ name: run.name, writable: false });
    expect(listed.filter((c) => c.writable === true).every((c) => c.regionId === '450902')).toBe(true);
    expect((await get(`/api/comparisons/${run.id}`, 'yuzhou')).body).toMatchObject({ id: run.id, writable: false });
    expect((await get(`/api/comparisons/${run.id}`)).body.writable).toBe(true);
    // Its summary starts at the county, with nothing above it; its progress lists its own schools.
    const tree = (await get(`/api/comparisons/${run.id}/summary/tree`, 'yuzhou')).body;
    expect(tree.node).toMatchObject({ level: 'county', id: '450902' });
    expect(tree.ancestors).toEqual([]);
    expect((await get(`/api/comparisons/${run.id}/summary/tree?parent=450900`, 'yuzhou')).status).toBe(404);
    const progress = (await get(`/api/comparisons/${run.id}/progress`, 'yuzhou')).body;
    const school1 = (await get(`/api/schools${listQuery({ range: [0, 0] })}`, 'school1')).body[0];
    expect(progress.schools.map((s: Rec) => s.schoolId)).toEqual([school1.id]);
    const cityProgress = (await get(`/api/comparisons/${run.id}/progress`)).body;
    expect(cityProgress.schools.length).toBeGreaterThan(progress.schools.length);
    // Reading is all: no edit, no delete, no run.
    const edit = await api.request('PUT', `/api/comparisons/${run.id}`, { token: token.yuzhou, body: { name: '改名', version: run.version } });
    expect(edit.status).toBe(403);
    expect((await api.request('DELETE', `/api/comparisons/${run.id}`, { token: token.yuzhou })).status).toBe(403);
  });

  it("lets a school read the run it is part of: its deadline, its own progress and summary only", async () => {
    const school1 = (await get(`/api/schools${listQuery({ range: [0, 0] })}`, 'school1')).body[0];
    const listed = (await get(`/api/comparisons${listQuery({ range: [0, 99] })}`, 'school1')).body as Rec[];
    expect(listed.find((c) => c.id === run.id)).toMatchObject({ deadline: run.deadline, writable: false });
    const progress = (await get(`/api/comparisons/${run.id}/progress`, 'school1')).body;
    expect(progress.schools.map((s: Rec) => s.schoolId)).toEqual([school1.id]);
    const tree = (await get(`/api/comparisons/${run.id}/summary/tree`, 'school1')).body;
    expect(tree.node).toMatchObject({ level: 'school', id: String(school1.id), name: school1.name });
    expect(tree.node.totals).toMatchObject({ studentsFound: 2 });
    expect(tree.children).toEqual([]);
    expect(tree.ancestors).toEqual([]);
    expect((await get(`/api/comparisons/${run.id}/summary/tree?parent=450902`, 'school1')).status).toBe(404);
    expect((await api.request('POST', `/api/comparisons/${run.id}/run`, { token: token.school1 })).status).toBe(403);
  });

  it('deletes a run no school has verified, with its results and history; refuses one a school has decided', async () => {
    const trial = await create('comparisons', { name: '玉州区试运行', regionId: '450902', listIds: String(lowIncome.id) }, 'yuzhou');
    await runAndWait(trial.id, 'yuzhou');
    const ofTrial = (resource: string) => get(`/api/${resource}${listQuery({ filter: { comparisonId: trial.id }, range: [0, 99] })}`);
    expect(((await ofTrial('comparison-results')).body as Rec[]).length).toBeGreaterThan(0);
    expect(((await ofTrial('comparison-executions')).body as Rec[]).length).toBe(1);
    const deleted = await api.request('DELETE', `/api/comparisons/${trial.id}`, { token: token.yuzhou });
    expect(deleted.status).toBe(200);
    expect((await get(`/api/comparisons/${trial.id}`)).status).toBe(404);
    expect((await ofTrial('comparison-results')).body).toEqual([]);
    expect((await ofTrial('comparison-executions')).body).toEqual([]);
    // The city's run has a school's decision: it stays, with a reason.
    const refused = await api.request('DELETE', `/api/comparisons/${run.id}`, { token: token.admin });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('已有学校核实');
    expect((await get(`/api/comparisons/${run.id}`)).status).toBe(200);
  });

  it('refuses a run without lists', async () => {
    const response = await api.request('POST', '/api/comparisons', { token: token.admin, body: { name: '空', regionId: '450900', listIds: '' } });
    expect(response.status).toBe(422);
    expect(response.body.errors.listIds).toBeTruthy();
  });

  it('imports a department list by (ID number, list): the same person on another list is a new row', async () => {
    const csv = (list: string, rows: [string, string][]) =>
      Buffer.from(`\ufeff所属名单,身份证号,姓名\n${rows.map(([id, name]) => `${list},${id},${name}`).join('\n')}\n`);
    const importFile = async (file: Buffer) => {
      const form = new FormData();
      form.set('resource', 'identities');
      form.set('mode', 'upsert');
      form.set('file', new Blob([new Uint8Array(file)]), 'list.csv');
      const response = await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token.admin}` }, body: form });
      const { id } = await response.json();
      const settle = async () => {
        for (let i = 0; i < 200; i++) {
          const job = (await get(`/api/imports/${id}`)).body;
          if (job.status !== 'validating' && job.status !== 'committing') return job;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error('import did not settle');
      };
      const validated = await settle();
      await api.request('POST', `/api/imports/${id}/commit`, { token: token.admin, body: {} });
      return { validated, committed: await settle() };
    };
    const persons: [string, string][] = [[stuB2.idNumber, stuB2.name], [sibling(outsider, '552'), '另一人员']];
    // stuB2 is on the disabled persons' list already (created above, same name).
    const first = await importFile(csv(disabled.name, persons));
    expect(first.validated.counts).toMatchObject({ new: 1, unchanged: 1, invalid: 0 });
    expect(first.committed.counts).toMatchObject({ inserted: 1, updated: 0 });
    const again = await importFile(csv(disabled.name, persons));
    expect(again.validated.counts).toMatchObject({ new: 0, unchanged: 2, invalid: 0 });
    const onOtherList = await importFile(csv(lowIncome.name, persons));
    expect(onOtherList.validated.counts).toMatchObject({ new: 2, unchanged: 0, invalid: 0 });
    expect(onOtherList.committed.counts).toMatchObject({ inserted: 2 });
    const stored = (await get(`/api/identities${listQuery({ filter: { idNumber: stuB2.idNumber }, range: [0, 9] })}`)).body as Rec[];
    expect(stored.map((i) => i.listId).sort()).toEqual([lowIncome.id, disabled.id].sort());
  });

  it('drops the results a re-run no longer finds, keeps the others as they were, and sums up again', async () => {
    const before = await results('admin');
    const current = (await get(`/api/comparisons/${run.id}`)).body;
    const narrowed = await api.request('PUT', `/api/comparisons/${run.id}`, { token: token.admin, body: { listIds: String(lowIncome.id), version: current.version } });
    expect(narrowed.status).toBe(200);
    await runAndWait(run.id);
    const after = await results('admin');
    // The disabled persons' list is out of the run: its results go; the low-income list's stay untouched.
    expect(after.filter((r) => r.identityTypeId !== lowIncome.identityTypeId)).toEqual([]);
    const kept = before.filter((r) => r.identityTypeId === lowIncome.identityTypeId && after.some((a) => a.id === r.id));
    expect(kept.length).toBeGreaterThanOrEqual(4);
    for (const r of kept) expect(after.find((a) => a.id === r.id)).toMatchObject({ version: r.version, decision: r.decision, marked: r.marked });
    const tree = (await get(`/api/comparisons/${run.id}/summary/tree`)).body;
    expect(tree.node.cells.every((c: Rec) => c.identityTypeId === null || c.identityTypeId === lowIncome.identityTypeId)).toBe(true);
  });

  it('keeps a history line for every execution of the run: who, when, what it found and what it changed', async () => {
    const history = async (user = 'admin') =>
      (await get(`/api/comparison-executions${listQuery({ filter: { comparisonId: run.id }, sort: ['id', 'ASC'], range: [0, 99] })}`, user)).body as Rec[];
    const lines = await history();
    const [admin] = (await get(`/api/users${listQuery({ filter: { q: 'admin' } })}`)).body as Rec[];
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.every((l) => l.status === 'done' && l.startedBy === admin.id && l.finishedAt >= l.startedAt)).toBe(true);
    // The first run added all six results; re-runs changed only what moved.
    expect(lines[0]).toMatchObject({ identitiesCompared: 6, matched: 3, questionable: 2, unmatched: 1, added: 6, changed: 0, removed: 0 });
    expect(lines.some((l) => l.changed === 1 && l.added === 0 && l.removed === 0)).toBe(true); // a2's outcome changed
    // The disabled list left the run (two results go); two people imported onto the low-income list came in.
    expect(lines[lines.length - 1]).toMatchObject({ identitiesCompared: 6, added: 2, removed: 2 });
    // Read with the run, from below too.
    expect((await history('yuzhou')).map((l) => l.id)).toEqual(lines.map((l) => l.id));
    expect((await history('school1')).length).toBe(lines.length);
    expect((await api.request('POST', '/api/comparison-executions', { token: token.admin, body: { comparisonId: run.id } })).status).toBe(403);
  });
});
