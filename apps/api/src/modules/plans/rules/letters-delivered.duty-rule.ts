import type { DutyRule } from './duty-rule';
import { termOfSql } from './duty-rule';

const term = termOfSql('o.due_date');

/**
 * 致家长的一封信全部送达: every student the school paid in the term under way at the due
 * date (by then) has that term's letter, delivered by then.
 */
export const lettersDelivered: DutyRule = {
  code: 'lettersDelivered',
  label: { zh: '致家长的一封信全部送达', en: 'Every letter to families delivered' },
  description: {
    zh: '截止日所在学期，本校每名已发放资助的学生都有本学期的告知书且已送达',
    en: 'Every student the school paid in the term of the due date has that term’s letter, delivered',
  },
  met: (asOf) => `NOT EXISTS (
    SELECT 1 FROM disbursements d
     WHERE d.school_id = o.school_id AND d.status = 'paid' AND d.date <= (${asOf})::date
       AND d.year = ${term.year} AND d.term IN (${term.term}, 'yearly')
       AND NOT EXISTS (SELECT 1 FROM letters l
                        WHERE l.student_id = d.student_id AND l.year = ${term.year} AND l.term = ${term.term}
                          AND l.status IN ('delivered', 'receiptReturned') AND l.delivered_at <= (${asOf})::date))`,
};
