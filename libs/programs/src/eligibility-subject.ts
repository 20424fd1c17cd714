import { GENDERS, type RuleSubject, STAGES } from '@zizhu/schema';
import { STUDENT_STATUSES } from '@zizhu/students';

/** What an eligibility rule may test: student fields, and the student's identity marks. */
export const ELIGIBILITY_SUBJECT: RuleSubject = {
  resource: 'students',
  fields: [
    { key: 'stage', label: { zh: '学段', en: 'Stage' }, kind: 'enum', options: STAGES },
    { key: 'status', label: { zh: '学籍状态', en: 'Status' }, kind: 'enum', options: STUDENT_STATUSES },
    { key: 'gender', label: { zh: '性别', en: 'Gender' }, kind: 'enum', options: GENDERS },
    { key: 'boarding', label: { zh: '寄宿生', en: 'Boarder' }, kind: 'boolean' },
    { key: 'marks', label: { zh: '特殊身份', en: 'Special identity' }, kind: 'marks', reference: 'identity-types' },
  ],
};
