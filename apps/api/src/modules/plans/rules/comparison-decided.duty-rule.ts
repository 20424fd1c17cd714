import { chinaDayEnd } from '../occurrences/occurrence-sql';
import type { DutyRule } from './duty-rule';

/**
 * 比对结果全部核实: of every finished comparison run over the school, no result of its
 * students still waits for the school's decision (decided by then). No results: nothing to do.
 */
export const comparisonDecided: DutyRule = {
  code: 'comparisonDecided',
  label: { zh: '比对结果全部核实', en: 'Every comparison result decided' },
  description: {
    zh: '已完成的比对中，本校学生的比对结果全部核实（确认属实或不属实）',
    en: 'Every result of the school’s students in the finished comparison runs is decided (confirmed or rejected)',
  },
  met: (asOf) => `NOT EXISTS (
    SELECT 1 FROM comparison_results r
      JOIN comparisons c ON c.id = r.comparison_id
     WHERE r.scope_path LIKE o.scope_path || '%'
       AND c.status = 'done' AND c.finished_at < ${chinaDayEnd(asOf)}
       AND (r.decision IS NULL OR r.decision = 'pending' OR r.decided_at IS NULL OR r.decided_at >= ${chinaDayEnd(asOf)}))`,
};
