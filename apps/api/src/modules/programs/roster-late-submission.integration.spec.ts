import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';
import { designedProgram } from '../../testing/program.fixtures';

type Rec = Record<string, Json>;

/** A roster submitted after its term's deadline says so: in the response, on the record and in the list's filter. */
describe('roster submitted after the deadline', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let program: Rec;
  let students: Rec[];

  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });

  async function submitted(year: number, term: string, student: Rec): Promise<Rec> {
    const roster = (await call('POST', '/api/rosters', 'school1', { programId: program.id, year, term, schoolId: student.schoolId })).body;
    const entry = await call('POST', '/api/roster-entries', 'school1', { rosterId: roster.id, studentId: student.id, tier: 'T1', applicationData: { familySize: 3 } });
    expect(entry.status).toBe(201);
    expect(roster).toMatchObject({ submittedAt: null, submittedLate: false });
    const response = await call('POST', `/api/rosters/${roster.id}/actions`, 'school1', { action: 'approve' });
    expect(response.status).toBe(200);
    return response.body;
  }

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'school1']) token[user] = await api.login(user);
    students = (await call('GET', `/api/students${listQuery({ filter: { status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, 1] })}`, 'school1')).body;
    const rule = { combinator: 'and', rules: [{ field: 'status', operator: '=', value: 'enrolled' }] };
    program = (await call('POST', '/api/programs', 'admin', designedProgram({ stages: [students[0].stage], eligibilityRule: rule, firstYear: 2020 }))).body;
  }, 120_000);
  afterAll(() => api.close());

  it('marks a roster submitted after its deadline as late', async () => {
    const late = await submitted(2020, 'spring', students[0]);
    expect(late).toMatchObject({ deadline: '2020-06-15', status: 'inReview', submittedLate: true, submittedAt: expect.any(String) });
    const listed = await call('GET', `/api/rosters${listQuery({ filter: { submittedLate: true } })}`, 'yuzhou');
    expect(listed.body.map((r: Rec) => r.id)).toEqual([late.id]);
  });

  it('does not mark one submitted before its deadline', async () => {
    const onTime = await submitted(2099, 'autumn', students[1]);
    expect(onTime).toMatchObject({ deadline: '2099-09-25', status: 'inReview', submittedLate: false, submittedAt: expect.any(String) });
  });
});
