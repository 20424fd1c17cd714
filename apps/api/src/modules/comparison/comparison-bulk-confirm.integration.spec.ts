import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';

type Rec = Record<string, Json>;

describe('comparison results: bulk confirm', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let run: Rec;
  /** By student: a1, a2 questionable and a3 exact at school1 (玉州区); b1 questionable at school2 (容县). */
  const result: Record<'a1' | 'a2' | 'a3' | 'b1', Rec> = {} as never;

  const get = (path: string, user = 'admin') => api.request('GET', path, { token: token[user] });
  const confirm = (body: Rec, user: string, id = run.id) =>
    api.request('POST', `/api/comparisons/${id}/results/confirm`, { token: token[user], body });
  const reload = async (key: keyof typeof result) => (await get(`/api/comparison-results/${result[key].id}`)).body as Rec;
  const auditOf = async (id: number) =>
    (await get(`/api/audit-log${listQuery({ filter: { resource: 'comparison-results', recordId: String(id) } })}`)).body as Rec[];

  async function create(resource: string, body: Rec, user = 'admin'): Promise<Rec> {
    const response = await api.request('POST', `/api/${resource}`, { token: token[user], body });
    if (response.status !== 201) throw new Error(`create ${resource}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'school1', 'school2']) token[user] = await api.login(user);
    const schoolOf = async (user: string) => (await get(`/api/schools${listQuery({ range: [0, 0] })}`, user)).body[0].id;
    const studentsOf = async (schoolId: number, n: number) =>
      (await get(`/api/students${listQuery({ filter: { schoolId, status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, n - 1] })}`)).body as Rec[];
    const [a1, a2, a3] = await studentsOf(await schoolOf('school1'), 3);
    const [b1] = await studentsOf(await schoolOf('school2'), 1);
    const types = (await get(`/api/identity-types${listQuery({ range: [0, 99] })}`)).body as Rec[];
    const list = await create('identity-lists', {
      name: '批量确认测试名单', department: 'civilAffairs', identityTypeId: types[1].id, regionId: '450900', batchDate: '2026-09-01',
    });
    // A name that differs from the student's makes the match questionable.
    for (const [s, name] of [[a1, `${a1.name}甲`], [a2, `${a2.name}乙`], [a3, a3.name], [b1, `${b1.name}丙`]] as [Rec, string][]) {
      await create('identities', { listId: list.id, idNumber: s.idNumber, name });
    }
    run = await create('comparisons', { name: '批量确认测试', regionId: '450900', listIds: String(list.id) });
    expect((await api.request('POST', `/api/comparisons/${run.id}/run`, { token: token.admin })).status).toBe(202);
    for (let i = 0; (await get(`/api/comparisons/${run.id}`)).body.status === 'running'; i++) {
      if (i > 200) throw new Error('comparison did not finish');
      await new Promise((r) => setTimeout(r, 50));
    }
    const rows = (await get(`/api/comparison-results${listQuery({ filter: { comparisonId: run.id }, range: [0, 99] })}`)).body as Rec[];
    const of = (s: Rec) => rows.find((r) => r.studentId === s.id) as Rec;
    Object.assign(result, { a1: of(a1), a2: of(a2), a3: of(a3), b1: of(b1) });
    expect(result).toMatchObject({
      a1: { outcome: 'questionable', decision: 'pending', marked: false },
      a2: { outcome: 'questionable', decision: 'pending' },
      a3: { outcome: 'matched', decision: 'pending', marked: true },
      b1: { outcome: 'questionable', decision: 'pending' },
    });
  });
  afterAll(() => api.close());

  it("skips another school's results: school2 cannot confirm school1's rows", async () => {
    const response = await confirm({ ids: [result.a1.id, result.b1.id] }, 'school2');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ confirmed: 1, skipped: 1 });
    expect(await reload('a1')).toMatchObject({ decision: 'pending', marked: false, decidedBy: null });
    expect(await auditOf(result.a1.id)).toHaveLength(0);
    expect(await reload('b1')).toMatchObject({ decision: 'confirmed', marked: true, decidedAt: expect.any(String) });
  });

  it('confirms pending exact and questionable results alike, records who and when, the mark and one audit row each', async () => {
    const a2 = await reload('a2');
    const rejected = await api.request('PUT', `/api/comparison-results/${a2.id}`, {
      token: token.school1,
      body: { decision: 'rejected', decisionReason: '经核实非本人', version: a2.version },
    });
    expect(rejected.status).toBe(200);
    const auditsBefore = (await auditOf(a2.id)).length;

    const ids = [result.a1.id, result.a2.id, result.a3.id, result.b1.id, result.a1.id];
    const response = await confirm({ ids, reason: '已入户核实' }, 'school1');
    expect(response.status).toBe(200);
    // a1 and the exact a3 confirmed; a2 already decided, b1 another school's (and decided).
    expect(response.body).toEqual({ confirmed: 2, skipped: 2 });

    const a1 = await reload('a1');
    expect(a1).toMatchObject({ decision: 'confirmed', decisionReason: '已入户核实', marked: true, decidedAt: expect.any(String), version: result.a1.version + 1 });
    expect(a1.decidedBy).toEqual(expect.any(Number));
    expect(await reload('a2')).toMatchObject({ decision: 'rejected', marked: false });
    expect(await reload('a3')).toMatchObject({ decision: 'confirmed', decisionReason: '已入户核实', marked: true });

    const audit = await auditOf(a1.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'update',
      before: { decision: 'pending', marked: false },
      after: { decision: 'confirmed', decisionReason: '已入户核实', marked: true },
    });
    expect(await auditOf(a2.id)).toHaveLength(auditsBefore);

    const marks = (await get(`/api/comparison-results${listQuery({ filter: { studentId: result.a1.studentId, marked: true } })}`, 'school1')).body as Rec[];
    expect(marks.map((m) => m.id)).toContain(a1.id);

    expect((await confirm({ ids: [a1.id] }, 'school1')).body).toEqual({ confirmed: 0, skipped: 1 });
  });

  it("moves the school's verification progress: nothing it bulk-confirmed is left pending", async () => {
    const progress = (await get(`/api/comparisons/${run.id}/progress`, 'school1')).body;
    expect(progress.schools).toHaveLength(1);
    // a1 and a3 confirmed in bulk, a2 rejected: the school is done.
    expect(progress.schools[0]).toMatchObject({ total: 3, decided: 3, confirmed: 2, rejected: 1, pending: 0, state: 'done' });
  });

  it('refuses bad bodies and unknown runs', async () => {
    expect((await confirm({ ids: [] }, 'yuzhou')).status).toBe(422);
    expect((await confirm({ ids: ['1'] }, 'yuzhou')).status).toBe(422);
    expect((await confirm({ ids: [1], reason: 5 }, 'yuzhou')).status).toBe(422);
    expect((await confirm({ ids: [1] }, 'yuzhou', 999_999)).status).toBe(404);
  });
});
