import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';

type Rec = Record<string, Json>;

describe('omissions (补录)', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let stuA: Rec; // school1
  let stuA2: Rec; // school1
  let stuB: Rec; // school2
  let typeId: number;

  const get = (path: string, user = 'admin') => api.request('GET', path, { token: token[user] });
  const flag = (user: string, body: Rec) => api.request('POST', '/api/omissions', { token: token[user], body });
  const review = (user: string, id: number, body: Rec) => api.request('POST', `/api/omissions/${id}/review`, { token: token[user], body });
  const omissionsOf = async (user: string, filter: Rec = {}) => (await get(`/api/omissions${listQuery({ filter, range: [0, 99] })}`, user)).body as Rec[];

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2']) token[user] = await api.login(user);
    const studentsOf = async (user: string) =>
      (await get(`/api/students${listQuery({ filter: { status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, 1] })}`, user)).body as Rec[];
    [stuA, stuA2] = await studentsOf('school1');
    [stuB] = await studentsOf('school2');
    const types = (await get(`/api/identity-types${listQuery({ range: [0, 99] })}`)).body as Rec[];
    typeId = types.find((t) => t.name === '孤儿')?.id;
  });
  afterAll(() => api.close());

  it('lets a school flag its own students only, pending review', async () => {
    const created = await flag('school1', { studentId: stuA.id, identityTypeId: typeId, reason: '父母双亡，名单漏报', evidence: '村委会证明' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ studentId: stuA.id, identityTypeId: typeId, status: 'pending', reviewedBy: null });
    const other = await flag('school1', { studentId: stuB.id, identityTypeId: typeId, reason: '不是本校学生' });
    expect(other.status).toBe(403);
    const forced = await flag('school1', { studentId: stuA2.id, identityTypeId: typeId, reason: '试图直接通过', status: 'approved' });
    expect(forced.body.status).toBe('pending');
  });

  it("hides a school's omissions from another school and another county", async () => {
    const [mine] = await omissionsOf('school1', { studentId: stuA.id });
    expect(mine).toBeTruthy();
    expect(await omissionsOf('school2')).toEqual([]);
    expect(await omissionsOf('rongxian')).toEqual([]);
    expect((await get(`/api/omissions/${mine.id}`, 'school2')).status).toBe(404);
    expect((await omissionsOf('yuzhou')).map((o) => o.id)).toContain(mine.id);
  });

  it('lets only the county (or admin) review, within its region', async () => {
    const [mine] = await omissionsOf('school1', { studentId: stuA.id });
    expect((await review('school1', mine.id, { decision: 'approved' })).status).toBe(403);
    expect((await review('rongxian', mine.id, { decision: 'approved' })).status).toBe(404);
    expect((await review('yuzhou', mine.id, { decision: 'maybe' })).status).toBe(422);
  });

  it('counts an approved omission as a mark of the student', async () => {
    const [mine] = await omissionsOf('school1', { studentId: stuA.id });
    const approved = await review('yuzhou', mine.id, { decision: 'approved', reason: '材料齐全' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', reviewReason: '材料齐全', reviewedBy: expect.any(Number), reviewedAt: expect.any(String) });
    expect(approved.body.version).toBe(mine.version + 1);

    const approvedList = await omissionsOf('school1', { studentId: stuA.id, status: 'approved' });
    expect(approvedList.map((o) => o.id)).toEqual([mine.id]);
    const marks = (await get(`/api/students/${stuA.id}/marks`, 'school1')).body as Rec[];
    expect(marks).toContainEqual(expect.objectContaining({ source: 'omission', id: mine.id, identityTypeId: typeId }));
    expect((await get(`/api/students/${stuA.id}/marks`, 'school2')).status).toBe(404);

    expect((await review('yuzhou', mine.id, { decision: 'returned', reason: '重复审核' })).status).toBe(422);
    const edit = await api.request('PUT', `/api/omissions/${mine.id}`, { token: token.school1, body: { reason: '改理由', version: approved.body.version } });
    expect(edit.status).toBe(422);
    const audit = await get(`/api/audit-log${listQuery({ filter: { resource: 'omissions', recordId: String(mine.id) } })}`);
    expect(audit.body.map((a: Rec) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('returns with a reason, and an edit by the school resubmits it', async () => {
    const [pending] = await omissionsOf('school1', { studentId: stuA2.id });
    const silent = await review('yuzhou', pending.id, { decision: 'returned', reason: ' ' });
    expect(silent.status).toBe(422);
    expect(silent.body.errors.reason).toBeTruthy();
    const returned = await review('yuzhou', pending.id, { decision: 'returned', reason: '缺少民政部门证明' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewReason: '缺少民政部门证明' });
    expect((await get(`/api/students/${stuA2.id}/marks`, 'school1')).body).toEqual([]);

    const resubmitted = await api.request('PUT', `/api/omissions/${pending.id}`, {
      token: token.school1,
      body: { evidence: '补充民政证明', version: returned.body.version },
    });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'pending', evidence: '补充民政证明', reviewReason: null, reviewedBy: null });
  });

  it('reviews in bulk: the pending ones in the county’s region, the rest skipped; returning needs a reason', async () => {
    const more = (await get(`/api/students${listQuery({ filter: { status: 'enrolled' }, sort: ['id', 'ASC'], range: [2, 4] })}`, 'school1')).body as Rec[];
    const flagged = await Promise.all(more.map((s) => flag('school1', { studentId: s.id, identityTypeId: typeId, reason: '批量审核' })));
    const [a, b, c] = flagged.map((r) => r.body as Rec);
    const elsewhere = (await flag('school2', { studentId: stuB.id, identityTypeId: typeId, reason: '容县的补录' })).body as Rec;
    const [settled] = await omissionsOf('school1', { status: 'approved' });
    const bulk = (user: string, body: Rec) => api.request('POST', '/api/omissions/review', { token: token[user], body });

    expect((await bulk('school1', { ids: [a.id], decision: 'approved' })).status).toBe(403);
    expect((await bulk('yuzhou', { ids: [], decision: 'approved' })).body.errors.ids).toBeTruthy();
    expect((await bulk('yuzhou', { ids: [a.id], decision: 'returned', reason: '' })).body.errors.reason).toBeTruthy();

    const approved = await bulk('yuzhou', { ids: [a.id, b.id, elsewhere.id, settled.id], decision: 'approved', reason: '材料齐全' });
    expect(approved.body).toEqual({ reviewed: 2, skipped: 2 });
    expect((await get(`/api/omissions/${a.id}`, 'school1')).body).toMatchObject({ status: 'approved', reviewReason: '材料齐全', reviewedBy: expect.any(Number), version: a.version + 1 });
    expect((await get(`/api/omissions/${elsewhere.id}`, 'school2')).body.status).toBe('pending');

    const returned = await bulk('yuzhou', { ids: [c.id], decision: 'returned', reason: '缺少证明材料' });
    expect(returned.body).toEqual({ reviewed: 1, skipped: 0 });
    expect((await get(`/api/omissions/${c.id}`, 'school1')).body).toMatchObject({ status: 'returned', reviewReason: '缺少证明材料' });
    const audit = await get(`/api/audit-log${listQuery({ filter: { resource: 'omissions', recordId: String(c.id) } })}`);
    expect(audit.body.map((r: Rec) => r.action).sort()).toEqual(['create', 'update']);
    expect(audit.body.find((r: Rec) => r.action === 'update').after).toMatchObject({ status: 'returned', reviewReason: '缺少证明材料' });
  });
});
