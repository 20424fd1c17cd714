import { REVIEW_INDICATORS } from '@zizhu/plans';
import type { ReviewFigure } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import {
  plantClue,
  plantComparison,
  plantDuty,
  plantInspection,
  plantLetter,
  plantOccurrence,
  plantPlan,
  type PlantedSchool,
  RONGXIAN,
  studentIds,
  yuzhouSchools,
} from '../../../testing/review.fixtures';
import { startTestApp, type TestApp } from '../../../testing/test-app';
import { sqlOf } from '../../plans/occurrences/occurrence-sql';
import { findIndicatorQuery, INDICATOR_QUERIES } from './indicator-catalogue';
import { type IndicatorContext, indicatorFigures } from './review-indicator';

const YUZHOU_PATH = '450900.450902.';
const MAY_2017 = { periodStart: '2017-05-01', asOf: '2017-05-31' };

/**
 * Each indicator on data planted for it in 玉州区: one school whose data meets it in part and
 * fails it in part (exact counts and figure), one with nothing to count (null), and data
 * outside the period, the plan or the school that must not count. May 2017 unless the
 * indicator reads the demo's 2026 spring payments.
 */
describe('review indicators', () => {
  let api: TestApp;
  let db: DataSource;
  let schools: PlantedSchool[];
  let planId: number;
  /** 玉林市第一中学 (planted), 第一幼儿园 (another school), 启航幼儿园 (nothing planted). */
  let a: PlantedSchool;
  let b: PlantedSchool;
  let c: PlantedSchool;

  const figures = async (code: string, context: Partial<IndicatorContext> = {}): Promise<Map<number, ReviewFigure>> =>
    indicatorFigures(sqlOf(db.manager), findIndicatorQuery(code)!, { regionPath: YUZHOU_PATH, planId, ...MAY_2017, ...context });

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    schools = await yuzhouSchools(db);
    [a, b, c] = schools;
    planId = await plantPlan(db, 2017);
  }, 120_000);
  afterAll(() => api.close());

  it('the catalogue and the declared indicators agree, in the same order', () => {
    expect(INDICATOR_QUERIES.map((i) => i.code)).toEqual(REVIEW_INDICATORS.map((i) => i.code));
  });

  it('every indicator answers for every school of the region, and for none outside it', async () => {
    for (const indicator of INDICATOR_QUERIES) {
      const answered = await figures(indicator.code);
      expect([...answered.keys()].sort((x, y) => x - y)).toEqual(schools.map((s) => s.id).sort((x, y) => x - y));
    }
  });

  it('duties: on time in full, late half, missed nothing; open ones, other months and other plans left out', async () => {
    const monthly = await plantDuty(db, planId, '每月20日前更新维护系统数据');
    const report = await plantDuty(db, planId, '每月28日前上报月点评季通报表', 'FREQ=MONTHLY;BYMONTHDAY=28');
    const otherPlan = await plantDuty(db, await plantPlan(db, 2017, '450902', '另一个计划'), '另一个计划的任务');
    await plantOccurrence(db, monthly, a, '2017-05-20', 'done');
    await plantOccurrence(db, report, a, '2017-05-28', 'late');
    await plantOccurrence(db, monthly, a, '2017-05-31', 'missed');
    await plantOccurrence(db, report, a, '2017-05-29', 'submitted');
    await plantOccurrence(db, monthly, a, '2017-04-20', 'missed');
    await plantOccurrence(db, otherPlan, a, '2017-05-20', 'missed');
    await plantOccurrence(db, monthly, b, '2017-05-20', 'done');
    await plantOccurrence(db, report, b, '2017-05-28', 'done');

    const may = await figures('duties');
    // (1 + ½) / 3 decided
    expect(may.get(a.id)).toEqual({ value: 50, counts: { onTime: 1, late: 1, missed: 1, open: 1 } });
    expect(may.get(b.id)).toEqual({ value: 100, counts: { onTime: 2, late: 0, missed: 0, open: 0 } });
    expect(may.get(c.id)).toEqual({ value: null, counts: { onTime: 0, late: 0, missed: 0, open: 0 } });
    // Mid-May, only what was due by then.
    expect((await figures('duties', { asOf: '2017-05-25' })).get(a.id)).toEqual({ value: 100, counts: { onTime: 1, late: 0, missed: 0, open: 0 } });
  });

  it('verification: the latest run over the school finished by the end of the period, results decided by then', async () => {
    const [s1, s2, s3, s4] = await studentIds(db, a, 4);
    const [t1] = await studentIds(db, b, 1);
    // An older run, still open: the later one supersedes it.
    await plantComparison(db, '450900', '2017-04-01T10:00:00+08:00', [s1, s2, s3, s4].map((studentId) => ({ studentId, decision: 'pending' })));
    await plantComparison(db, '450900', '2017-05-10T10:00:00+08:00', [
      { studentId: s1, decision: 'confirmed', decidedAt: '2017-05-12T10:00:00+08:00' },
      { studentId: s2, decision: 'rejected', decidedAt: '2017-05-31T23:30:00+08:00' },
      { studentId: s3, decision: 'confirmed', decidedAt: '2017-06-01T00:30:00+08:00' },
      { studentId: s4, decision: 'pending' },
      { studentId: t1, decision: 'confirmed', decidedAt: '2017-05-11T10:00:00+08:00' },
    ]);
    // A later run over another county, and one finished after the period: neither is 一中's latest.
    await plantComparison(db, RONGXIAN, '2017-05-20T10:00:00+08:00', []);
    await plantComparison(db, '450900', '2017-06-02T10:00:00+08:00', [{ studentId: s1, decision: 'pending' }]);

    const may = await figures('verification');
    expect(may.get(a.id)).toEqual({ value: 50, counts: { results: 4, decided: 2 } });
    expect(may.get(b.id)).toEqual({ value: 100, counts: { results: 1, decided: 1 } });
    expect(may.get(c.id)).toEqual({ value: null, counts: { results: 0, decided: 0 } });
  });

  it('payments: lines paid in the period, on time when paid by their roster’s deadline (the demo’s 2026 spring term)', async () => {
    const [{ deadline }] = await db.query(
      `SELECT to_char(max(r.deadline), 'YYYY-MM-DD') AS deadline FROM disbursements d JOIN roster_entries e ON e.id = d.roster_entry_id JOIN rosters r ON r.id = e.roster_id WHERE d.school_id = $1`,
      [a.id],
    );
    expect(deadline).toBe('2026-06-15');
    const lines: { id: number }[] = await db.query(`SELECT id FROM disbursements WHERE school_id = $1 AND status = 'paid' ORDER BY id LIMIT 4`, [a.id]);
    const [{ paid }] = await db.query(`SELECT count(*)::int AS paid FROM disbursements WHERE school_id = $1 AND status = 'paid'`, [a.id]);
    expect(paid).toBeGreaterThan(10);
    // Two paid after the deadline (one on the day after it), one on the deadline itself, one after the quarter.
    await db.query(`UPDATE disbursements SET date = '2026-06-16' WHERE id = $1`, [lines[0].id]);
    await db.query(`UPDATE disbursements SET date = '2026-06-30' WHERE id = $1`, [lines[1].id]);
    await db.query(`UPDATE disbursements SET date = '2026-06-15' WHERE id = $1`, [lines[2].id]);
    await db.query(`UPDATE disbursements SET date = '2026-07-01' WHERE id = $1`, [lines[3].id]);

    const q2 = await figures('payments', { periodStart: '2026-04-01', asOf: '2026-06-30' });
    const inQuarter = paid - 1;
    expect(q2.get(a.id)).toEqual({ value: Math.round(((inQuarter - 2) * 1000) / inQuarter) / 10, counts: { paid: inQuarter, onTime: inQuarter - 2, late: 2 } });
    expect(q2.get(c.id)?.value ?? null).toBeNull();
    // Nothing paid in May: nothing to count.
    expect((await figures('payments', { periodStart: '2026-05-01', asOf: '2026-05-31' })).get(a.id)).toEqual({ value: null, counts: { paid: 0, onTime: 0, late: 0 } });
  });

  it('rectifications: clues due in the period closed by the end of their due date (China time); later ones late; after the period still open', async () => {
    await plantClue(db, a, '2017-05-10', '2017-05-09T10:00:00+08:00');
    await plantClue(db, a, '2017-05-15', '2017-05-15T23:30:00+08:00');
    await plantClue(db, a, '2017-05-20', '2017-05-21T00:30:00+08:00');
    await plantClue(db, a, '2017-05-25', '2017-06-03T10:00:00+08:00');
    await plantClue(db, a, '2017-05-28', null);
    await plantClue(db, a, '2017-06-10', '2017-06-01T10:00:00+08:00');
    await plantClue(db, b, '2017-04-30', null);

    const may = await figures('rectifications');
    expect(may.get(a.id)).toEqual({ value: 40, counts: { due: 5, closedOnTime: 2, closedLate: 1, open: 2 } });
    expect(may.get(b.id)).toEqual({ value: null, counts: { due: 0, closedOnTime: 0, closedLate: 0, open: 0 } });
  });

  it('inspection: the latest bureau inspection submitted in the period; the school’s own 自查 and later ones do not count', async () => {
    await plantInspection(db, a, 'spot', 80, '2017-05-05T10:00:00+08:00');
    await plantInspection(db, a, 'verify', 92.46, '2017-05-20T10:00:00+08:00');
    await plantInspection(db, a, 'self', 100, '2017-05-25T10:00:00+08:00');
    await plantInspection(db, a, 'spot', 60, '2017-06-01T00:30:00+08:00');
    await plantInspection(db, b, 'self', 95, '2017-05-10T10:00:00+08:00');

    const may = await figures('inspection');
    expect(may.get(a.id)).toEqual({ value: 92.5, counts: { inspections: 2, score: 92.5 } });
    expect(may.get(b.id)).toEqual({ value: null, counts: { inspections: 0, score: null } });
    expect((await figures('inspection', { asOf: '2017-05-10' })).get(a.id)).toEqual({ value: 80, counts: { inspections: 1, score: 80 } });
  });

  it('notification: students paid in the term under way, whose letter for that term was delivered by then', async () => {
    const d = schools[3];
    const asOf = '2026-05-31';
    const [{ recipients }] = await db.query(
      `SELECT count(DISTINCT student_id)::int AS recipients FROM disbursements WHERE school_id = $1 AND status = 'paid' AND year = 2026 AND term IN ('spring', 'yearly') AND date <= $2`,
      [d.id, asOf],
    );
    expect(recipients).toBeGreaterThan(5);
    // The demo delivered letters at this school: the spec plants its own instead.
    await db.query(`DELETE FROM letters WHERE school_id = $1`, [d.id]);
    const paid: { id: number }[] = await db.query(`SELECT DISTINCT student_id AS id FROM disbursements WHERE school_id = $1 AND status = 'paid' ORDER BY 1 LIMIT 6`, [d.id]);
    await plantLetter(db, paid[0].id, 2026, 'spring', 'delivered', '2026-05-10');
    await plantLetter(db, paid[1].id, 2026, 'spring', 'receiptReturned', '2026-05-31');
    await plantLetter(db, paid[2].id, 2026, 'spring', 'delivered', '2026-06-01');
    await plantLetter(db, paid[3].id, 2026, 'spring', 'generated', null);
    await plantLetter(db, paid[4].id, 2025, 'autumn', 'delivered', '2026-01-10');

    const may = await figures('notification', { periodStart: '2026-05-01', asOf });
    expect(may.get(d.id)).toEqual({ value: Math.round((2 * 1000) / recipients) / 10, counts: { recipients, delivered: 2 } });
    // In the autumn term (from September) the spring letters say nothing.
    expect((await figures('notification', { periodStart: '2026-09-01', asOf: '2026-09-30' })).get(d.id)).toEqual({ value: null, counts: { recipients: 0, delivered: 0 } });
  });
});
