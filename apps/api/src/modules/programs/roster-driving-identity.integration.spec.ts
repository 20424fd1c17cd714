import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';
import { designedProgram } from '../../testing/program.fixtures';

type Rec = Record<string, Json>;

/**
 * "A student may carry several identities; the highest-priority one drives aid": the
 * student's marks name the one that drives, and auto-enrolment gives the tier its type's
 * default aid tier stands for.
 */
describe('the highest-priority identity drives aid', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  const type: Record<string, Rec> = {};
  let single: Rec; // 残疾 only (二档)
  let double: Rec; // 残疾 and 最低生活保障 (higher priority, 最高档)
  let third: Rec; // 建档困难职工 only (三档; the program has two tiers)

  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });

  async function mark(student: Rec, typeName: string): Promise<void> {
    const omission = await call('POST', '/api/omissions', 'school1', { studentId: student.id, identityTypeId: type[typeName].id, reason: '民政部门证明' });
    expect(omission.status).toBe(201);
    expect((await call('POST', `/api/omissions/${omission.body.id}/review`, 'yuzhou', { decision: 'approved' })).status).toBe(200);
  }

  async function setAidTier(typeName: string, aidTier: string): Promise<void> {
    const stored = type[typeName];
    const updated = await call('PUT', `/api/identity-types/${stored.id}`, 'admin', { aidTier, version: stored.version });
    expect(updated.status).toBe(200);
    type[typeName] = updated.body;
  }

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'school1']) token[user] = await api.login(user);
    for (const t of (await call('GET', `/api/identity-types${listQuery({ range: [0, 99] })}`, 'admin')).body as Rec[]) type[t.name] = t;
    await setAidTier('残疾', 'tier2');
    await setAidTier('建档困难职工', 'tier3');
    const students = (await call('GET', `/api/students${listQuery({ filter: { status: 'enrolled' }, sort: ['id', 'DESC'], range: [0, 2] })}`, 'school1'))
      .body as Rec[];
    [single, double, third] = students;
    await mark(single, '残疾');
    await mark(double, '残疾');
    await mark(double, '最低生活保障');
    await mark(third, '建档困难职工');
  });
  afterAll(() => api.close());

  it("lists a student's marks highest priority first, the first one driving aid", async () => {
    const marks = (await call('GET', `/api/students/${double.id}/marks`, 'school1')).body as Rec[];
    expect(marks.map((m) => [m.identityTypeName, m.drivesAid, m.source])).toEqual([
      ['最低生活保障', true, 'omission'],
      ['残疾', false, 'omission'],
    ]);
    expect((await call('GET', `/api/students/${single.id}/marks`, 'school1')).body).toEqual([
      expect.objectContaining({ identityTypeName: '残疾', drivesAid: true, comparisonId: null, listName: null }),
    ]);
  });

  it("enrols each marked student at the tier of their driving identity's type", async () => {
    const stages = [...new Set([single.stage, double.stage, third.stage])];
    const program = await call('POST', '/api/programs', 'admin', designedProgram({ code: 'DRIVING-TIER', stages, eligibilityRule: { combinator: 'and', rules: [] } }));
    expect(program.status).toBe(201);
    const roster = await call('POST', '/api/rosters', 'school1', { programId: program.body.id, year: 2026, term: 'autumn', schoolId: single.schoolId });
    expect(roster.status).toBe(201);
    const entries = (await call('GET', `/api/roster-entries${listQuery({ filter: { rosterId: roster.body.id }, range: [0, 999] })}`, 'admin')).body as Rec[];
    const tierOf = (student: Rec) => entries.find((e) => e.studentId === student.id)?.tier;
    expect(tierOf(single)).toBe('T2');
    expect(tierOf(double)).toBe('T1');
    expect(tierOf(third)).toBe('T2'); // 三档 on a two-tier program: its lowest tier
    expect(entries.find((e) => e.studentId === single.id)).toMatchObject({ amount: 100000, source: 'auto' });
  });
});
