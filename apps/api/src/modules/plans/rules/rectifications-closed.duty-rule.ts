import { chinaDayEnd } from '../occurrences/occurrence-sql';
import type { DutyRule } from './duty-rule';

/**
 * 问题整改办结: every problem clue of the school due by the occurrence's due date (and opened
 * by then) was closed by then — accepted by the county (its 办结 in the clue's history).
 */
export const rectificationsClosed: DutyRule = {
  code: 'rectificationsClosed',
  label: { zh: '问题线索全部整改办结', en: 'Every problem clue closed' },
  description: {
    zh: '核实期限在截止日之前的本校问题线索全部已办结',
    en: 'Every clue of the school due by the due date is closed',
  },
  met: (asOf) => `NOT EXISTS (
    SELECT 1 FROM clues c
     WHERE c.school_id = o.school_id AND c.due_date <= o.due_date AND c.created_at < ${chinaDayEnd(asOf)}
       AND NOT (c.status = 'closed' AND COALESCE(
             (SELECT max(a.acted_at) FROM clue_actions a WHERE a.clue_id = c.id AND a.action = 'accept'),
             c.updated_at) < ${chinaDayEnd(asOf)}))`,
};
