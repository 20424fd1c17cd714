import { designedProgram } from '../../testing/program.fixtures';
import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';

type Rec = Record<string, Json>;

/**
 * A record's references must be readable by the caller and agree with each other: a clue's
 * student at the clue's school, a roster entry's student at the roster's school. Each case
 * names who writes what, and the status and field the refusal must carry.
 */
describe('references: in scope and agreeing with each other', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  const s: Record<string, Rec> = {}; // students: school1 (two), another 玉州区 school, 容县's school2
  let roster: Rec;
  let typeId: number;

  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const programs: Record<string, Rec> = {}; // a city program and one of 容县's
  const clue = (schoolOf: string, studentOf?: string, programOf?: string): Rec => ({
    source: 'audit',
    kind: '寄宿生补助发放给非寄宿生',
    description: '审计抽查',
    schoolId: s[schoolOf].schoolId,
    studentId: studentOf ? s[studentOf].id : undefined,
    programId: programOf ? programs[programOf].id : undefined,
    dueDate: '2027-03-31',
  });
  const entry = (studentOf: string): Rec => ({ rosterId: roster.id, studentId: s[studentOf].id, tier: 'T1', applicationData: { familySize: 4 } });
  const omission = (studentOf: string): Rec => ({ studentId: s[studentOf].id, identityTypeId: typeId, reason: '名单漏报' });

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2', 'finance']) token[user] = await api.login(user);
    const enrolled = async (user: string, n: number) =>
      (await call('GET', `/api/students${listQuery({ filter: { status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, n - 1] })}`, user)).body as Rec[];
    [s.school1, s.school1b] = await enrolled('school1', 2);
    [s.school2] = await enrolled('school2', 1);
    const county = await call('GET', `/api/students${listQuery({ filter: { status: 'enrolled' }, sort: ['id', 'DESC'], range: [0, 499] })}`, 'yuzhou');
    s.yuzhouOther = (county.body as Rec[]).find((x) => x.schoolId !== s.school1.schoolId)!;
    const types = (await call('GET', `/api/identity-types${listQuery({ range: [0, 99] })}`, 'admin')).body as Rec[];
    typeId = types[0].id;
    const rule = { combinator: 'and', rules: [{ field: 'status', operator: '=', value: 'enrolled' }] };
    const program = (await call('POST', '/api/programs', 'admin', designedProgram({ stages: [s.school1.stage], eligibilityRule: rule }))).body;
    roster = (await call('POST', '/api/rosters', 'school1', { programId: program.id, year: 2026, term: 'autumn', schoolId: s.school1.schoolId })).body;
    programs.city = program;
    programs.rongxian = (await call('POST', '/api/programs', 'admin', designedProgram({ code: 'RX-ONLY', name: '容县助学金', regionId: '450921', stages: [s.school1.stage], eligibilityRule: rule }))).body;
  }, 120_000);
  afterAll(() => api.close());

  it('has students in three schools to mix up', () => {
    expect(s.yuzhouOther).toBeTruthy();
    expect(new Set([s.school1.schoolId, s.yuzhouOther.schoolId, s.school2.schoolId]).size).toBe(3);
    expect(roster.id).toEqual(expect.any(Number));
    expect(programs.rongxian).toMatchObject({ regionId: '450921' });
  });

  it.each([
    ['finance: a clue for school1 naming a student of another county', 'finance', '/api/clues', () => clue('school1', 'school2'), 422, 'studentId'],
    ['finance: a clue for school1 naming a student of another school in its county', 'finance', '/api/clues', () => clue('school1', 'yuzhouOther'), 422, 'studentId'],
    ['admin: a clue for 容县 school2 naming a school1 student', 'admin', '/api/clues', () => clue('school2', 'school1'), 422, 'studentId'],
    ['county: a clue for its school naming a student of another county (unreadable)', 'yuzhou', '/api/clues', () => clue('school1', 'school2'), 422, 'studentId'],
    ['county: a clue for its school naming a student of its other school', 'yuzhou', '/api/clues', () => clue('school1', 'yuzhouOther'), 422, 'studentId'],
    ['county: a clue for another county’s school', 'rongxian', '/api/clues', () => clue('school1'), 403, null],
    ['finance: a clue for school1 under 容县’s own program', 'finance', '/api/clues', () => clue('school1', 'school1', 'rongxian'), 422, 'programId'],
    ['school: a roster entry for a student of another county (unreadable)', 'school1', '/api/roster-entries', () => entry('school2'), 422, 'studentId'],
    ['admin: a roster entry for a student of another school', 'admin', '/api/roster-entries', () => entry('yuzhouOther'), 422, 'studentId'],
    ['school: a roster under another county’s program', 'school1', '/api/rosters', () => ({ programId: programs.rongxian.id, year: 2026, term: 'spring', schoolId: s.school1.schoolId }), 422, 'programId'],
    ['school: an omission for another school’s student (out of its subtree)', 'school1', '/api/omissions', () => omission('school2'), 403, null],
    ['school: an omission for a student of its own county’s other school', 'school1', '/api/omissions', () => omission('yuzhouOther'), 403, null],
  ])('failing: %s', async (_name, user, path, body, status, field) => {
    const response = await call('POST', path, user, body());
    expect(response.status).toBe(status);
    if (field) {
      expect(response.body).toMatchObject({ statusCode: 422, code: 'VALIDATION_FAILED' });
      expect(Object.keys(response.body.errors)).toEqual([field]);
    } else {
      expect(response.body.code).toBe('OUT_OF_SCOPE');
    }
  });

  it.each([
    ['finance: a clue for school1 naming its own student', 'finance', '/api/clues', () => clue('school1', 'school1')],
    ['county: a clue for its other school naming that school’s student', 'yuzhou', '/api/clues', () => clue('yuzhouOther', 'yuzhouOther')],
    ['county: a clue naming no student', 'yuzhou', '/api/clues', () => clue('school1')],
    ['finance: a clue for school1 under a city-wide program', 'finance', '/api/clues', () => clue('school1', 'school1', 'city')],
    ['county: a clue for 容县’s school under 容县’s program', 'rongxian', '/api/clues', () => clue('school2', 'school2', 'rongxian')],
    ['school: a roster entry for its own student', 'school1', '/api/roster-entries', () => entry('school1b')],
    ['school: a roster under a city-wide program', 'school1', '/api/rosters', () => ({ programId: programs.city.id, year: 2026, term: 'spring', schoolId: s.school1.schoolId })],
    ['school: an omission for its own student', 'school1', '/api/omissions', () => omission('school1')],
  ])('successful: %s', async (_name, user, path, body) => {
    const response = await call('POST', path, user, body());
    expect(response.body).not.toHaveProperty('errors');
    expect(response.status).toBe(201);
  });

  it('says in English too which reference disagrees', async () => {
    const response = await api.request('POST', '/api/clues', { token: token.finance, body: clue('school1', 'school2'), lang: 'en' });
    expect(response.body.errors.studentId).toBe('This student is not at the clue’s school');
  });
});
