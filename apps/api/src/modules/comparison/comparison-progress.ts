import type { ComparisonProgress, SchoolProgress, SchoolProgressState } from '@zizhu/schema';

/**
 * Per school in the caller's subtree ($2, a scope-path prefix): results with a student,
 * decided and pending. Results are scoped through the student, so the prefix on the result's
 * own path is the caller's scope. `overdue` = pending after the run's deadline, the day
 * itself included: the deadline is compared with China's date ($3), which the API computes,
 * not with the database server's (often UTC, a day behind until 08:00 Beijing time).
 */
export const PROGRESS_SQL = `
  SELECT s.school_id AS "schoolId", sc.name AS "schoolName",
         count(*)::int AS total,
         count(*) FILTER (WHERE r.decision = 'confirmed')::int AS confirmed,
         count(*) FILTER (WHERE r.decision = 'rejected')::int AS rejected,
         count(*) FILTER (WHERE r.decision = 'pending')::int AS pending,
         bool_or(r.decision = 'pending' AND c.deadline < $3::date) AS overdue
    FROM comparison_results r
    JOIN comparisons c ON c.id = r.comparison_id
    JOIN students s ON s.id = r.student_id
    JOIN schools sc ON sc.id = s.school_id
   WHERE r.comparison_id = $1 AND r.student_id IS NOT NULL AND r.scope_path LIKE $2
   GROUP BY s.school_id, sc.name
   ORDER BY sc.name, s.school_id`;

type ProgressRow = Omit<SchoolProgress, 'decided' | 'state'>;

export function schoolProgress(row: ProgressRow): SchoolProgress {
  const overdue = Boolean(row.overdue);
  const state: SchoolProgressState = row.pending === 0 ? 'done' : overdue ? 'overdue' : 'pending';
  return { ...row, decided: row.confirmed + row.rejected, overdue, state };
}
