import type { DutyRule } from './duty-rule';
import { termOfSql } from './duty-rule';

const term = termOfSql('o.due_date');

/**
 * 资金发放到位: every entry of the school's approved rosters for the term under way at the
 * due date (and whole-year rosters of its year) has a payment line paid by then.
 */
export const rosterPaid: DutyRule = {
  code: 'rosterPaid',
  label: { zh: '审定名单全部发放', en: 'Every approved roster entry paid' },
  description: {
    zh: '截止日所在学期，本校已审定名单中的每名学生都已发放成功（发放明细为据）',
    en: 'Every entry of the school’s approved rosters for the term of the due date has a paid payment line',
  },
  met: (asOf) => `NOT EXISTS (
    SELECT 1 FROM roster_entries e
      JOIN rosters ro ON ro.id = e.roster_id
     WHERE ro.school_id = o.school_id AND ro.status = 'approved'
       AND ro.year = ${term.year} AND ro.term IN (${term.term}, 'yearly')
       AND NOT EXISTS (SELECT 1 FROM disbursements d
                        WHERE d.roster_entry_id = e.id AND d.status = 'paid' AND d.date <= (${asOf})::date))`,
};
