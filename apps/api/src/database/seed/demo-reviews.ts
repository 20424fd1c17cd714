import { chinaDate } from '@zizhu/identities';
import { REVIEW_INDICATORS, reviewAsOf, type ReviewKind, reviewPeriod, type ReviewPeriod, reviewTitle, reviewWeightsResource } from '@zizhu/plans';
import { columnName } from '@zizhu/schema';
import type { PoolClient } from 'pg';
import type { Sql } from '../../modules/plans/occurrences/occurrence-sql';
import { computeReview, issueReview } from '../../modules/reviews/compute/review-computation';
import { DEMO_PLAN_COUNTY } from './demo-plans';

/** What 玉州区 wrote into its quarterly bulletin. */
const BULLETIN_REMARKS =
  '本季度各校基本能按计划完成资助工作，系统数据维护、资金发放总体及时。部分学校存在月度任务未按时完成、问题线索整改滞后等情况，现予以通报。请工作滞后单位于15日内整改到位，并将整改情况书面报区学生资助管理中心。';

/**
 * 玉州区's plan gets its review weights (the defaults, written out so the screen shows them),
 * one issued 月点评 for the last month before this one and one issued 季通报 for the second
 * quarter, once it is over (before: the last quarter over, or the first while it runs) — the
 * quarter of the spring term's payments and of seed 004's payment deadline — computed by the very
 * code the compute action runs, from the demo plan's occurrences and the other demo data.
 * Their bulletin prints when first asked for (it needs Chromium, which seeding does not).
 */
export async function seedReviews(client: PoolClient, now = new Date()): Promise<void> {
  const today = chinaDate(now);
  const [year, month] = today.split('-').map(Number);
  const sql: Sql = async (text, params) => (await client.query(text, params as unknown[])).rows;
  const [row] = await sql(
    `SELECT p.id, r.name AS "regionName", r.scope_path AS path, (SELECT id FROM users WHERE username = 'yuzhou') AS planner
       FROM work_plans p JOIN regions r ON r.id = p.region_id
      WHERE p.region_id = $1 AND p.year = $2 AND p.status = 'published'
      ORDER BY p.id LIMIT 1`,
    [DEMO_PLAN_COUNTY, year],
  );
  if (!row) return;
  const plan: DemoPlan = { id: Number(row.id), regionName: String(row.regionName), path: String(row.path), planner: Number(row.planner) };
  const weightColumns = REVIEW_INDICATORS.map((i) => columnName(i.weightField, reviewWeightsResource.fields[i.weightField]));
  await sql(
    `INSERT INTO review_weights (plan_id, ${weightColumns.join(', ')}, lagging_below, scope_path, version)
     VALUES ($1, ${REVIEW_INDICATORS.map((_, index) => `$${index + 3}`).join(', ')}, 60, $2, 1)`,
    [plan.id, plan.path, ...REVIEW_INDICATORS.map((i) => i.defaultWeight)],
  );
  const lastMonth = month > 1 ? month - 1 : 1;
  // The second quarter once it is over: it holds the spring term's payments and seed 004's 5月25日 deadline.
  const lastQuarter = month > 6 ? 2 : Math.max(1, Math.floor((month - 1) / 3));
  await seedReview(sql, plan, 'monthly', lastMonth, reviewPeriod('monthly', year, lastMonth), today, now, null);
  await seedReview(sql, plan, 'quarterly', lastQuarter, reviewPeriod('quarterly', year, lastQuarter), today, now, BULLETIN_REMARKS);
}

interface DemoPlan {
  id: number;
  regionName: string;
  path: string;
  planner: number;
}

async function seedReview(
  sql: Sql,
  plan: DemoPlan,
  kind: ReviewKind,
  number: number,
  period: ReviewPeriod,
  today: string,
  now: Date,
  remarks: string | null,
): Promise<void> {
  const { id: planId, regionName, path, planner } = plan;
  const [review] = await sql(
    `INSERT INTO reviews (title, plan_id, region_id, kind, year, month, quarter, period_key, period_start, period_end, status, remarks, scope_path, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'draft', $11, $12, 1)
     RETURNING id`,
    [reviewTitle(kind, regionName, period), planId, DEMO_PLAN_COUNTY, kind, Number(period.start.slice(0, 4)), kind === 'monthly' ? number : null, kind === 'quarterly' ? number : null, period.key, period.start, period.end, remarks, path],
  );
  // Computed and issued a few days after the period closed (or now, for a period still running).
  const issuedAt = new Date(Math.min(now.getTime(), Date.parse(`${period.end}T10:00:00+08:00`) + (kind === 'monthly' ? 3 : 6) * 86_400_000));
  const asOf = reviewAsOf(period, today);
  await computeReview(sql, { id: Number(review.id), planId, regionPath: path, periodStart: period.start }, { asOf, computedBy: planner, at: issuedAt });
  await issueReview(sql, Number(review.id), planner, issuedAt);
}
