import { DataSource } from 'typeorm';
import { DEMO_AUDIT_MATCHES, DEMO_AUDIT_RULES } from '../../../database/seed/demo-audit-rules';
import { listQuery, startTestApp, type TestApp, type Json } from '../../../testing/test-app';
import { AuditRulesNightlyJob } from './audit-rules-nightly.job';

type Rec = Record<string, Json>;

/**
 * 稽核规则 over the demo data: each of the four demo rules finds exactly the cases planted for
 * it and opens one clue per matching line for the school that paid it; running again opens
 * nothing; a rule's clue is accepted (销号) only once the rectification makes the rule stop
 * matching its line.
 */
describe('audit rules', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let rules: Rec[];
  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const clues = async (filter: Rec, user = 'admin') => (await call('GET', `/api/clues${listQuery({ filter, sort: ['id', 'ASC'], range: [0, 99] })}`, user)).body as Rec[];
  const rule = (i: number) => rules.find((r) => r.name === DEMO_AUDIT_RULES[i].name)!;

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'school1', 'finance', 'inspector']) token[user] = await api.login(user);
    rules = (await call('GET', `/api/audit-rules${listQuery({ sort: ['id', 'ASC'] })}`, 'admin')).body;
  }, 120_000);
  afterAll(() => api.close());

  it('are the four rules of the demo, configured for the city', () => {
    expect(rules.map((r) => r.name)).toEqual(DEMO_AUDIT_RULES.map((r) => r.name));
    expect(rules.every((r) => r.active && r.regionId === '450900' && r.lastRunAt === null)).toBe(true);
  });

  it('each finds exactly its planted cases and opens one clue per line for the school that paid it', async () => {
    for (const [i, expected] of DEMO_AUDIT_MATCHES.entries()) {
      const run = await call('POST', `/api/audit-rules/${rule(i).id}/run`, 'admin');
      expect(run.status).toBe(200);
      expect(run.body).toEqual({ matched: expected, opened: expected, alreadyOpen: 0 });
      const opened = await clues({ auditRuleId: rule(i).id });
      expect(opened).toHaveLength(expected);
      expect(opened.every((c) => c.source === 'dataRule' && c.kind === rule(i).name && c.status === 'open' && c.year === 2026 && c.term === 'spring')).toBe(true);
      expect(new Set(opened.map((c) => c.recordKey)).size).toBe(expected);
    }
    const students = async (i: number) => {
      const ids = (await clues({ auditRuleId: rule(i).id })).map((c) => c.studentId);
      return (await call('GET', `/api/students${listQuery({ filter: { id: ids } })}`, 'admin')).body as Rec[];
    };
    expect((await students(0)).map((s) => s.boarding)).toEqual([false, false, false]);
    // Two students, each paid by two schools: a clue for each school.
    const twice = await clues({ auditRuleId: rule(2).id });
    expect(new Set(twice.map((c) => c.studentId)).size).toBe(2);
    expect(new Set(twice.map((c) => c.schoolId)).size).toBe(2);
    // Left school in March: dropped, transferred, suspended; the one who left in May was still 在读 on the day.
    expect((await students(3)).map((s) => s.status).sort()).toEqual(['dropped', 'suspended', 'transferred']);
    const refreshed = (await call('GET', `/api/audit-rules/${rule(0).id}`, 'admin')).body;
    expect(refreshed).toMatchObject({ lastMatched: 3, lastOpened: 3, lastRunAt: expect.any(String) });
  });

  it('opens nothing new on a second run', async () => {
    for (const [i, expected] of DEMO_AUDIT_MATCHES.entries()) {
      expect((await call('POST', `/api/audit-rules/${rule(i).id}/run`, 'admin')).body).toEqual({ matched: expected, opened: 0, alreadyOpen: expected });
    }
  });

  it('runs every active rule nightly on the job queue: scheduled, and opening nothing twice', async () => {
    const job = api.app.get(AuditRulesNightlyJob);
    expect(job.kind.schedule?.cron).toBe('30 1 * * *');
    const [schedule] = await api.app.get(DataSource).query(`SELECT cron FROM pgboss.schedule WHERE name = 'audit-rules-nightly'`);
    expect(schedule).toEqual({ cron: '30 1 * * *' });
    const before = (await clues({ source: 'dataRule' })).length;
    await job.run();
    expect((await clues({ source: 'dataRule' })).length).toBe(before);
    const counted = (await call('GET', `/api/audit-rules/${rule(0).id}`, 'admin')).body;
    expect(counted).toMatchObject({ lastMatched: DEMO_AUDIT_MATCHES[0], lastOpened: 0 });
  });

  it('runs for admins and counties only; a county over its own schools', async () => {
    expect((await call('POST', `/api/audit-rules/${rule(2).id}/run`, 'inspector')).status).toBe(403);
    expect((await call('POST', `/api/audit-rules/${rule(2).id}/run`, 'school1')).status).toBe(403);
    // 玉州区 holds one line of each of the two students paid twice.
    expect((await call('POST', `/api/audit-rules/${rule(2).id}/run`, 'yuzhou')).body).toEqual({ matched: 2, opened: 0, alreadyOpen: 2 });
    expect((await call('POST', '/api/audit-rules/999999/run', 'admin')).status).toBe(404);
  });

  it('refuses to accept a rule’s clue while the rule still matches; accepts it once rectified', async () => {
    // school1's clue: its student was paid a second time by 福绵区's school.
    const [mine] = await clues({ auditRuleId: rule(2).id }, 'school1');
    expect(mine).toBeDefined();
    const answered = await call('POST', `/api/clues/${mine.id}/answer`, 'school1', {
      verdict: 'confirmed',
      finding: '该生学籍在本校，福绵区学校重复发放',
      rectification: '已通知福绵区学校退回重复发放的资金',
    });
    expect(answered.status).toBe(200);
    const refused = await call('POST', `/api/clues/${mine.id}/accept`, 'yuzhou', {});
    expect(refused.status).toBe(422);
    expect((refused.body as Rec).errors).toEqual({ auditRuleId: expect.stringContaining('仍命中') });

    // The other school's line is refunded in full: neither line is paid twice any more.
    const lines = (await call('GET', `/api/disbursements${listQuery({ filter: { studentId: mine.studentId, status: 'paid' } })}`, 'finance')).body as Rec[];
    expect(lines).toHaveLength(2);
    const other = lines.find((l) => l.schoolId !== mine.schoolId)!;
    const refund = await call('POST', '/api/refunds', 'finance', {
      disbursementId: other.id,
      amount: other.amount,
      date: '2026-06-01',
      receivingAccount: '玉林市财政局教育资助资金专户',
      reason: '重复发放，全额退回',
    });
    expect(refund.status).toBe(201);
    const accepted = await call('POST', `/api/clues/${mine.id}/accept`, 'yuzhou', {});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'closed' });
    // The next run finds one student paid twice, not two.
    expect((await call('POST', `/api/audit-rules/${rule(2).id}/run`, 'admin')).body).toEqual({ matched: 2, opened: 0, alreadyOpen: 2 });
  });
});
