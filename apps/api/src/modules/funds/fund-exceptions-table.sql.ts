import type { ReconciliationFilter } from '@zizhu/schema';

/** A LIKE pattern matching `text` literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The current line exceptions from `fund_exceptions` (kept by the writes' triggers, see the
 * FundExceptionsTable migration), as `lineExceptionsSql` computes them: an exception is in
 * scope and in the filter's region when one of its lines is (`location` is the first line's
 * "<region>|<scope path>", `other_locations` the other lines' when they differ). One
 * statement: the page sorted by kind, program, term and first line, with its notes, clue
 * and student name, and the count as `total` (an init plan, same snapshot), counted up to
 * `countUpTo` + 1 rows: a city's millions are not scanned to say "more than 100,000".
 */
export function currentExceptionsSql(
  scopePath: string,
  filter: ReconciliationFilter,
  options: { kind?: string; key?: string; explained?: boolean; limit: number; countUpTo: number },
): { sql: string; params: unknown[] } {
  const region = filter.regionId === undefined ? '%' : literal(filter.regionId ?? '');
  const params: unknown[] = [`${region}|${literal(scopePath)}%`];
  const where = ['(x.location LIKE $1 OR (x.other_locations IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(x.other_locations) l WHERE l LIKE $1)))'];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    where.push(condition.replace('?', `$${params.length}`));
  };
  if (filter.programId !== undefined) add('x.program_id = ?', filter.programId);
  if (filter.year !== undefined) add('x.year = ?', filter.year);
  if (filter.term !== undefined) add('x.term = ?', filter.term);
  if (options.kind) add('x.kind = ?', options.kind);
  if (options.key) add('x.key = ?', options.key);
  if (options.explained !== undefined) {
    where.push(`${options.explained ? '' : 'NOT '}EXISTS (SELECT 1 FROM fund_exception_notes n WHERE n.exception_key = x.key)`);
  }
  params.push(options.countUpTo + 1);
  const countLimit = `$${params.length}`;
  params.push(options.limit);
  const sql = `
    SELECT p.*, n.note, n.explained_by, n.explained_at, c.id AS clue_id, c.status AS clue_status, s.name AS student_name,
           (SELECT count(*) FROM (SELECT 1 FROM fund_exceptions x WHERE ${where.join(' AND ')} LIMIT ${countLimit}) counted) AS total
      FROM (SELECT x.key, x.kind, x.program_id, x.year, x.term, x.region_id, x.student_id, x.line_ids, x.first_line_id, x.amount, x.expected, x.scope_path
              FROM fund_exceptions x WHERE ${where.join(' AND ')}
             ORDER BY x.kind, x.program_id, x.year, x.term, x.first_line_id
             LIMIT $${params.length}) p
      LEFT JOIN fund_exception_notes n ON n.exception_key = p.key
      LEFT JOIN clues c ON c.exception_key = p.key
      LEFT JOIN students s ON s.id = p.student_id
     ORDER BY p.kind, p.program_id, p.year, p.term, p.first_line_id`;
  return { sql, params };
}
