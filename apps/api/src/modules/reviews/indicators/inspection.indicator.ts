import { chinaDayEnd, chinaDayStart } from '../../plans/occurrences/occurrence-sql';
import type { ReviewIndicator } from './review-indicator';

/**
 * 督查得分: the score of the school's latest inspection submitted in the period — a 核查 or
 * 抽查 by the bureau; the school's own 自查 is self-reported and does not count. No
 * inspection in the period: nothing to count.
 */
export const inspectionIndicator: ReviewIndicator = {
  code: 'inspection',
  sql: `SELECT u.id AS "schoolId",
               count(i.id)::int AS inspections,
               round(((array_agg(i.score ORDER BY i.submitted_at DESC, i.id DESC))[1])::numeric, 1)::float8 AS score
          FROM units u CROSS JOIN ctx
          LEFT JOIN inspections i ON i.school_id = u.id AND i.status = 'submitted' AND i.mode IS DISTINCT FROM 'self' AND i.score IS NOT NULL
                                 AND i.submitted_at >= ${chinaDayStart('ctx.period_start')} AND i.submitted_at < ${chinaDayEnd('ctx.as_of')}
         GROUP BY u.id`,
  value: (c) => (c.score === null || c.score === undefined ? null : c.score),
};
