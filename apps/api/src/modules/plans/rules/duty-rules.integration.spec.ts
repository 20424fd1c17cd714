import { DataSource } from 'typeorm';
import { approvedRoster, bankFile, fundProgram, linesOf, ok, studentsOf, uploadBankResult } from '../../../testing/funds.fixtures';
import { startTestApp, type Json, type TestApp } from '../../../testing/test-app';
import { OccurrenceRunner } from '../occurrences/occurrence-runner.service';
import { PlansClock } from '../plans-clock';
import { type DutyRuleCase, DUTY_RULES, dutyRuleMet, dutyRuleDescriptions, findDutyRule } from './duty-rule-catalogue';

type Rec = Record<string, Json>;

/**
 * Each automatic completion rule on school 1 (玉林市第一中学) in 2017, a year the demo data
 * leaves empty: planted data that meets it and data that fails it, as of the due date and
 * later, at China's day boundaries; then the evaluator deciding done, late and missed by date.
 */
describe('automatic completion rules', () => {
  let api: TestApp;
  let db: DataSource;
  const token: Record<string, string> = {};
  const call = (method: string, path: string, user: string, body?: unknown) => api.request(method, path, { token: token[user], body });
  const met = (code: string, c: Omit<DutyRuleCase, 'schoolId'>, schoolId = 1) => dutyRuleMet(db.manager, findDutyRule(code)!, { schoolId, ...c });
  let students: Rec[];

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    for (const user of ['admin', 'yuzhou', 'school1', 'finance']) token[user] = await api.login(user);
    students = await studentsOf(api, token.school1, 1, 2);
  }, 120_000);
  afterAll(() => api.close());

  /** A real change of a student through the API, its audit row then moved to `at`. */
  async function studentUpdatedAt(student: Rec, at: string, user = 'school1'): Promise<void> {
    const current = (await call('GET', `/api/students/${student.id}`, user)).body;
    const saved = await call('PUT', `/api/students/${student.id}`, user, { className: `${Math.floor(Math.random() * 90) + 10}班`, version: current.version });
    expect(saved.status).toBe(200);
    await db.query(`UPDATE audit_log SET at = $2 WHERE id = (SELECT max(id) FROM audit_log WHERE resource = 'students' AND record_id = $1)`, [String(student.id), at]);
  }

  it('the catalogue and the declared completion rules agree; GET /api/duty-rules lists manual first', async () => {
    const listed = await call('GET', '/api/duty-rules', 'school1');
    expect(listed.status).toBe(200);
    expect(listed.body.map((r: Rec) => r.code)).toEqual(['manual', ...DUTY_RULES.map((r) => r.code)]);
    expect(dutyRuleDescriptions().filter((r) => r.automatic)).toHaveLength(DUTY_RULES.length);
  });

  describe('recordsUpdated: the school’s student records changed since the period began', () => {
    const march = { periodStart: '2017-03-01', dueDate: '2017-03-20' };

    it('fails with no change in the period, meets with one, as of the day it happened', async () => {
      expect(await met('recordsUpdated', { ...march, asOf: '2017-03-20' })).toBe(false);
      await studentUpdatedAt(students[0], '2017-03-10T10:00:00+08:00');
      expect(await met('recordsUpdated', { ...march, asOf: '2017-03-20' })).toBe(true);
      expect(await met('recordsUpdated', { ...march, asOf: '2017-03-09' })).toBe(false);
      expect(await met('recordsUpdated', { periodStart: '2017-03-11', dueDate: '2017-04-20', asOf: '2017-04-20' })).toBe(false);
    });

    it('China’s day: 23:30 on the due date counts, 00:30 the next day does not', async () => {
      const april = { periodStart: '2017-04-01', dueDate: '2017-04-20' };
      await studentUpdatedAt(students[0], '2017-04-21T00:30:00+08:00');
      expect(await met('recordsUpdated', { ...april, asOf: '2017-04-20' })).toBe(false);
      expect(await met('recordsUpdated', { ...april, asOf: '2017-04-21' })).toBe(true);
      await studentUpdatedAt(students[1], '2017-04-20T23:30:00+08:00');
      expect(await met('recordsUpdated', { ...april, asOf: '2017-04-20' })).toBe(true);
    });

    it('another school’s change and a mere reveal do not count', async () => {
      const may = { periodStart: '2017-05-01', dueDate: '2017-05-20', asOf: '2017-05-20' };
      const [other] = await db.query(`SELECT id FROM students WHERE school_id <> 1 AND scope_path LIKE '450900.450902.%' ORDER BY id LIMIT 1`);
      await studentUpdatedAt(other, '2017-05-10T10:00:00+08:00', 'admin');
      const revealed = await call('POST', `/api/students/${students[0].id}/reveal`, 'admin', { field: 'idNumber' });
      expect(revealed.status).toBe(200);
      await db.query(`UPDATE audit_log SET at = '2017-05-11T10:00:00+08:00' WHERE id = (SELECT max(id) FROM audit_log WHERE action = 'reveal')`);
      expect(await met('recordsUpdated', may)).toBe(false);
    });
  });

  describe('comparisonDecided: every result of the school’s students in finished runs decided', () => {
    let runId: number;

    beforeAll(async () => {
      [{ id: runId }] = await db.query(
        `INSERT INTO comparisons (name, region_id, list_ids, status, started_at, finished_at, scope_path, version)
         VALUES ('计划测试比对', '450900', '1', 'done', '2017-06-01T08:00:00+08:00', '2017-06-01T09:00:00+08:00', '450900.', 1) RETURNING id`,
      );
      await db.query(`CREATE TABLE comparison_results_${Number(runId)} PARTITION OF comparison_results FOR VALUES IN (${Number(runId)})`);
      for (const [student, decision, decidedAt] of [
        [students[0], 'confirmed', '2017-06-05T10:00:00+08:00'],
        [students[1], 'pending', null],
      ] as const) {
        await db.query(
          `INSERT INTO comparison_results (comparison_id, student_id, identity_id, region_id, outcome, reason, decision, decided_at, marked, scope_path, version)
           SELECT $1, s.id, (SELECT min(id) FROM identities), sc.region_id, 'matched', 'idNumber', $2, $3, true, s.scope_path, 1
             FROM students s JOIN schools sc ON sc.id = s.school_id WHERE s.id = $4`,
          [runId, decision, decidedAt, student.id],
        );
      }
    });

    it('a result still pending fails it; decided since, it is met as of the decision’s day', async () => {
      const june = { periodStart: '2017-06-01', dueDate: '2017-06-20' };
      expect(await met('comparisonDecided', { ...june, asOf: '2017-06-20' })).toBe(false);
      await db.query(`UPDATE comparison_results SET decision = 'rejected', decided_at = '2017-06-25T10:00:00+08:00' WHERE comparison_id = $1 AND decision = 'pending'`, [runId]);
      expect(await met('comparisonDecided', { ...june, asOf: '2017-06-20' })).toBe(false);
      expect(await met('comparisonDecided', { ...june, asOf: '2017-06-25' })).toBe(true);
    });

    it('before the run finished there was nothing to decide', async () => {
      expect(await met('comparisonDecided', { periodStart: '2017-05-01', dueDate: '2017-05-20', asOf: '2017-05-20' })).toBe(true);
    });
  });

  describe('rosterPaid and lettersDelivered on the autumn 2017 term: two approved entries, paid on 10-10 and 10-25', () => {
    const october = { periodStart: '2017-09-21', dueDate: '2017-10-20' };
    const november = { periodStart: '2017-10-21', dueDate: '2017-11-20' };
    let templateId: number;
    let batch: Rec;
    let line: (student: Rec) => Rec;

    beforeAll(async () => {
      const program = await ok(call('POST', '/api/programs', 'admin', fundProgram({ code: 'PLAN-RULES' })));
      const roster = await approvedRoster(api, [token.school1, token.school1, token.yuzhou, token.finance], { programId: program.id, year: 2017, term: 'autumn', schoolId: 1 }, students.map((s) => ({ studentId: s.id, tier: 'T1' })));
      expect(roster.id).toBeGreaterThan(0);
      batch = await ok(call('POST', '/api/disbursement-batches', 'finance', { programId: program.id, year: 2017, term: 'autumn', method: 'aidCard', date: '2017-10-10' }));
      const lines = await linesOf(api, token.admin, batch.id);
      line = (s: Rec) => lines.find((l) => l.studentId === s.id)!;
      const first = await uploadBankResult(api, token.finance, batch.id, await bankFile([[line(students[0]).serialNo, '', null, '成功', null, '2017-10-10']]));
      expect(first.status).toBe(200);
      [{ id: templateId }] = await db.query(
        `INSERT INTO letter_templates (name, region_id, body, receipt_text, status, revision, scope_path, version) VALUES ('测试模板', '450900', '正文', '回执', 'published', 1, '450900.', 1) RETURNING id`,
      );
    });

    it('rosterPaid: an entry unpaid fails it; paid on 10-25, met as of then, not as of 10-20', async () => {
      expect(await met('rosterPaid', { ...october, asOf: '2017-10-20' })).toBe(false);
      const second = await uploadBankResult(api, token.finance, batch.id, await bankFile([[line(students[1]).serialNo, '', null, '成功', null, '2017-10-25']]));
      expect(second.status).toBe(200);
      await db.query(`UPDATE disbursements SET date = CASE student_id WHEN $1 THEN '2017-10-10'::date ELSE '2017-10-25'::date END WHERE batch_id = $2`, [students[0].id, batch.id]);
      expect(await met('rosterPaid', { ...october, asOf: '2017-10-20' })).toBe(false);
      expect(await met('rosterPaid', { ...october, asOf: '2017-10-25' })).toBe(true);
      // The spring term of 2017 has no approved roster: nothing to pay.
      expect(await met('rosterPaid', { periodStart: '2017-04-21', dueDate: '2017-05-20', asOf: '2017-05-20' })).toBe(true);
    });

    it('lettersDelivered: each student paid by then needs that term’s letter, delivered by then', async () => {
      expect(await met('lettersDelivered', { ...october, asOf: '2017-10-20' })).toBe(false);
      const letter = (student: Rec, status: string, deliveredAt: string | null) =>
        db.query(
          `INSERT INTO letters (student_id, school_id, year, term, template_id, status, delivered_at, scope_path, version)
           SELECT s.id, s.school_id, 2017, 'autumn', $2, $3, $4, s.scope_path, 1 FROM students s WHERE s.id = $1
           ON CONFLICT (student_id, year, term) DO UPDATE SET status = EXCLUDED.status, delivered_at = EXCLUDED.delivered_at`,
          [student.id, templateId, status, deliveredAt],
        );
      await letter(students[0], 'delivered', '2017-10-18');
      // As of 10-20 only the first was paid, and its letter was delivered.
      expect(await met('lettersDelivered', { ...october, asOf: '2017-10-20' })).toBe(true);
      await letter(students[1], 'generated', null);
      expect(await met('lettersDelivered', { ...november, asOf: '2017-11-20' })).toBe(false);
      await letter(students[1], 'receiptReturned', '2017-10-28');
      expect(await met('lettersDelivered', { ...november, asOf: '2017-10-27' })).toBe(false);
      expect(await met('lettersDelivered', { ...november, asOf: '2017-11-20' })).toBe(true);
    });
  });

  describe('rectificationsClosed: the school’s clues due by the due date, closed by then', () => {
    const opened = async (kind: string, dueDate: string) => {
      const clue = await ok(call('POST', '/api/clues', 'yuzhou', { source: 'audit', kind, description: '计划测试', schoolId: 1, dueDate }));
      await db.query(`UPDATE clues SET created_at = '2017-06-01T10:00:00+08:00' WHERE id = $1`, [clue.id]);
      return clue;
    };

    it('an open clue due by then fails it; accepted on 07-05, met as of then; a later clue is left to a later due date', async () => {
      const june = { periodStart: '2017-04-01', dueDate: '2017-06-30' };
      expect(await met('rectificationsClosed', { ...june, asOf: '2017-06-30' })).toBe(true);
      const due = await opened('计划测试：六月到期', '2017-06-30');
      await opened('计划测试：年底到期', '2017-12-31');
      expect(await met('rectificationsClosed', { ...june, asOf: '2017-06-30' })).toBe(false);
      await db.query(`UPDATE clues SET status = 'closed' WHERE id = $1`, [due.id]);
      await db.query(
        `INSERT INTO clue_actions (clue_id, action, comment, acted_by, acted_by_name, acted_at, scope_path)
         SELECT $1, 'accept', '已整改', u.id, '玉州区', '2017-07-05T10:00:00+08:00', c.scope_path FROM clues c, users u WHERE c.id = $1 AND u.username = 'yuzhou'`,
        [due.id],
      );
      expect(await met('rectificationsClosed', { ...june, asOf: '2017-07-04' })).toBe(false);
      expect(await met('rectificationsClosed', { ...june, asOf: '2017-07-05' })).toBe(true);
      expect(await met('rectificationsClosed', { periodStart: '2017-10-01', dueDate: '2017-12-31', asOf: '2017-12-31' })).toBe(false);
    });
  });

  /**
   * The evaluator over a published plan's occurrences (2017, monthly on the 20th, records
   * updated): school A changes a record on 01-15 (January on time), school B on 01-25
   * (January late, February on time through it), school C not until 03-01 (January stays
   * missed, February late, March pending).
   */
  describe('the evaluator: done on time, late and missed by date', () => {
    let duty: Rec;
    let schools: Rec[];
    const status = async (schoolId: number, due: string) =>
      (await db.query(`SELECT status, to_char(completed_at, 'YYYY-MM-DD') AS "completedAt" FROM duty_occurrences WHERE duty_id = $1 AND school_id = $2 AND due_date = $3`, [duty.id, schoolId, due]))[0];

    beforeAll(async () => {
      jest.spyOn(api.app.get(PlansClock), 'now').mockReturnValue(new Date('2017-01-05T12:00:00+08:00'));
      const plan = await ok(call('POST', '/api/work-plans', 'yuzhou', { name: '2017年计划', year: 2017, regionId: '450902' }));
      duty = await ok(call('POST', '/api/duties', 'yuzhou', { planId: plan.id, title: '每月20日前更新维护系统数据', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=20', completionRule: 'recordsUpdated' }));
      await ok(call('POST', `/api/work-plans/${plan.id}/publish`, 'yuzhou'));
      schools = await db.query(
        `SELECT s.id, min(st.id) AS student FROM schools s JOIN students st ON st.school_id = s.id WHERE s.scope_path LIKE '450900.450902.%' AND s.id <> 1 GROUP BY s.id ORDER BY s.id LIMIT 3`,
      );
      const [a, b, c] = schools;
      await studentUpdatedAt({ id: a.student }, '2017-01-15T10:00:00+08:00', 'admin');
      await studentUpdatedAt({ id: b.student }, '2017-01-25T10:00:00+08:00', 'admin');
      await studentUpdatedAt({ id: c.student }, '2017-03-01T10:00:00+08:00', 'admin');
    });

    it('on 01-21 January is done for A and missed for B and C', async () => {
      const runner = api.app.get(OccurrenceRunner);
      await runner.runAll('2017-01-21');
      const [a, b, c] = schools;
      expect(await status(a.id, '2017-01-20')).toEqual({ status: 'done', completedAt: '2017-01-20' });
      expect(await status(b.id, '2017-01-20')).toEqual({ status: 'missed', completedAt: null });
      expect(await status(c.id, '2017-01-20')).toEqual({ status: 'missed', completedAt: null });
    });

    it('on 01-26 B’s January turns late; on 03-02 C’s January stays missed (February has come due), its February is late', async () => {
      const runner = api.app.get(OccurrenceRunner);
      const [, b, c] = schools;
      await runner.runAll('2017-01-26');
      expect(await status(b.id, '2017-01-20')).toEqual({ status: 'late', completedAt: '2017-01-26' });
      await runner.runAll('2017-03-02');
      expect(await status(b.id, '2017-02-20')).toEqual({ status: 'done', completedAt: '2017-02-20' });
      expect(await status(c.id, '2017-01-20')).toEqual({ status: 'missed', completedAt: null });
      expect(await status(c.id, '2017-02-20')).toEqual({ status: 'late', completedAt: '2017-03-02' });
      expect(await status(c.id, '2017-03-20')).toEqual({ status: 'pending', completedAt: null });
    });
  });
});
