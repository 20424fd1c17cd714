import { percentShare } from '@zizhu/plans';
import { count, type ReviewIndicator } from './review-indicator';

/**
 * 按时发放: of the school's payment lines paid in the period (发放成功, dated within it), the
 * share paid by their roster's deadline (发放期限; a roster without one is never late) — as
 * the checklists' `latePayments` data item counts lateness.
 */
export const paymentsIndicator: ReviewIndicator = {
  code: 'payments',
  sql: `SELECT u.id AS "schoolId",
               count(d.id)::int AS paid,
               count(d.id) FILTER (WHERE ro.deadline IS NULL OR d.date <= ro.deadline)::int AS "onTime",
               count(d.id) FILTER (WHERE d.date > ro.deadline)::int AS late
          FROM units u CROSS JOIN ctx
          LEFT JOIN disbursements d ON d.school_id = u.id AND d.status = 'paid' AND d.date BETWEEN ctx.period_start AND ctx.as_of
          LEFT JOIN roster_entries e ON e.id = d.roster_entry_id
          LEFT JOIN rosters ro ON ro.id = e.roster_id
         GROUP BY u.id`,
  value: (c) => percentShare(count(c, 'onTime'), count(c, 'paid')),
};
