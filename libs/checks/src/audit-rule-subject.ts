import { GENDERS, type RuleSubject, STAGES } from '@zizhu/schema';
import { ENTRY_SOURCES, PROGRAM_CATEGORIES, TERMS } from '@zizhu/programs';
import { STUDENT_STATUSES } from '@zizhu/students';

/**
 * What an audit rule may test: one paid payment line (已发放, not wholly refunded) with its
 * student, roster entry, school, program and the student's identity marks. Facts that need
 * more than the line (another school paid the same student; the status on the payment
 * date) are fields too, computed by the compiled SQL, so a rule never needs code of its own.
 */
export const AUDIT_RULE_SUBJECT: RuleSubject = {
  resource: 'disbursements',
  fields: [
    { key: 'programCategory', label: { zh: '项目类别', en: 'Program category' }, kind: 'enum', options: PROGRAM_CATEGORIES },
    { key: 'term', label: { zh: '学期', en: 'Term' }, kind: 'enum', options: TERMS },
    { key: 'stage', label: { zh: '学段', en: 'Stage' }, kind: 'enum', options: STAGES },
    { key: 'status', label: { zh: '当前学籍状态', en: 'Current status' }, kind: 'enum', options: STUDENT_STATUSES },
    { key: 'statusOnPaymentDate', label: { zh: '发放日学籍状态', en: 'Status on the payment date' }, kind: 'enum', options: STUDENT_STATUSES },
    { key: 'gender', label: { zh: '性别', en: 'Gender' }, kind: 'enum', options: GENDERS },
    { key: 'boarding', label: { zh: '寄宿生', en: 'Boarder' }, kind: 'boolean' },
    { key: 'marks', label: { zh: '特殊身份', en: 'Special identity' }, kind: 'marks', reference: 'identity-types' },
    { key: 'entrySource', label: { zh: '名单来源', en: 'Roster entry source' }, kind: 'enum', options: ENTRY_SOURCES },
    { key: 'topTier', label: { zh: '按最高档发放', en: 'Paid at the top tier' }, kind: 'boolean' },
    { key: 'paidElsewhere', label: { zh: '同项目同学期另一学校也已发放', en: 'Also paid by another school for the program and term' }, kind: 'boolean' },
  ],
};
