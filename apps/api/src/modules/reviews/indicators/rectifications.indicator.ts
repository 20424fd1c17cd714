import { percentShare } from '@zizhu/plans';
import { chinaDayEnd } from '../../plans/occurrences/occurrence-sql';
import { count, type ReviewIndicator } from './review-indicator';

const asOfEnd = chinaDayEnd('ctx.as_of');

/**
 * 整改按时办结: of the school's problem clues due in the period (核实期限 within it, by
 * `as_of`), the share closed (办结: the county's acceptance) by the end of their due date,
 * China time; those closed later are `closedLate`, the rest `open`.
 */
export const rectificationsIndicator: ReviewIndicator = {
  code: 'rectifications',
  sql: `SELECT u.id AS "schoolId",
               count(c.id)::int AS due,
               count(c.id) FILTER (WHERE k.closed_at < ${chinaDayEnd('c.due_date')})::int AS "closedOnTime",
               count(c.id) FILTER (WHERE k.closed_at >= ${chinaDayEnd('c.due_date')} AND k.closed_at < ${asOfEnd})::int AS "closedLate",
               count(c.id) FILTER (WHERE k.closed_at IS NULL OR k.closed_at >= ${asOfEnd})::int AS open
          FROM units u CROSS JOIN ctx
          LEFT JOIN clues c ON c.school_id = u.id AND c.due_date BETWEEN ctx.period_start AND ctx.as_of
          LEFT JOIN LATERAL (SELECT CASE WHEN c.status = 'closed'
                                         THEN COALESCE((SELECT max(a.acted_at) FROM clue_actions a WHERE a.clue_id = c.id AND a.action = 'accept'), c.reviewed_at, c.updated_at)
                                    END AS closed_at) k ON true
         GROUP BY u.id`,
  value: (c) => percentShare(count(c, 'closedOnTime'), count(c, 'due')),
};
