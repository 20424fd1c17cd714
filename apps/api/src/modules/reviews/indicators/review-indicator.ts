import type { ReviewIndicatorCode } from '@zizhu/plans';
import type { ReviewFigure } from '@zizhu/schema';
import type { Sql } from '../../plans/occurrences/occurrence-sql';

/** The counts one indicator's query gives for one school (its columns other than `schoolId`). */
export type IndicatorCounts = Record<string, number | null>;

/**
 * 点评指标, computed for every school of a region at once: `sql` is one SELECT giving
 * `"schoolId"` and the counts of each school in `units` (the region's schools: `u.id`,
 * `u.scope_path`), over `ctx` (`ctx.plan_id`, `ctx.period_start`, `ctx.as_of` — the last day
 * the data speaks for — and `ctx.region_path`), both provided by `indicatorFigures`. It
 * reads the data as it stood on `as_of` wherever the data keeps dates, so the same period
 * gives the same figures when computed again later. `value` turns the counts into the 0–100
 * figure (null: nothing to count). Which schools are units is fixed by the review, never by
 * who computes it.
 */
export interface ReviewIndicator {
  code: ReviewIndicatorCode;
  sql: string;
  value(counts: IndicatorCounts): number | null;
}

/** What a review's indicators are computed over. */
export interface IndicatorContext {
  /** The review region's path (`450900.450902.`): its schools are the units. */
  regionPath: string;
  planId: number;
  periodStart: string;
  asOf: string;
}

/** The two CTEs every indicator reads: the parameters and the region's schools. */
export function unitsCte(): string {
  return `WITH ctx AS (SELECT $1::text AS region_path, $2::int AS plan_id, $3::date AS period_start, $4::date AS as_of),
     units AS (SELECT s.id, s.scope_path FROM schools s, ctx WHERE starts_with(s.scope_path, ctx.region_path))`;
}

export function unitsParams(context: IndicatorContext): unknown[] {
  return [context.regionPath, context.planId, context.periodStart, context.asOf];
}

/** One indicator for every school of the region: school id → its figure. */
export async function indicatorFigures(sql: Sql, indicator: ReviewIndicator, context: IndicatorContext): Promise<Map<number, ReviewFigure>> {
  const rows = await sql(`${unitsCte()}\n${indicator.sql}`, unitsParams(context));
  const figures = new Map<number, ReviewFigure>();
  for (const { schoolId, ...row } of rows) {
    const counts: IndicatorCounts = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? null : Number(value)]));
    figures.set(Number(schoolId), { value: indicator.value(counts), counts });
  }
  return figures;
}

/** A count, zero when absent. */
export function count(counts: IndicatorCounts, key: string): number {
  return counts[key] ?? 0;
}
