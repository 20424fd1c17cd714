import { percentShare } from '@zizhu/plans';
import { chinaDayEnd } from '../../plans/occurrences/occurrence-sql';
import { count, type ReviewIndicator } from './review-indicator';

const asOfEnd = chinaDayEnd('ctx.as_of');

/**
 * 比对核实: in the latest comparison run over the school finished by `as_of`, the share of
 * its students' results decided (confirmed or rejected) by then — as the checklists'
 * `verificationProgress` data item reads a run. No run, or no result of its students:
 * nothing to count.
 */
export const verificationIndicator: ReviewIndicator = {
  code: 'verification',
  sql: `SELECT u.id AS "schoolId",
               count(r.id)::int AS results,
               count(r.id) FILTER (WHERE r.decision IS NOT NULL AND r.decision <> 'pending' AND r.decided_at < ${asOfEnd})::int AS decided
          FROM units u CROSS JOIN ctx
          LEFT JOIN LATERAL (SELECT c.id FROM comparisons c
                              WHERE c.status = 'done' AND c.finished_at < ${asOfEnd} AND starts_with(u.scope_path, c.scope_path)
                              ORDER BY c.finished_at DESC, c.id DESC LIMIT 1) run ON true
          LEFT JOIN (comparison_results r JOIN students st ON st.id = r.student_id) ON r.comparison_id = run.id AND st.school_id = u.id
         GROUP BY u.id`,
  value: (c) => percentShare(count(c, 'decided'), count(c, 'results')),
};
