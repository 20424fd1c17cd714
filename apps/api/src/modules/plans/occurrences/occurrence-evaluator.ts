import { DUTY_RULES } from '../rules/duty-rule-catalogue';
import type { DutyRule } from '../rules/duty-rule';
import type { Sql } from './occurrence-sql';

/** What one evaluation changed. */
export interface EvaluationCounts {
  done: number;
  late: number;
  missed: number;
}

/**
 * Decides the occurrences that are due, as of `today` (China's date):
 * - automatic ones, each rule in one UPDATE over all its open occurrences due by today:
 *   met as of the due date → 按时完成 (done); else met by the time the next occurrence of
 *   its duty and unit came due (or by today, if sooner) → 逾期完成 (late); else 未完成
 *   (missed) once the due date has passed. A missed one is looked at again each night
 *   until the next occurrence's due date has passed; then it stays missed.
 * - manual ones still waiting for the unit (pending, returned) → missed once past due.
 * Occurrences not yet due stay pending: a rule met early is decided on the due date (data
 * that is "nothing to do" in January says nothing about a May payment duty).
 */
export async function evaluateOccurrences(sql: Sql, today: string): Promise<EvaluationCounts> {
  const counts: EvaluationCounts = { done: 0, late: 0, missed: 0 };
  for (const rule of DUTY_RULES) {
    const rows = await sql(evaluationSql(rule), [today, rule.code]);
    for (const row of rows) counts[row.status as keyof EvaluationCounts] += Number(row.n);
  }
  const [manual] = await sql(
    `WITH changed AS (
       UPDATE duty_occurrences SET status = 'missed', version = version + 1, updated_at = now()
        WHERE completion_rule = 'manual' AND status IN ('pending', 'returned') AND due_date < $1::date
       RETURNING 1)
     SELECT count(*)::int AS n FROM changed`,
    [today],
  );
  counts.missed += Number(manual.n);
  return counts;
}

function evaluationSql(rule: DutyRule): string {
  return `
    WITH judged AS (
      SELECT o.id,
             CASE WHEN ${rule.met('o.due_date')} THEN 'done'
                  WHEN ${rule.met('LEAST($1::date, nx.due)')} THEN 'late'
                  WHEN o.due_date < $1::date THEN 'missed'
                  ELSE o.status END AS status,
             LEAST($1::date, nx.due) AS late_by
        FROM duty_occurrences o
        LEFT JOIN LATERAL (SELECT min(n.due_date) AS due FROM duty_occurrences n
                            WHERE n.duty_id = o.duty_id AND n.unit_key = o.unit_key AND n.due_date > o.due_date) nx ON true
       WHERE o.completion_rule = $2 AND o.status IN ('pending', 'missed') AND o.due_date <= $1::date
         AND (o.status = 'pending' OR nx.due IS NULL OR nx.due >= $1::date - 1)),
    changed AS (
      UPDATE duty_occurrences o
         SET status = j.status,
             on_time = (j.status = 'done'),
             completed_at = CASE j.status WHEN 'done' THEN LEAST(o.due_date, $1::date) WHEN 'late' THEN j.late_by END,
             version = o.version + 1,
             updated_at = now()
        FROM judged j
       WHERE j.id = o.id AND j.status <> o.status
      RETURNING o.status)
    SELECT status, count(*)::int AS n FROM changed GROUP BY status`;
}
