import { percentShare } from '@zizhu/plans';
import { termOfSql } from '../../plans/rules/duty-rule';
import { count, type ReviewIndicator } from './review-indicator';

const term = termOfSql('ctx.as_of');

/**
 * 告知覆盖: of the students the school paid (发放成功, by `as_of`) in the term under way on
 * `as_of` (and whole-year programs of its year), the share whose letter to the family for
 * that term was delivered by then — the lettersDelivered completion rule's reading.
 */
export const notificationIndicator: ReviewIndicator = {
  code: 'notification',
  sql: `SELECT u.id AS "schoolId",
               count(DISTINCT d.student_id)::int AS recipients,
               count(DISTINCT d.student_id) FILTER (WHERE sent.ok)::int AS delivered
          FROM units u CROSS JOIN ctx
          LEFT JOIN disbursements d ON d.school_id = u.id AND d.status = 'paid' AND d.date <= ctx.as_of
                                   AND d.year = ${term.year} AND d.term IN (${term.term}, 'yearly')
          LEFT JOIN LATERAL (SELECT true AS ok FROM letters l
                              WHERE l.student_id = d.student_id AND l.year = ${term.year} AND l.term = ${term.term}
                                AND l.status IN ('delivered', 'receiptReturned') AND l.delivered_at <= ctx.as_of
                              LIMIT 1) sent ON true
         GROUP BY u.id`,
  value: (c) => percentShare(count(c, 'delivered'), count(c, 'recipients')),
};
