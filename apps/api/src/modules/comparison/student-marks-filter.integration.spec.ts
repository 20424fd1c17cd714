import ExcelJS from 'exceljs';
import { listQuery, startTestApp, type TestApp, totalOf, type Json } from '../../testing/test-app';

type Rec = Record<string, Json>;

/** Students filtered (and exported) by their special identity: a comparison mark or an approved omission. */
describe('students filtered by special identity', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let typeId: number;

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'school1', 'yuzhou']) token[user] = await api.login(user);
    const lists = (await api.request('GET', `/api/identity-lists${listQuery({})}`, { token: token.admin })).body as Rec[];
    const run = await api.request('POST', '/api/comparisons', {
      token: token.admin,
      body: { name: '身份筛选', regionId: '450900', listIds: lists.map((l) => l.id).join(',') },
    });
    await api.request('POST', `/api/comparisons/${run.body.id}/run`, { token: token.admin });
    for (let i = 0; i < 200; i++) {
      const current = (await api.request('GET', `/api/comparisons/${run.body.id}`, { token: token.admin })).body;
      if (current.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const types = (await api.request('GET', `/api/identity-types${listQuery({ filter: { q: '最低生活保障' } })}`, { token: token.admin })).body as Rec[];
    typeId = types[0].id;
  });
  afterAll(() => api.close());

  const students = (user: string, filter: Rec) =>
    api.request('GET', `/api/students${listQuery({ filter, range: [0, 999] })}`, { token: token[user] });
  const markedStudentIds = async (user: string) => {
    const rows = (await api.request('GET', `/api/comparison-results${listQuery({ filter: { identityTypeId: typeId, marked: true }, range: [0, 999] })}`, { token: token[user] })).body as Rec[];
    return new Set(rows.map((r) => r.studentId));
  };

  it('keeps exactly the students marked with that identity', async () => {
    const res = await students('admin', { markIdentityTypeId: typeId });
    expect(res.status).toBe(200);
    const expected = await markedStudentIds('admin');
    expect(expected.size).toBeGreaterThan(10);
    expect(new Set(res.body.map((s: Rec) => s.id))).toEqual(expected);
    expect(totalOf(res)).toBe(expected.size);
    const anyMark = await students('admin', { markIdentityTypeId: true });
    expect(totalOf(anyMark)).toBeGreaterThan(expected.size);
  });

  it('stays inside the user’s region and combines with other filters', async () => {
    const mine = await students('school1', { markIdentityTypeId: typeId, status: 'enrolled' });
    const all = await markedStudentIds('school1');
    expect(mine.body.every((s: Rec) => all.has(s.id) && s.status === 'enrolled')).toBe(true);
    expect(new Set(mine.body.map((s: Rec) => s.schoolId)).size).toBeLessThanOrEqual(1);
  });

  it('counts an omission once the county approves it', async () => {
    const marked = await markedStudentIds('school1');
    const [unmarked] = ((await students('school1', {})).body as Rec[]).filter((s) => !marked.has(s.id));
    const flagged = await api.request('POST', '/api/omissions', { token: token.school1, body: { studentId: unmarked.id, identityTypeId: typeId, reason: '低保证明齐全，名单漏报' } });
    expect(flagged.status).toBe(201);
    const before = await students('school1', { markIdentityTypeId: typeId });
    expect(before.body.map((s: Rec) => s.id)).not.toContain(unmarked.id);
    expect((await api.request('POST', `/api/omissions/${flagged.body.id}/review`, { token: token.yuzhou, body: { decision: 'approved' } })).status).toBe(200);
    const after = await students('school1', { markIdentityTypeId: typeId });
    expect(after.body.map((s: Rec) => s.id)).toContain(unmarked.id);
  });

  it('exports the same students', async () => {
    const listed = await students('admin', { markIdentityTypeId: typeId });
    const params = new URLSearchParams({ format: 'xlsx', filter: JSON.stringify({ markIdentityTypeId: typeId }) });
    const response = await fetch(`${api.baseUrl}/api/students/export?${params}`, { headers: { authorization: `Bearer ${token.admin}` } });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount - 1).toBe(totalOf(listed));
  });

  it('is offered to the panel as a filter, not as a field of the record', async () => {
    const { body } = await api.request('GET', '/api/schema', { token: token.school1 });
    const field = body.resources.find((r: Rec) => r.name === 'students').fields.find((f: Rec) => f.key === 'markIdentityTypeId');
    expect(field).toMatchObject({ type: 'reference', reference: 'identity-types', filter: 'exact', filterOnly: true, readOnly: true, list: false });
    expect((await students('admin', { markIdentityTypeId: 'abc' })).status).toBe(400);
  });
});
