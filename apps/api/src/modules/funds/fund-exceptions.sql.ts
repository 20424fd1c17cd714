import type { ReconciliationFilter } from '@zizhu/schema';
import { studentResource } from '@zizhu/students';
import { fieldChangesSql } from '../../engine/audit/field-changes.sql';

/**
 * The line-level exceptions among paid lines in scope, one statement, one row per
 * exception: key, kind, where it lies, the lines behind it and the amounts. The reference
 * definition: the list reads `fund_exceptions`, which the writes' triggers keep equal to
 * this (fund-exceptions-table.integration.spec compares them). Scope and
 * filter pick lines; each exception is computed as the city computes it (a paidTwice
 * counts the student's lines outside the scope too).
 *
 * - paidTwice: more than one paid line for one student, program, year and term;
 * - noApprovedEntry: the line's roster entry is gone (removed by an amendment), belongs to
 *   another student or program, or its roster is not approved;
 * - notEnrolled: the student's status on the payment date — from the audit log's status
 *   changes, imports included (the last one up to that day, else the first one after it, else the current
 *   status) — was not 在读;
 * - amountMismatch: the amount differs from the entry's, or the entry's from its tier's
 *   standard on the roster.
 */
export function lineExceptionsSql(scopePath: string, filter: ReconciliationFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [`${scopePath}%`];
  const parts = ["d.status = 'paid'", 'd.scope_path LIKE $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(`${sql}$${params.length}`);
  };
  if (filter.programId !== undefined) add('d.program_id = ', filter.programId);
  if (filter.year !== undefined) add('d.year = ', filter.year);
  if (filter.term !== undefined) add('d.term = ', filter.term);
  if (filter.regionId === null) parts.push('d.region_id IS NULL');
  else if (filter.regionId !== undefined) add('d.region_id = ', filter.regionId);
  const sql = `
    WITH d AS (
      -- Only the columns the checks read: this CTE is materialized and sorted.
      SELECT d.id, d.program_id, d.year, d.term, d.region_id, d.student_id, d.roster_entry_id, d.amount, d.date, d.scope_path
        FROM disbursements d WHERE ${parts.join(' AND ')}),
    tiers AS (
      -- Each roster's copied tiers as rows, joined by code (not a JSON scan per line).
      SELECT r.id AS roster_id, t->>'code' AS code, (t->>'amount')::bigint AS amount
        FROM rosters r, jsonb_array_elements(r.tiers) t
       WHERE r.id IN (SELECT e.roster_id FROM roster_entries e JOIN d ON d.roster_entry_id = e.id)),
    status_changes AS (
      -- Audit rows and imports alike (an import is one audit entry plus its links to the records).
      SELECT c.record_id::int AS student_id, c.at, c.before_value AS before_status, c.after_value AS after_status
        FROM (${fieldChangesSql(studentResource, 'status', 'SELECT DISTINCT student_id::text FROM d')}) c),
    twice AS (
      -- Over every paid line of the students paid in scope, wherever it was paid: a county
      -- sees the same exception (lines, amount) as the city when one of them is its own.
      SELECT 'paidTwice' AS kind, concat_ws(':', 'paidTwice', t.program_id, t.year, t.term, t.student_id) AS key,
             t.program_id, t.year, t.term, min(t.region_id) AS region_id, t.student_id, array_agg(t.id ORDER BY t.id) AS line_ids,
             sum(t.amount)::bigint AS amount, NULL::bigint AS expected, min(t.scope_path) AS scope_path
        FROM disbursements t
       WHERE t.status = 'paid' AND (t.student_id, t.program_id, t.year, t.term) IN (SELECT DISTINCT student_id, program_id, year, term FROM d)
       GROUP BY t.program_id, t.year, t.term, t.student_id HAVING count(*) > 1),
    entry AS (
      SELECT d.id, d.program_id, d.year, d.term, d.region_id, d.student_id, d.amount, d.scope_path, e.id AS entry_id, e.amount AS entry_amount,
             (e.id IS NOT NULL AND r.status = 'approved' AND e.student_id = d.student_id AND e.program_id = d.program_id
                AND e.year = d.year AND e.term = d.term) AS approved,
             tr.amount AS standard
        FROM d LEFT JOIN roster_entries e ON e.id = d.roster_entry_id LEFT JOIN rosters r ON r.id = e.roster_id
        LEFT JOIN tiers tr ON tr.roster_id = e.roster_id AND tr.code = e.tier),
    unapproved AS (
      SELECT 'noApprovedEntry', concat_ws(':', 'noApprovedEntry', x.id), x.program_id, x.year, x.term, x.region_id, x.student_id,
             ARRAY[x.id], x.amount, x.entry_amount, x.scope_path
        FROM entry x WHERE NOT x.approved),
    mismatch AS (
      SELECT 'amountMismatch', concat_ws(':', 'amountMismatch', x.id), x.program_id, x.year, x.term, x.region_id, x.student_id,
             ARRAY[x.id], x.amount, x.entry_amount, x.scope_path
        FROM entry x WHERE x.approved AND (x.amount <> x.entry_amount OR x.standard IS DISTINCT FROM x.entry_amount)),
    enrolment AS (
      -- Most students never change status: their current one held on every date.
      SELECT d.id, d.program_id, d.year, d.term, d.region_id, d.student_id, d.amount, d.scope_path, s.status AS status_then
        FROM d JOIN students s ON s.id = d.student_id
       WHERE NOT EXISTS (SELECT 1 FROM status_changes c WHERE c.student_id = d.student_id)
      UNION ALL
      SELECT d.id, d.program_id, d.year, d.term, d.region_id, d.student_id, d.amount, d.scope_path, COALESCE(
               (SELECT c.after_status FROM status_changes c WHERE c.student_id = d.student_id AND c.at < d.date + 1 ORDER BY c.at DESC LIMIT 1),
               (SELECT c.before_status FROM status_changes c WHERE c.student_id = d.student_id AND c.at >= d.date + 1 AND c.before_status IS NOT NULL ORDER BY c.at LIMIT 1),
               s.status)
        FROM d JOIN students s ON s.id = d.student_id
       WHERE EXISTS (SELECT 1 FROM status_changes c WHERE c.student_id = d.student_id)),
    unenrolled AS (
      SELECT 'notEnrolled', concat_ws(':', 'notEnrolled', x.id), x.program_id, x.year, x.term, x.region_id, x.student_id,
             ARRAY[x.id], x.amount, NULL::bigint, x.scope_path
        FROM enrolment x WHERE x.status_then IS DISTINCT FROM 'enrolled')
    SELECT * FROM twice UNION ALL SELECT * FROM unapproved UNION ALL SELECT * FROM mismatch UNION ALL SELECT * FROM unenrolled`;
  return { sql, params };
}
