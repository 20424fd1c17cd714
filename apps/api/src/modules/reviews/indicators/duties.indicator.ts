import { LATE_DUTY_CREDIT, percentShare } from '@zizhu/plans';
import { count, type ReviewIndicator } from './review-indicator';

/**
 * 任务完成: the plan's occurrences of the school due in the period (by `as_of`), as they
 * stand: 按时完成 counts in full, 逾期完成 half, 未完成 nothing; those not decided yet
 * (待完成, 待审核, 已退回) are counted as `open` and left out of the figure.
 */
export const dutiesIndicator: ReviewIndicator = {
  code: 'duties',
  sql: `SELECT u.id AS "schoolId",
               count(o.id) FILTER (WHERE o.status = 'done')::int AS "onTime",
               count(o.id) FILTER (WHERE o.status = 'late')::int AS late,
               count(o.id) FILTER (WHERE o.status = 'missed')::int AS missed,
               count(o.id) FILTER (WHERE o.status IN ('pending', 'submitted', 'returned'))::int AS open
          FROM units u CROSS JOIN ctx
          LEFT JOIN duty_occurrences o ON o.school_id = u.id AND o.plan_id = ctx.plan_id AND o.due_date BETWEEN ctx.period_start AND ctx.as_of
         GROUP BY u.id`,
  value: (c) => percentShare(count(c, 'onTime') + LATE_DUTY_CREDIT * count(c, 'late'), count(c, 'onTime') + count(c, 'late') + count(c, 'missed')),
};
