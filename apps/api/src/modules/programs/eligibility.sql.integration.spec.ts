import type { RuleGroup } from '@zizhu/schema';
import { Client } from 'pg';
import { listQuery, startTestApp, type TestApp } from '../../testing/test-app';
import { eligibilitySql } from './eligibility.sql';

/** Each operator of the rule editor, compiled and run against the demo students. */
describe('eligibility rules in SQL', () => {
  let api: TestApp;
  let db: Client;
  let markedId: number;
  let typeId: number;

  const count = async (where: string, params: unknown[] = []) => (await db.query(`SELECT count(*)::int AS n FROM students s WHERE ${where}`, params)).rows[0].n as number;
  const matching = async (rule: RuleGroup) => {
    const params: unknown[] = [];
    return count(eligibilitySql(rule, params), params);
  };
  const cond = (field: string, operator: string, value?: unknown): RuleGroup => ({ combinator: 'and', rules: [{ field, operator, value }] });

  beforeAll(async () => {
    api = await startTestApp();
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    const [school1, yuzhou] = [await api.login('school1'), await api.login('yuzhou')];
    const [student] = (await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token: school1 })).body;
    markedId = student.id;
    typeId = (await api.request('GET', `/api/identity-types${listQuery({ range: [0, 0] })}`, { token: school1 })).body[0].id;
    const omission = await api.request('POST', '/api/omissions', { token: school1, body: { studentId: markedId, identityTypeId: typeId, reason: '孤儿' } });
    await api.request('POST', `/api/omissions/${omission.body.id}/review`, { token: yuzhou, body: { decision: 'approved' } });
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  it('compares enum fields with =, !=, in and notIn', async () => {
    const total = await count('TRUE');
    const senior = await count(`s.stage = 'senior'`);
    expect(await matching(cond('stage', '=', 'senior'))).toBe(senior);
    expect(await matching(cond('stage', '!=', 'senior'))).toBe(total - senior);
    expect(await matching(cond('stage', 'in', ['senior', 'junior']))).toBe(await count(`s.stage IN ('senior', 'junior')`));
    expect(await matching(cond('stage', 'notIn', 'senior,junior'))).toBe(await count(`s.stage NOT IN ('senior', 'junior')`));
  });

  it('compares booleans whether the editor sends true or "true"', async () => {
    const boarders = await count('s.boarding');
    expect(boarders).toBeGreaterThan(0);
    expect(await matching(cond('boarding', '=', true))).toBe(boarders);
    expect(await matching(cond('boarding', '=', 'false'))).toBe(await count('NOT s.boarding'));
  });

  it('tests identity marks: any, none, one of, none of', async () => {
    const total = await count('TRUE');
    // The demo data marks a few students already (the audit rules' planted cases), with approved omissions.
    const marked = await count(`EXISTS (SELECT 1 FROM omissions o WHERE o.student_id = s.id AND o.status = 'approved')`);
    const ofType = await count(`EXISTS (SELECT 1 FROM omissions o WHERE o.student_id = s.id AND o.status = 'approved' AND o.identity_type_id = $1)`, [typeId]);
    const params: unknown[] = [markedId];
    expect(await count(`s.id = $1 AND ${eligibilitySql(cond('marks', 'in', [String(typeId)]), params)}`, params)).toBe(1);
    expect(await matching(cond('marks', 'hasAny'))).toBe(marked);
    expect(await matching(cond('marks', 'hasNone'))).toBe(total - marked);
    expect(await matching(cond('marks', 'in', [String(typeId)]))).toBe(ofType);
    expect(await matching(cond('marks', 'in', ['999999']))).toBe(0);
    expect(await matching(cond('marks', 'notIn', [String(typeId)]))).toBe(total - ofType);
  });

  it('combines groups with or, and negates them', async () => {
    const either = await count(`s.stage = 'senior' OR s.boarding`);
    const rule: RuleGroup = { combinator: 'or', rules: [{ field: 'stage', operator: '=', value: 'senior' }, { field: 'boarding', operator: '=', value: true }] };
    expect(await matching(rule)).toBe(either);
    expect(await matching({ ...rule, not: true })).toBe((await count('TRUE')) - either);
    expect(await matching({ combinator: 'and', rules: [] })).toBe(await count('TRUE'));
  });
});
