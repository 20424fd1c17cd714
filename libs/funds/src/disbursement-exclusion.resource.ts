import { defineResource } from '@zizhu/schema';
import { EXCLUSION_REASONS } from './fund.enums';

/**
 * 未纳入发放: an approved roster entry a payment batch left out, and why (no account, so
 * far). Written with the batch's lines, in the same statement's transaction, and never
 * edited: the batch page lists them so finance knows whom the next batch must still pay.
 */
export const disbursementExclusionResource = defineResource({
  name: 'disbursement-exclusions',
  table: 'disbursement_exclusions',
  label: { zh: '未纳入发放', en: 'Left out of batches' },
  recordLabel: 'id',
  idType: 'integer',
  icon: 'list',
  menu: { group: 'funds', order: 8 },
  audited: false,
  versioned: false,
  scope: { kind: 'reference', via: ['schoolId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: [],
    update: [],
    delete: [],
  },
  defaultSort: { field: 'id', order: 'ASC' },
  indexes: [
    { name: 'ix_disbursement_exclusions_batch', columns: ['batch_id', 'id'] },
    { name: 'ix_disbursement_exclusions_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    batchId: { type: 'reference', reference: 'disbursement-batches', label: { zh: '批次', en: 'Batch' }, readOnly: true, list: true, filter: 'exact' },
    studentId: { type: 'reference', reference: 'students', label: { zh: '学生', en: 'Student' }, readOnly: true, list: true, filter: 'exact' },
    schoolId: { type: 'reference', reference: 'schools', label: { zh: '学校', en: 'School' }, readOnly: true, list: true, filter: 'exact' },
    rosterEntryId: { type: 'integer', label: { zh: '名单条目', en: 'Roster entry' }, readOnly: true, filter: 'exact' },
    amount: { type: 'money', label: { zh: '应发金额', en: 'Amount to pay' }, readOnly: true, list: true },
    reason: {
      type: 'enum',
      label: { zh: '未纳入原因', en: 'Why left out' },
      help: { zh: '补录学生的资助卡号或银行账号后，再建一个批次发放', en: "Add the student's aid card or bank account, then make another batch" },
      options: EXCLUSION_REASONS,
      readOnly: true,
      list: true,
      filter: 'exact',
    },
  },
});
