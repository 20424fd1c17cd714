import type { CountyProgress, SchoolProgress, SchoolProgressState } from '@zizhu/schema';

/**
 * Per school in the caller's subtree ($2, a scope-path prefix): results with a student,
 * decided and pending, by the school (and its path) each result carries from the run — a
 * student who moved since stays with the school that was asked to verify. Results are scoped
 * through the student, so the prefix on the result's own path is the caller's scope. `overdue` = pending after the run's deadline, the day
 * itself included: the deadline is compared with China's date ($3), which the API computes,
 * not with the database server's (often UTC, a day behind until 08:00 Beijing time).
 */
export const PROGRESS_SQL = `
  SELECT r.school_id AS "schoolId", sc.name AS "schoolName", cr.id AS "countyId", cr.name AS "countyName",
         count(*)::int AS total,
         count(*) FILTER (WHERE r.decision = 'confirmed')::int AS confirmed,
         count(*) FILTER (WHERE r.decision = 'rejected')::int AS rejected,
         count(*) FILTER (WHERE r.decision = 'pending')::int AS pending,
         bool_or(r.decision = 'pending' AND c.deadline < $3::date) AS overdue
    FROM comparison_results r
    JOIN comparisons c ON c.id = r.comparison_id
    LEFT JOIN schools sc ON sc.id = r.school_id
    -- The county is the second segment of the school's path at the run (city.county.…).
    LEFT JOIN regions cr ON cr.id = split_part(r.scope_path, '.', 2) AND cr.level = 'county'
   WHERE r.comparison_id = $1 AND r.student_id IS NOT NULL AND r.scope_path LIKE $2
   GROUP BY r.school_id, sc.name, cr.id, cr.name
   ORDER BY cr.id NULLS FIRST, sc.name, r.school_id`;

type ProgressRow = Omit<SchoolProgress, 'decided' | 'state'>;

export function schoolProgress(row: ProgressRow): SchoolProgress {
  const overdue = Boolean(row.overdue);
  const state: SchoolProgressState = row.pending === 0 ? 'done' : overdue ? 'overdue' : 'pending';
  return { ...row, decided: row.confirmed + row.rejected, overdue, state };
}

/** Subtotals per county of schools ordered by county (the progress page groups by them). */
export function countySubtotals(schools: SchoolProgress[]): CountyProgress[] {
  const counties: CountyProgress[] = [];
  for (const school of schools) {
    let county = counties[counties.length - 1];
    if (!county || county.countyId !== school.countyId) {
      county = { countyId: school.countyId, countyName: school.countyName, total: 0, decided: 0, confirmed: 0, rejected: 0, pending: 0, schools: { done: 0, pending: 0, overdue: 0 } };
      counties.push(county);
    }
    for (const key of ['total', 'decided', 'confirmed', 'rejected', 'pending'] as const) county[key] += school[key];
    county.schools[school.state] += 1;
  }
  return counties;
}
