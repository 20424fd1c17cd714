import { listQuery, startTestApp, type TestApp, totalOf } from '../../testing/test-app';

/** Every read, write, count and reference lookup stays inside the user's subtree. */
describe('region scope', () => {
  let api: TestApp;
  const tokens: Record<string, string> = {};
  let yuzhouStudent: { id: number; version: number; schoolId: number };
  let rongxianSchool: { id: number };

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2']) tokens[user] = await api.login(user);
    [yuzhouStudent] = (await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token: tokens.yuzhou })).body;
    [rongxianSchool] = (await api.request('GET', `/api/schools${listQuery({ range: [0, 0] })}`, { token: tokens.rongxian })).body;
  });
  afterAll(() => api.close());

  const all = (resource: string, token: string) =>
    api.request('GET', `/api/${resource}${listQuery({ range: [0, 999] })}`, { token });

  it('counts differ by scope and add up', async () => {
    const city = totalOf(await all('students', tokens.admin));
    const yuzhou = totalOf(await all('students', tokens.yuzhou));
    const rongxian = totalOf(await all('students', tokens.rongxian));
    expect(city).toBe(5000);
    expect(yuzhou).toBeGreaterThan(0);
    expect(rongxian).toBeGreaterThan(0);
    expect(yuzhou + rongxian).toBeLessThan(city);
  });

  it('a county sees only schools and students of its county', async () => {
    const schools = (await all('schools', tokens.yuzhou)).body;
    expect(schools.length).toBeGreaterThan(0);
    expect(schools.every((s: { regionId: string }) => s.regionId.startsWith('450902'))).toBe(true);
    const schoolIds = new Set(schools.map((s: { id: number }) => s.id));
    const students = (await all('students', tokens.yuzhou)).body;
    expect(students.every((s: { schoolId: number }) => schoolIds.has(s.schoolId))).toBe(true);
  });

  it('filtering by one school: its students when the school is in scope, none when it is not', async () => {
    const ofSchool = (token: string, schoolId: number) =>
      api.request('GET', `/api/students${listQuery({ filter: { schoolId }, range: [0, 999] })}`, { token });
    const own = await ofSchool(tokens.yuzhou, yuzhouStudent.schoolId);
    const asCity = await ofSchool(tokens.admin, yuzhouStudent.schoolId);
    expect(totalOf(own)).toBeGreaterThan(0);
    expect(totalOf(own)).toBe(totalOf(asCity));
    expect(own.body.every((s: { schoolId: number }) => s.schoolId === yuzhouStudent.schoolId)).toBe(true);
    expect(totalOf(await ofSchool(tokens.rongxian, yuzhouStudent.schoolId))).toBe(0);
    expect(totalOf(await ofSchool(tokens.school2, yuzhouStudent.schoolId))).toBe(0);
    expect(totalOf(await ofSchool(tokens.yuzhou, rongxianSchool.id))).toBe(0);
    expect(totalOf(await ofSchool(tokens.yuzhou, 2_000_000_000))).toBe(0);
  });

  it('a school officer sees only the students of their school', async () => {
    const res = await all('students', tokens.school1);
    const schools = new Set(res.body.map((s: { schoolId: number }) => s.schoolId));
    expect(schools.size).toBe(1);
    expect((await all('schools', tokens.school1)).body).toHaveLength(1);
  });

  it('reads out of scope are 404, as if the record did not exist', async () => {
    const res = await api.request('GET', `/api/students/${yuzhouStudent.id}`, { token: tokens.rongxian });
    expect(res.status).toBe(404);
    const many = await api.request('GET', `/api/students${listQuery({ filter: { id: [yuzhouStudent.id] } })}`, { token: tokens.rongxian });
    expect(many.body).toEqual([]);
    expect(totalOf(many)).toBe(0);
  });

  it('writes out of scope are 403 and change nothing', async () => {
    const put = await api.request('PUT', `/api/students/${yuzhouStudent.id}`, {
      token: tokens.rongxian,
      body: { ...yuzhouStudent, grade: '被改' },
    });
    expect(put.status).toBe(403);
    expect(put.body.code).toBe('OUT_OF_SCOPE');
    expect((await api.request('DELETE', `/api/students/${yuzhouStudent.id}`, { token: tokens.rongxian })).status).toBe(403);
    const after = await api.request('GET', `/api/students/${yuzhouStudent.id}`, { token: tokens.admin });
    expect(after.body.grade).not.toBe('被改');
    expect(after.body.version).toBe(yuzhouStudent.version);
  });

  it('cannot move a student into another county’s school', async () => {
    const res = await api.request('PUT', `/api/students/${yuzhouStudent.id}`, {
      token: tokens.yuzhou,
      body: { version: yuzhouStudent.version, schoolId: rongxianSchool.id },
    });
    expect(res.status).toBe(403);
  });

  it('cannot create a student in another school', async () => {
    const res = await api.request('POST', '/api/students', {
      token: tokens.school1,
      body: { idNumber: '11010519491231002X', name: '越权', schoolId: rongxianSchool.id, stage: 'primary', status: 'enrolled' },
    });
    expect(res.status).toBe(403);
  });

  it('moving a school to another township moves its students and its officer along', async () => {
    const [school] = (await all('schools', tokens.school1)).body;
    const before = totalOf(await all('students', tokens.school1));
    const townships = (await api.request('GET', `/api/regions${listQuery({ filter: { parentId: '450902' }, range: [0, 99] })}`, { token: tokens.yuzhou })).body;
    const target = townships.find((r: { id: string }) => r.id !== school.regionId);
    const moved = await api.request('PUT', `/api/schools/${school.id}`, { token: tokens.yuzhou, body: { ...school, regionId: target.id } });
    expect(moved.status).toBe(200);
    expect(moved.body.regionId).toBe(target.id);
    // A new session: the officer's scope followed the school, and so did every student.
    const school1 = await api.login('school1');
    expect(totalOf(await all('students', school1))).toBe(before);
    const inTownship = await api.request('GET', `/api/schools${listQuery({ filter: { regionId: target.id }, range: [0, 99] })}`, { token: tokens.yuzhou });
    expect(inTownship.body.map((s: { id: number }) => s.id)).toContain(school.id);
  });

  it('regions are public reference data: every user reads the tree, only admin writes it', async () => {
    const res = await all('regions', tokens.school2);
    expect(res.body.some((r: { id: string }) => r.id === '450902')).toBe(true);
    const put = await api.request('PUT', '/api/regions/450902', { token: tokens.yuzhou, body: { name: '改名', version: 1 } });
    expect(put.status).toBe(403);
  });

  it('users and the audit log are limited to the county', async () => {
    const users = (await all('users', tokens.yuzhou)).body;
    expect(users.map((u: { username: string }) => u.username).sort()).toEqual(['school1', 'yuzhou']);
    expect((await all('users', tokens.school1)).status).toBe(403);
  });
});
