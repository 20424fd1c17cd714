import { defineResource } from '@zizhu/schema';
import { AMOUNT_CHECKS, FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES, SATISFACTION } from './outreach.enums';

/**
 * 回访记录: one family drawn by a campaign, and what the call or visit found: who was
 * reached and when, whether the family knew the policy, whether the amount matches what
 * was paid (`amountPaid`, frozen when drawn), satisfaction, notes, a photo for a visit.
 * A family reporting a different amount opens a problem clue (`clueId`).
 */
export const followUpResource = defineResource({
  name: 'follow-ups',
  table: 'follow_ups',
  label: { zh: '回访记录', en: 'Follow-ups' },
  recordLabel: 'studentId',
  recordTitle: ['campaignId', 'studentId'],
  idType: 'integer',
  icon: 'phone',
  menu: { group: 'tasks', order: 34 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['schoolId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector'],
    create: [],
    update: ['admin', 'county', 'school'],
    delete: [],
  },
  importable: false,
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ux_follow_ups_campaign_student', columns: ['campaign_id', 'student_id'], unique: true },
    { name: 'ix_follow_ups_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    campaignId: { type: 'reference', reference: 'follow-up-campaigns', label: { zh: '回访活动', en: 'Campaign' }, required: true, immutable: true, list: true, filter: 'exact' },
    studentId: { type: 'reference', reference: 'students', label: { zh: '学生', en: 'Student' }, required: true, immutable: true, list: true, filter: 'exact' },
    schoolId: { type: 'reference', reference: 'schools', label: { zh: '学校', en: 'School' }, required: true, immutable: true, list: true, filter: 'exact' },
    kind: { type: 'enum', label: { zh: '回访方式', en: 'Kind' }, options: FOLLOW_UP_KINDS, readOnly: true, list: true, filter: 'exact' },
    amountPaid: { type: 'money', label: { zh: '本学期发放金额', en: 'Paid this term' }, readOnly: true, list: true },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: FOLLOW_UP_STATUSES, readOnly: true, defaultValue: 'pending', list: true, filter: 'exact' },
    contactName: { type: 'string', label: { zh: '回访对象', en: 'Spoke with' }, help: { zh: '如：学生母亲李某', en: 'e.g. the student’s mother' }, maxLength: 50 },
    contactedAt: { type: 'datetime', label: { zh: '回访时间', en: 'When' }, list: true, sort: true },
    reached: { type: 'boolean', label: { zh: '联系上', en: 'Reached' }, list: true, filter: 'exact' },
    knewPolicy: { type: 'boolean', label: { zh: '知晓资助政策', en: 'Knew the policy' }, filter: 'exact' },
    amountCheck: { type: 'enum', label: { zh: '金额核对', en: 'Amount' }, options: AMOUNT_CHECKS, list: true, filter: 'exact' },
    reportedAmount: { type: 'money', label: { zh: '家长所述金额', en: 'Amount the family reports' }, help: { zh: '与发放不一致时填写', en: 'When it differs from what was paid' } },
    satisfaction: { type: 'enum', label: { zh: '满意度', en: 'Satisfaction' }, options: SATISFACTION, filter: 'exact' },
    notes: { type: 'text', label: { zh: '回访情况', en: 'Notes' }, maxLength: 1000 },
    evidenceFileId: { type: 'reference', reference: 'files', label: { zh: '走访照片', en: 'Visit photo' } },
    recordedBy: { type: 'reference', reference: 'users', label: { zh: '记录人', en: 'Recorded by' }, readOnly: true },
    clueId: { type: 'reference', reference: 'clues', label: { zh: '问题线索', en: 'Problem clue' }, help: { zh: '金额不一致时自动开立', en: 'Opened when the amount differs' }, readOnly: true },
  },
});
