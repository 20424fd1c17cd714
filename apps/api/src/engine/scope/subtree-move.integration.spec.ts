import { DataSource } from 'typeorm';
import { listQuery, startTestApp, totalOf, type Json, type TestApp } from '../../testing/test-app';

const SLOW = 60_000;

/** A tree node that changes parent takes what lies under it along; other records move alone. */
describe('moving records in the region tree', () => {
  let api: TestApp;
  let db: DataSource;
  const tokens: Record<string, string> = {};

  const studentsSeenBy = async (user: string) =>
    totalOf(await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token: tokens[user] }));
  const pathsOf = async (table: string): Promise<string> =>
    ((await db.query(`SELECT string_agg(id || ':' || scope_path, ',' ORDER BY id) AS paths FROM "${table}"`)) as { paths: string }[])[0].paths;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    for (const user of ['admin', 'yuzhou', 'rongxian']) tokens[user] = await api.login(user);
  }, SLOW);
  afterAll(() => api.close());

  it('a school moved to another county takes its students: the new county reads them, the old one no longer does', async () => {
    const [school]: Json[] = (await api.request('GET', `/api/schools${listQuery({ range: [0, 0] })}`, { token: tokens.yuzhou })).body;
    const [{ n: own }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM students WHERE school_id = $1`, [school.id]);
    expect(own).toBeGreaterThan(0);
    const [yuzhou, rongxian] = [await studentsSeenBy('yuzhou'), await studentsSeenBy('rongxian')];

    const moved = await api.request('PUT', `/api/schools/${school.id}`, { token: tokens.admin, body: { ...school, regionId: '450921' } });
    expect(moved.status).toBe(200);
    expect(await studentsSeenBy('yuzhou')).toBe(yuzhou - own);
    expect(await studentsSeenBy('rongxian')).toBe(rongxian + own);
  }, SLOW);

  it('a user moved to another region moves nothing else', async () => {
    const [before, schools] = [await pathsOf('regions'), await pathsOf('schools')];
    const users: Json[] = (await api.request('GET', `/api/users${listQuery({ range: [0, 99] })}`, { token: tokens.admin })).body;
    const officer = users.find((user) => user.username === 'yuzhou');
    const yuzhou = await studentsSeenBy('yuzhou');

    const moved = await api.request('PUT', `/api/users/${officer.id}`, { token: tokens.admin, body: { ...officer, regionId: '450903' } });
    expect(moved.status).toBe(200);
    expect(await pathsOf('regions')).toBe(before);
    expect(await pathsOf('schools')).toBe(schools);
    expect(await studentsSeenBy('admin')).toBe(5000);
    const [{ n: inYuzhou }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM students WHERE scope_path LIKE '450900.450902.%'`);
    expect(inYuzhou).toBe(yuzhou);
  }, SLOW);

  it('a student moved to another school moves no one else', async () => {
    const [from, to]: { id: number; scope_path: string }[] = await db.query(
      `SELECT id, scope_path FROM schools WHERE stages @> '{primary}' AND EXISTS (SELECT 1 FROM students s WHERE s.school_id = schools.id AND s.stage = 'primary') ORDER BY id LIMIT 2`,
    );
    const [student]: Json[] = (
      await api.request('GET', `/api/students${listQuery({ filter: { schoolId: from.id, stage: 'primary' }, range: [0, 0] })}`, { token: tokens.admin })
    ).body;
    const others = await pathsOf('students');

    const moved = await api.request('PUT', `/api/students/${student.id}`, { token: tokens.admin, body: { ...student, schoolId: to.id } });
    expect(moved.status).toBe(200);
    const expected = others.replace(`${student.id}:${from.scope_path}`, `${student.id}:${to.scope_path}`);
    expect(await pathsOf('students')).toBe(expected);
  }, SLOW);
});
