import { DEFAULT_LAGGING_BELOW, rankUnits, REVIEW_INDICATORS, reviewWeightsResource } from '@zizhu/plans';
import { columnName, type MissedDuty, type ReviewFigure, type ReviewIndicatorWeight } from '@zizhu/schema';
import type { Sql } from '../../plans/occurrences/occurrence-sql';
import { INDICATOR_QUERIES } from '../indicators/indicator-catalogue';
import { type IndicatorContext, indicatorFigures, unitsCte, unitsParams } from '../indicators/review-indicator';

/** What a review is computed for: its region (whose schools are the units), its plan and period. */
export interface ReviewTarget {
  id: number;
  planId: number;
  regionPath: string;
  periodStart: string;
}

/** The weights a review freezes: each indicator's (in catalogue order) and the lagging line. */
export interface ReviewWeights {
  indicators: ReviewIndicatorWeight[];
  laggingBelow: number;
}

export interface ComputedReview {
  unitCount: number;
  laggingCount: number;
}

/** When and by whom a review is computed, and the last day its data speaks for. */
export interface ComputeRun {
  asOf: string;
  computedBy: number | null;
  at: Date;
}

/** The plan's weights: its `review-weights` record, or the defaults when it has none. */
export async function planWeights(sql: Sql, planId: number): Promise<ReviewWeights> {
  const columns = REVIEW_INDICATORS.map((i) => `${columnName(i.weightField, reviewWeightsResource.fields[i.weightField])} AS "${i.weightField}"`);
  const [row] = await sql(`SELECT ${columns.join(', ')}, lagging_below AS "laggingBelow" FROM review_weights WHERE plan_id = $1`, [planId]);
  return {
    indicators: REVIEW_INDICATORS.map((i) => ({ code: i.code, label: i.label, weight: row ? Number(row[i.weightField]) : i.defaultWeight })),
    laggingBelow: row ? Number(row.laggingBelow) : DEFAULT_LAGGING_BELOW,
  };
}

interface Unit {
  schoolId: number;
  unitName: string;
  regionName: string | null;
  figures: Record<string, ReviewFigure>;
  missedDuties: MissedDuty[];
}

/**
 * Computes a review's rows from the data as of `run.asOf` and stores them in place of the
 * previous ones, with the plan's weights frozen into the review: every school of the
 * review's region is a unit, whoever computes it. One query per indicator over all the
 * units, one for the duties each missed, then the ranking (libs/plans `rankUnits`) and one
 * INSERT. The rows sit at the review's own path until it is issued. Used by the API's
 * compute action and the demo seed alike.
 */
export async function computeReview(sql: Sql, review: ReviewTarget, run: ComputeRun): Promise<ComputedReview> {
  const weights = await planWeights(sql, review.planId);
  const context: IndicatorContext = { regionPath: review.regionPath, planId: review.planId, periodStart: review.periodStart, asOf: run.asOf };
  const units = await loadUnits(sql, context);
  for (const indicator of INDICATOR_QUERIES) {
    const figures = await indicatorFigures(sql, indicator, context);
    for (const unit of units) unit.figures[indicator.code] = figures.get(unit.schoolId) ?? { value: null, counts: {} };
  }
  const missed = await missedDuties(sql, context);
  for (const unit of units) unit.missedDuties = missed.get(unit.schoolId) ?? [];

  const ranked = rankUnits(units, weights.indicators, weights.laggingBelow);
  await sql(`DELETE FROM review_rows WHERE review_id = $1`, [review.id]);
  await sql(
    `WITH inserted AS (
       INSERT INTO review_rows (review_id, school_id, region_name, rank, total, lagging, figures, missed_duties, weak_indicators, unit_name, issued_to, scope_path, version)
       SELECT rv.id, x."schoolId", x."regionName", x.rank, x.total, x.lagging, x.figures, x."missedDuties", x."weakIndicators", x."unitName", NULL, rv.scope_path, 1
         FROM jsonb_to_recordset($2::jsonb) AS x("schoolId" int, "regionName" text, rank int, total float8, lagging boolean,
                                                 figures jsonb, "missedDuties" jsonb, "weakIndicators" jsonb, "unitName" text, position int)
         JOIN reviews rv ON rv.id = $1
        ORDER BY x.position
       RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [review.id, JSON.stringify(ranked.map((unit, position) => ({ ...unit, position })))],
  );
  const computed = { unitCount: ranked.length, laggingCount: ranked.filter((unit) => unit.lagging).length };
  await sql(
    `WITH computed AS (
       UPDATE reviews SET indicators = $2, lagging_below = $3, unit_count = $4, lagging_count = $5, as_of = $6, computed_at = $7, computed_by = $8,
                          version = version + 1, updated_at = now()
        WHERE id = $1
       RETURNING 1)
     SELECT count(*)::int AS n FROM computed`,
    [review.id, JSON.stringify(weights.indicators), weights.laggingBelow, computed.unitCount, computed.laggingCount, run.asOf, run.at, run.computedBy],
  );
  return computed;
}

/** The schools of the region, in the tree's order, with the area under the region each lies in. */
async function loadUnits(sql: Sql, context: IndicatorContext): Promise<Unit[]> {
  const rows = await sql(
    `${unitsCte()}
     SELECT u.id AS "schoolId", s.name AS "unitName", g.name AS "regionName"
       FROM units u CROSS JOIN ctx
       JOIN schools s ON s.id = u.id
       LEFT JOIN regions g ON g.id = split_part(substr(u.scope_path, length(ctx.region_path) + 1), '.', 1)
      ORDER BY u.scope_path, s.name`,
    unitsParams(context),
  );
  return rows.map((row) => ({
    schoolId: Number(row.schoolId),
    unitName: String(row.unitName),
    regionName: (row.regionName as string | null) ?? null,
    figures: {},
    missedDuties: [],
  }));
}

/** The plan's occurrences each school missed (未完成) due in the period, by due date. */
async function missedDuties(sql: Sql, context: IndicatorContext): Promise<Map<number, MissedDuty[]>> {
  const rows = await sql(
    `${unitsCte()}
     SELECT u.id AS "schoolId",
            jsonb_agg(jsonb_build_object('dutyId', d.id, 'title', d.title, 'dueDate', to_char(o.due_date, 'YYYY-MM-DD')) ORDER BY o.due_date, d.id) AS missed
       FROM units u CROSS JOIN ctx
       JOIN duty_occurrences o ON o.school_id = u.id AND o.plan_id = ctx.plan_id AND o.status = 'missed' AND o.due_date BETWEEN ctx.period_start AND ctx.as_of
       JOIN duties d ON d.id = o.duty_id
      GROUP BY u.id`,
    unitsParams(context),
  );
  return new Map(rows.map((row) => [Number(row.schoolId), row.missed as MissedDuty[]]));
}

/** Issues a computed review: each row goes to its school (its scope becomes the school's), and the review is frozen. */
export async function issueReview(sql: Sql, reviewId: number, issuedBy: number | null, at: Date): Promise<void> {
  await sql(
    `WITH moved AS (
       UPDATE review_rows r SET issued_to = r.school_id, scope_path = s.scope_path, version = r.version + 1, updated_at = now()
         FROM schools s WHERE s.id = r.school_id AND r.review_id = $1
       RETURNING 1)
     SELECT count(*)::int AS n FROM moved`,
    [reviewId],
  );
  await sql(
    `WITH issued AS (
       UPDATE reviews SET status = 'issued', issued_at = $2, issued_by = $3, version = version + 1, updated_at = now() WHERE id = $1
       RETURNING 1)
     SELECT count(*)::int AS n FROM issued`,
    [reviewId, at, issuedBy],
  );
}
