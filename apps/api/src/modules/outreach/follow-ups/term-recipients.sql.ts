/**
 * 受助学生 of a term: every student paid in it (paid lines net of their refunds, over all
 * programs), with what they received in total (`amount_paid`, fen) and the one school they are
 * counted at — the school that paid them most (the lower id on a tie), so a student paid by two
 * schools is drawn once and counted once. Limited to students counted at a school under
 * `pathPattern` (a LIKE pattern); which school a student counts at never depends on it, so a
 * county's recipients are exactly the city's recipients in that county.
 *
 * The draw and the coverage both read recipients through this one query. Arguments are SQL
 * expressions (placeholders or sub-selects), never values.
 */
export function termRecipientsSql(year: string, term: string, pathPattern: string): string {
  const paidIn = (alias: string) => `${alias}.status = 'paid' AND ${alias}.year = ${year} AND ${alias}.term = ${term}`;
  return `
  SELECT a.student_id, a.school_id, a.amount_paid, sc.scope_path AS school_path
    FROM (SELECT DISTINCT ON (t.student_id) t.student_id, t.school_id, sum(t.net) OVER (PARTITION BY t.student_id)::bigint AS amount_paid
            FROM (SELECT d.student_id, d.school_id,
                         sum(d.amount - COALESCE((SELECT sum(f.amount) FROM refunds f WHERE f.disbursement_id = d.id), 0)) AS net
                    FROM disbursements d
                   WHERE ${paidIn('d')}
                     AND d.student_id IN (SELECT x.student_id FROM disbursements x WHERE ${paidIn('x')} AND x.scope_path LIKE ${pathPattern})
                   GROUP BY d.student_id, d.school_id) t
           ORDER BY t.student_id, t.net DESC, t.school_id) a
    JOIN schools sc ON sc.id = a.school_id
   WHERE a.amount_paid > 0 AND sc.scope_path LIKE ${pathPattern}`;
}
