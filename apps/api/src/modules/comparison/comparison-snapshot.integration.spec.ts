import { DataSource } from 'typeorm';
import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';

type Rec = Record<string, Json>;

/**
 * A run's results are a snapshot of the run: each keeps the student's school, stage and
 * path as the run found them, so a student moving to another school afterwards changes
 * neither the result, nor the summary, nor the progress — until the next run.
 */
describe('comparison results, a snapshot of their run', () => {
  let api: TestApp;
  let db: DataSource;
  const token: Record<string, string> = {};
  let run: Rec;
  let school1: Rec;
  let target: Rec; // another school offering the student's stage (of the same county if there is one)
  let mover: Rec; // school1's student who moves to `target` after the run
  let result: Rec;

  const get = (path: string, user = 'admin') => api.request('GET', path, { token: token[user] });
  const tree = async (query = '?level=school') => (await get(`/api/comparisons/${run.id}/summary/tree${query}`)).body as Rec;
  const summary = async () => (await get(`/api/comparisons/${run.id}/summary`)).body as Rec;
  const progress = async () => (await get(`/api/comparisons/${run.id}/progress`)).body as Rec;
  const schoolNode = (t: Rec, id: number) => t.children.find((c: Rec) => c.id === String(id));

  async function create(resource: string, body: Rec, user = 'admin'): Promise<Rec> {
    const response = await api.request('POST', `/api/${resource}`, { token: token[user], body });
    if (response.status !== 201) throw new Error(`create ${resource}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function runAndWait(id: number): Promise<void> {
    expect((await api.request('POST', `/api/comparisons/${id}/run`, { token: token.admin })).status).toBe(202);
    for (let i = 0; i < 200; i++) {
      if ((await get(`/api/comparisons/${id}`)).body.status !== 'running') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('comparison did not finish');
  }

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    for (const user of ['admin', 'school1']) token[user] = await api.login(user);
    school1 = (await get(`/api/schools${listQuery({ range: [0, 0] })}`, 'school1')).body[0];
    const students = (await get(`/api/students${listQuery({ filter: { schoolId: school1.id, status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, 1] })}`))
      .body as Rec[];
    // The mover: a student whose stage another school offers.
    const [candidate]: { studentId: number; schoolId: number }[] = await db.query(
      `SELECT s.id AS "studentId", sc.id AS "schoolId" FROM students s
         JOIN schools home ON home.id = s.school_id
         JOIN schools sc ON sc.id <> s.school_id AND s.stage = ANY(sc.stages)
        WHERE s.id = ANY($1::int[])
        ORDER BY s.id, split_part(sc.scope_path, '.', 2) = split_part(home.scope_path, '.', 2) DESC, sc.id LIMIT 1`,
      [students.map((s) => s.id)],
    );
    expect(candidate).toBeDefined();
    mover = students.find((s) => s.id === candidate.studentId) as Rec;
    target = (await get(`/api/schools/${candidate.schoolId}`)).body;
    const types = (await get(`/api/identity-types${listQuery({ range: [0, 99] })}`)).body as Rec[];
    const list = await create('identity-lists', {
      name: '快照测试名单', department: 'civilAffairs', identityTypeId: types[1].id, regionId: '450900', batchDate: '2026-09-01',
    });
    const identity = await create('identities', { listId: list.id, idNumber: mover.idNumber, name: mover.name });
    run = await create('comparisons', { name: '快照测试', regionId: '450900', listIds: String(list.id) });
    await runAndWait(run.id);
    const rows = (await get(`/api/comparison-results${listQuery({ filter: { comparisonId: run.id, identityId: identity.id } })}`)).body as Rec[];
    expect(rows).toHaveLength(1);
    result = rows[0];
  });
  afterAll(() => api.close());

  it('writes the student’s school and stage into the result as the run found them', () => {
    expect(result).toMatchObject({ studentId: mover.id, schoolId: school1.id, stage: mover.stage, outcome: 'matched', marked: true });
  });

  it('keeps foreign keys only where decisions rest on them: student and identity, not type, region or school', async () => {
    const keys: { column: string; target: string }[] = await db.query(
      `SELECT a.attname AS column, c.confrelid::regclass::text AS target
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.conrelid = $1::regclass ORDER BY 1`,
      [`comparison_results_${run.id}`],
    );
    const columns = keys.map((k) => k.column);
    expect(columns).toEqual(expect.arrayContaining(['comparison_id', 'student_id', 'identity_id']));
    for (const derived of ['identity_type_id', 'region_id', 'school_id']) expect(columns).not.toContain(derived);
  });

  it('keeps the run-time school after the student moves: the result, the summary and the progress are unchanged', async () => {
    const treeBefore = await tree();
    const summaryBefore = await summary();
    const progressBefore = await progress();
    expect(schoolNode(treeBefore, school1.id).totals).toMatchObject({ studentsFound: 1, marked: 1 });
    expect(progressBefore.schools.find((s: Rec) => s.schoolId === school1.id)).toMatchObject({ total: 1, pending: 1 });

    const current = (await get(`/api/students/${mover.id}`)).body;
    const moved = await api.request('PUT', `/api/students/${mover.id}`, { token: token.admin, body: { schoolId: target.id, version: current.version } });
    expect(moved.status).toBe(200);
    expect(moved.body.schoolId).toBe(target.id);

    expect((await get(`/api/comparison-results/${result.id}`)).body).toMatchObject({ schoolId: school1.id, stage: mover.stage, studentId: mover.id });
    // Still school1's to verify: it sees the result, its progress still counts it.
    expect((await get(`/api/comparison-results/${result.id}`, 'school1')).status).toBe(200);
    expect(await tree()).toEqual(treeBefore);
    expect(await summary()).toEqual(summaryBefore);
    expect(await progress()).toEqual(progressBefore);
  });

  it('moves the marks of the run-time school and stage when the school decides after the move', async () => {
    const before = schoolNode(await tree(), school1.id);
    const current = (await get(`/api/comparison-results/${result.id}`, 'school1')).body;
    const rejected = await api.request('PUT', `/api/comparison-results/${result.id}`, {
      token: token.school1,
      body: { decision: 'rejected', decisionReason: '经核实不属实', version: current.version },
    });
    expect(rejected.status).toBe(200);
    const after = await tree();
    expect(schoolNode(after, school1.id).totals.marked).toBe(before.totals.marked - 1);
    const cell = (node: Rec) => node.cells.find((c: Rec) => c.stage === mover.stage && c.identityTypeId === null);
    expect(cell(schoolNode(after, school1.id)).marked).toBe(cell(before).marked - 1);
    // The new school never had the result: nothing of it moved there.
    expect(schoolNode(after, target.id)?.totals.studentsFound ?? 0).toBe(0);
    const school1Progress = (await progress()).schools.find((s: Rec) => s.schoolId === school1.id);
    expect(school1Progress).toMatchObject({ total: 1, rejected: 1, pending: 0 });
  });

  it('takes the student’s new school at the next run, keeping the decision', async () => {
    await runAndWait(run.id);
    const after = (await get(`/api/comparison-results/${result.id}`)).body;
    expect(after).toMatchObject({ schoolId: target.id, studentId: mover.id, decision: 'rejected', marked: false });
    const t = await tree();
    expect(schoolNode(t, target.id).totals).toMatchObject({ studentsFound: 1, marked: 0 });
    expect(schoolNode(t, school1.id)?.totals.studentsFound ?? 0).toBe(0);
  });
});
