import type { MissedDuty, ReviewFigure, ReviewIndicatorWeight, WeakIndicator } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';

/** One line of the bulletin, as the review froze it. */
export interface BulletinRow {
  rank: number | null;
  unitName: string;
  regionName: string | null;
  total: number | null;
  lagging: boolean;
  figures: Record<string, ReviewFigure>;
  missedDuties: MissedDuty[];
  weakIndicators: WeakIndicator[];
}

/** What the bulletin prints: the review's frozen snapshot (its rows, weights and figures) and its names. */
export interface BulletinData {
  id: number;
  kind: string;
  status: string;
  title: string;
  planName: string;
  regionName: string;
  periodStart: string;
  periodEnd: string;
  asOf: string | null;
  issuedAt: Date | null;
  remarks: string | null;
  laggingBelow: number;
  indicators: ReviewIndicatorWeight[];
  rows: BulletinRow[];
}

/** The review and all its rows (whoever asked: the bulletin is the region's), best first; undefined when there is no such review. */
export async function loadBulletin(manager: EntityManager, reviewId: number): Promise<BulletinData | undefined> {
  const [review]: BulletinData[] = await manager.query(
    `SELECT rv.id, rv.kind, rv.status, rv.title, p.name AS "planName", g.name AS "regionName",
            to_char(rv.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(rv.period_end, 'YYYY-MM-DD') AS "periodEnd",
            to_char(rv.as_of, 'YYYY-MM-DD') AS "asOf", rv.issued_at AS "issuedAt", rv.remarks,
            COALESCE(rv.lagging_below, 0) AS "laggingBelow", COALESCE(rv.indicators, '[]') AS indicators
       FROM reviews rv
       JOIN work_plans p ON p.id = rv.plan_id
       JOIN regions g ON g.id = rv.region_id
      WHERE rv.id = $1`,
    [reviewId],
  );
  if (!review) return undefined;
  const rows: BulletinRow[] = await manager.query(
    `SELECT rank, unit_name AS "unitName", region_name AS "regionName", total, lagging, figures,
            COALESCE(missed_duties, '[]') AS "missedDuties", COALESCE(weak_indicators, '[]') AS "weakIndicators"
       FROM review_rows WHERE review_id = $1
      ORDER BY rank NULLS LAST, id`,
    [reviewId],
  );
  return { ...review, rows };
}
