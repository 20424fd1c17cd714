import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';

type Rec = Record<string, Json>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/**
 * A clue's workflow: the school answers (待核实 → 已反馈) with evidence, the county accepts
 * (→ 已办结) or returns it with a reason (→ 已退回), each step by the right role, in scope,
 * from the right status, and audited; overdue clues are flagged and filterable.
 */
describe('problem clue workflow', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let student: Rec; // school1's
  let clue: Rec; // the clue the workflow runs on
  let late: Rec; // a clue past its due date
  let evidence: Rec; // school1's upload
  let foreign: Rec; // school2's upload

  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const act = (action: string, user: string, body: Rec = {}, id = clue.id) => call('POST', `/api/clues/${id}/${action}`, user, body);
  const answer = { verdict: 'confirmed', finding: '经入户核实，该生不住校', rectification: '已停发并退回寄宿生补助 625 元' };
  async function upload(user: string, name: string): Promise<Rec> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), name);
    const response = await fetch(`${api.baseUrl}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token[user]}` }, body: form });
    return (await response.json()) as Rec;
  }
  const download = async (user: string, id: number) =>
    (await fetch(`${api.baseUrl}/api/files/${id}`, { headers: { authorization: `Bearer ${token[user]}` } })).status;

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2', 'finance', 'inspector']) token[user] = await api.login(user);
    [student] = (await call('GET', `/api/students${listQuery({ sort: ['id', 'ASC'], range: [0, 0] })}`, 'school1')).body;
    const base = { source: 'audit', kind: '寄宿生补助发放给非寄宿生', description: '审计抽查发现', schoolId: student.schoolId, studentId: student.id };
    clue = (await call('POST', '/api/clues', 'finance', { ...base, dueDate: '2099-12-31' })).body;
    late = (await call('POST', '/api/clues', 'yuzhou', { ...base, kind: '逾期未核实', dueDate: '2020-01-31' })).body;
    evidence = await upload('school1', '入户核实记录.pdf');
    foreign = await upload('school2', '别校材料.pdf');
  }, 120_000);
  afterAll(() => api.close());

  it('starts 待核实, not overdue before its due date; one past it is flagged and filterable', async () => {
    expect(clue).toMatchObject({ status: 'open', overdue: false, verdict: null, answeredBy: null });
    expect(late).toMatchObject({ status: 'open', overdue: true });
    const overdue = await call('GET', `/api/clues${listQuery({ filter: { overdue: true, source: 'audit' } })}`, 'school1');
    expect(overdue.body.map((c: Rec) => c.id)).toEqual([late.id]);
    const current = await call('GET', `/api/clues${listQuery({ filter: { overdue: false, schoolId: student.schoolId } })}`, 'yuzhou');
    expect(current.body.map((c: Rec) => c.id)).toContain(clue.id);
    expect(current.body.map((c: Rec) => c.id)).not.toContain(late.id);
    expect((await call('GET', `/api/clues${listQuery({ filter: { overdue: 'soon' } })}`, 'school1')).status).toBe(400);
    const schema = (await call('GET', '/api/schema', 'school1')).body.resources.find((r: Rec) => r.name === 'clues');
    expect(schema.fields.find((f: Rec) => f.key === 'overdue')).toMatchObject({ type: 'boolean', filter: 'exact', list: true, readOnly: true });
    const docs = (await api.request('GET', '/api/docs-json')).body;
    const described = Object.values(docs.components.schemas as Record<string, Rec>).find((c) => c.description === 'Problem clues');
    expect(described?.properties.overdue).toMatchObject({ type: 'boolean', readOnly: true });
  });

  it.each([
    ['the county answering for the school', 'answer', 'yuzhou', () => answer, 403, null],
    ['finance answering', 'answer', 'finance', () => answer, 403, null],
    ['the county answering with an empty form', 'answer', 'yuzhou', () => ({}), 403, null],
    ['another county’s school answering', 'answer', 'school2', () => answer, 404, null],
    ['an answer without a finding', 'answer', 'school1', () => ({ verdict: 'unfounded' }), 422, 'finding'],
    ['an answer without a verdict', 'answer', 'school1', () => ({ finding: '已核实' }), 422, 'verdict'],
    ['a verdict that is not one', 'answer', 'school1', () => ({ ...answer, verdict: 'maybe' }), 422, 'verdict'],
    ['a confirmed clue without its rectification', 'answer', 'school1', () => ({ verdict: 'confirmed', finding: '属实' }), 422, 'rectification'],
    ['another school’s file as evidence', 'answer', 'school1', () => ({ ...answer, evidenceFileId: foreign.id }), 422, 'evidenceFileId'],
    ['the school accepting its own answer', 'accept', 'school1', () => ({}), 403, null],
    ['the county accepting before any answer', 'accept', 'yuzhou', () => ({}), 422, 'status'],
    ['the county returning before any answer', 'return', 'yuzhou', () => ({ reason: '材料不全' }), 422, 'status'],
    ['another county accepting', 'accept', 'rongxian', () => ({}), 404, null],
    ['an inspector accepting a clue that is no inspection finding', 'accept', 'inspector', () => ({}), 403, null],
    ['an inspector returning a clue that is no inspection finding', 'return', 'inspector', () => ({ reason: '材料不全' }), 403, null],
    ['the county returning without a reason', 'return', 'yuzhou', () => ({ reason: '  ' }), 422, 'reason'],
  ])('failing: %s', async (_name, action, user, body, status, field) => {
    const response = await act(action, user, body());
    expect(response.status).toBe(status);
    if (field) expect(Object.keys(response.body.errors)).toEqual([field]);
    expect((await call('GET', `/api/clues/${clue.id}`, 'admin')).body).toMatchObject({ status: 'open', version: clue.version });
  });

  it('keeps the status and the answer out of the generic edit', async () => {
    expect((await call('PUT', `/api/clues/${clue.id}`, 'school1', { finding: '改', version: clue.version })).status).toBe(403);
    const edited = await call('PUT', `/api/clues/${clue.id}`, 'yuzhou', { status: 'closed', finding: '县里代填', refundRequired: true, version: clue.version });
    expect(edited.body).toMatchObject({ status: 'open', finding: null, refundRequired: true });
    clue = edited.body;
  });

  it('runs answer → return (with its reason) → answer again → accept, each audited', async () => {
    const answered = await act('answer', 'school1', { verdict: 'unfounded', finding: '该生确为寄宿生', evidenceFileId: evidence.id, version: clue.version });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', verdict: 'unfounded', evidenceFileId: evidence.id, answeredBy: expect.any(Number), answeredAt: expect.any(String) });
    expect((await act('answer', 'school1', answer)).body.errors.status).toContain('已反馈');

    const returned = await act('return', 'yuzhou', { reason: '住宿登记表与床位表不符，请重新核实' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: '住宿登记表与床位表不符，请重新核实', reviewedBy: expect.any(Number) });
    const stale = await act('answer', 'school1', { ...answer, version: answered.body.version });
    expect(stale.status).toBe(409);

    const again = await act('answer', 'school1', { ...answer, rectificationFileId: evidence.id, version: returned.body.version });
    expect(again.body).toMatchObject({ status: 'answered', verdict: 'confirmed', rectification: answer.rectification, reviewComment: null, reviewedBy: null });
    const accepted = await act('accept', 'yuzhou', { reason: '整改到位' });
    expect(accepted.body).toMatchObject({ status: 'closed', reviewComment: '整改到位', overdue: false });
    expect((await act('answer', 'school1', answer)).body.errors.status).toContain('已办结');
    expect((await act('return', 'yuzhou', { reason: '再看看' })).status).toBe(422);

    const history = await call('GET', `/api/clue-actions${listQuery({ filter: { clueId: clue.id } })}`, 'school1');
    expect(history.body.map((h: Rec) => [h.action, h.comment])).toEqual([
      ['answer', '该生确为寄宿生'],
      ['return', '住宿登记表与床位表不符，请重新核实'],
      ['answer', answer.finding],
      ['accept', '整改到位'],
    ]);
    expect(history.body[1].actedByName).toContain('玉州区');
    expect((await call('GET', `/api/clue-actions${listQuery({ filter: { clueId: clue.id } })}`, 'school2')).body).toEqual([]);
    const audit = await call('GET', `/api/audit-log${listQuery({ filter: { resource: 'clues', recordId: String(clue.id) }, sort: ['id', 'ASC'] })}`, 'admin');
    expect(audit.body.map((a: Rec) => a.after?.action ?? a.action)).toEqual(['create', 'update', 'answer', 'return', 'answer', 'accept']);
  });

  it('lets whoever reads the clue download its evidence, and no one else', async () => {
    expect(await download('school1', evidence.id)).toBe(200);
    expect(await download('yuzhou', evidence.id)).toBe(200);
    expect(await download('finance', evidence.id)).toBe(200);
    expect(await download('school2', evidence.id)).toBe(404);
    expect(await download('rongxian', evidence.id)).toBe(404);
  });

  it('stops flagging an overdue clue once it is closed', async () => {
    await act('answer', 'school1', { verdict: 'unfounded', finding: '核实不属实' }, late.id);
    expect((await call('GET', `/api/clues/${late.id}`, 'school1')).body).toMatchObject({ status: 'answered', overdue: true });
    const closed = await act('accept', 'yuzhou', {}, late.id);
    expect(closed.body).toMatchObject({ status: 'closed', overdue: false });
    expect((await call('GET', `/api/clues${listQuery({ filter: { overdue: true, source: 'audit' } })}`, 'yuzhou')).body).toEqual([]);
  });
});
