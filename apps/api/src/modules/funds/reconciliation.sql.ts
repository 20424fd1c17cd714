import type { ReconciliationDimension, ReconciliationFilter } from '@zizhu/schema';
import { COUNTY_OF_PATH } from './fund-sql';



/** `by_shares`: the allocation's total for the program, term and county split by the shares — what each source should have given. */
const METRICS = ['paid', 'pending', 'failed', 'returned', 'refunded', 'by_shares'] as const;

/** Terms and sources in their natural order (春季 before 秋季; 中央, 省, 市, 县), the rest as stored. */
function orderOf(column: string): string {
  if (column === 'term') return `array_position(ARRAY['spring', 'autumn', 'yearly']::text[], c.term::text)`;
  if (column === 'source') return `array_position(ARRAY['central', 'provincial', 'city', 'county']::text[], c.source)`;
  return `c.${column}`;
}

/** The filter as SQL over columns program_id, year, term, region_id (and source). */
function filterSql(filter: ReconciliationFilter, params: unknown[], alias: string, withSource: boolean): string {
  const parts: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.programId !== undefined) add(`${alias}.program_id = ?`, filter.programId);
  if (filter.year !== undefined) add(`${alias}.year = ?`, filter.year);
  if (filter.term !== undefined) add(`${alias}.term = ?`, filter.term);
  if (filter.regionId === null) parts.push(`${alias}.region_id IS NULL`);
  else if (filter.regionId !== undefined) add(`${alias}.region_id = ?`, filter.regionId);
  if (withSource && filter.source !== undefined) add(`${alias}.source = ?`, filter.source);
  return parts.length ? parts.join(' AND ') : 'true';
}

/**
 * Allocated against spent per program × year × term × county × source, in one statement.
 * Lines and refunds are summed per program, term and county (an index-friendly GROUP BY
 * over bigint fen), then split over the program's funding shares by cumulative percent —
 * floor(total·cum/100) − floor(total·(cum − percent)/100) — so the sources' parts are
 * integers that add up to the total exactly. Allocations are summed per source as given.
 * Scope: every table's scope_path under the user's node.
 */
export function reconciliationSql(scopePath: string, filter: ReconciliationFilter, groupBy: readonly ReconciliationDimension[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [`${scopePath}%`];
  const lineFilter = filterSql(filter, params, 'd', false);
  const refundFilter = filterSql(filter, params, 'f', false);
  const allocFilter = filterSql(filter, params, 'a', true);
  const allocTotalFilter = filterSql(filter, params, 'a', false);
  const allocCounty = COUNTY_OF_PATH('a.scope_path');
  const splitFilter = filterSql({ source: filter.source }, params, 'x', true);
  const dims: string[] = [];
  if (groupBy.includes('program')) dims.push('program_id');
  if (groupBy.includes('term')) dims.push('year', 'term');
  if (groupBy.includes('region')) dims.push('region_id');
  if (groupBy.includes('source')) dims.push('source');
  const split = (m: string) => `(s.${m} * x.cum / 100) - (s.${m} * (x.cum - x.percent) / 100) AS ${m}`;
  const sql = `
    WITH spent_lines AS (
      SELECT d.program_id, d.year, d.term, d.region_id,
             COALESCE(sum(d.amount) FILTER (WHERE d.status = 'paid'), 0)::bigint AS paid,
             COALESCE(sum(d.amount) FILTER (WHERE d.status = 'pending'), 0)::bigint AS pending,
             COALESCE(sum(d.amount) FILTER (WHERE d.status = 'failed'), 0)::bigint AS failed,
             COALESCE(sum(d.amount) FILTER (WHERE d.status = 'returned'), 0)::bigint AS returned,
             count(*) FILTER (WHERE d.status = 'paid')::int AS paid_lines
        FROM disbursements d
       WHERE d.scope_path LIKE $1 AND ${lineFilter}
       GROUP BY 1, 2, 3, 4),
    spent_refunds AS (
      SELECT f.program_id, f.year, f.term, f.region_id, sum(f.amount)::bigint AS refunded
        FROM refunds f WHERE f.scope_path LIKE $1 AND ${refundFilter}
       GROUP BY 1, 2, 3, 4),
    allocated_totals AS (
      SELECT a.program_id, a.year, a.term, ${allocCounty} AS region_id, sum(a.amount)::bigint AS by_shares
        FROM allocations a WHERE a.scope_path LIKE $1 AND ${allocTotalFilter.replace(/a\.region_id/g, allocCounty)}
       GROUP BY 1, 2, 3, 4),
    spent AS (
      -- UNION ALL + GROUP BY, not FULL JOIN: the county is NULL for city-level money.
      SELECT program_id, year, term, region_id, ${METRICS.map((m) => `sum(${m})::bigint AS ${m}`).join(', ')}, sum(paid_lines)::int AS paid_lines
        FROM (SELECT program_id, year, term, region_id, paid, pending, failed, returned, 0::bigint AS refunded, 0::bigint AS by_shares, paid_lines FROM spent_lines
              UNION ALL
              SELECT program_id, year, term, region_id, 0, 0, 0, 0, refunded, 0, 0 FROM spent_refunds
              UNION ALL
              SELECT program_id, year, term, region_id, 0, 0, 0, 0, 0, by_shares, 0 FROM allocated_totals) u
       GROUP BY 1, 2, 3, 4),
    shares AS (
      SELECT p.id AS program_id, x.source, x.percent, x.ord,
             sum(x.percent) OVER (PARTITION BY p.id ORDER BY x.ord)::int AS cum
        FROM programs p,
             ROWS FROM (jsonb_to_recordset(p.funding_shares) AS (source text, percent int)) WITH ORDINALITY AS x(source, percent, ord)),
    split AS (
      SELECT s.program_id, s.year, s.term, s.region_id, x.source, ${METRICS.map(split).join(', ')},
             CASE WHEN x.ord = 1 THEN s.paid_lines ELSE 0 END AS paid_lines -- a line is counted once, not per source
        FROM spent s JOIN shares x ON x.program_id = s.program_id
       WHERE ${splitFilter}),
    allocated AS (
      SELECT a.program_id, a.year, a.term, ${allocCounty} AS region_id, a.source, sum(a.amount)::bigint AS allocated
        FROM allocations a WHERE a.scope_path LIKE $1 AND ${allocFilter.replace(/a\.region_id/g, allocCounty)}
       GROUP BY 1, 2, 3, 4, 5),
    cells AS (
      SELECT program_id, year, term, region_id, source, 0::bigint AS allocated, ${METRICS.join(', ')}, paid_lines FROM split
      UNION ALL
      SELECT program_id, year, term, region_id, source, allocated, ${METRICS.map(() => '0').join(', ')}, 0 FROM allocated)
    SELECT ${dims.map((d) => `c.${d}`).join(', ')}${dims.length ? ',' : ''}
           sum(c.allocated)::bigint AS allocated, ${METRICS.map((m) => `sum(c.${m})::bigint AS ${m}`).join(', ')},
           ${groupBy.includes('source') || filter.source !== undefined ? 'NULL::int' : 'sum(c.paid_lines)::int'} AS paid_lines
      FROM cells c
     ${dims.length ? `GROUP BY ${dims.map((d) => `c.${d}`).join(', ')} ORDER BY ${dims.map(orderOf).join(', ')}` : ''}`;
  return { sql, params };
}
