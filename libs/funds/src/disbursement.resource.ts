import { defineResource } from '@zizhu/schema';
import { TERMS } from '@zizhu/programs';
import { DISBURSEMENT_STATUSES, PAYMENT_METHODS } from './fund.enums';

/**
 * 发放明细: one payment to one student. Lines are made set-based from approved roster
 * entries when a batch is created, settled by the bank's result file and never edited by
 * hand. A roster entry has at most one live (pending or paid) line — a partial unique
 * index, so no code path can pay it twice. A failed line is re-issued as a new line
 * pointing back at it (`reissueOfId`).
 */
export const disbursementResource = defineResource({
  name: 'disbursements',
  table: 'disbursements',
  label: { zh: '发放明细', en: 'Payments' },
  recordLabel: 'serialNo',
  idType: 'integer',
  icon: 'list',
  menu: { group: 'funds', order: 5 },
  audited: true,
  versioned: true,
  large: true,
  distributedBy: 'county',
  scope: { kind: 'reference', via: ['schoolId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: [],
    update: [],
    delete: [],
  },
  businessKey: ['serialNo'],
  defaultSort: { field: 'id', order: 'ASC' },
  indexes: [
    { name: 'ux_disbursements_serial', columns: ['serial_no'], unique: true },
    { name: 'ux_disbursements_live_entry', columns: ['roster_entry_id'], unique: true, where: `status IN ('pending', 'paid')` },
    { name: 'ux_disbursements_reissue', columns: ['reissue_of_id'], unique: true },
    { name: 'ix_disbursements_group', columns: ['program_id', 'year', 'term', 'region_id', 'status', 'id'] },
    { name: 'ix_disbursements_batch', columns: ['batch_id', 'id'] },
    { name: 'ix_disbursements_student', columns: ['student_id', 'program_id', 'year', 'term'] },
    { name: 'ix_disbursements_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    serialNo: { type: 'string', label: { zh: '流水号', en: 'Serial no.' }, readOnly: true, maxLength: 30, list: true, filter: 'exact', aliases: ['流水号', '业务编号'] },
    batchId: { type: 'reference', reference: 'disbursement-batches', label: { zh: '批次', en: 'Batch' }, readOnly: true, list: true, filter: 'exact' },
    studentId: { type: 'reference', reference: 'students', label: { zh: '学生', en: 'Student' }, readOnly: true, list: true, filter: 'exact' },
    // An integer, not a foreign key: an amendment may remove the entry after payment, and
    // the line must survive to show up as "paid without an approved roster entry".
    rosterEntryId: { type: 'integer', links: 'roster-entries', label: { zh: '名单条目', en: 'Roster entry' }, readOnly: true, filter: 'exact' },
    programId: { type: 'reference', reference: 'programs', label: { zh: '资助项目', en: 'Program' }, readOnly: true, list: true, filter: 'exact' },
    year: { type: 'integer', label: { zh: '年度', en: 'Year' }, grouping: false, readOnly: true, filter: 'exact' },
    term: { type: 'enum', label: { zh: '学期', en: 'Term' }, options: TERMS, readOnly: true, list: true, filter: 'exact' },
    schoolId: { type: 'reference', reference: 'schools', label: { zh: '学校', en: 'School' }, readOnly: true, list: true, filter: 'exact' },
    regionId: { type: 'reference', reference: 'regions', label: { zh: '区县', en: 'County' }, readOnly: true, filter: 'exact' },
    amount: { type: 'money', label: { zh: '金额', en: 'Amount' }, readOnly: true, list: true },
    date: { type: 'date', label: { zh: '发放日期', en: 'Payment date' }, readOnly: true, list: true, sort: true, filter: 'range' },
    method: { type: 'enum', label: { zh: '发放方式', en: 'Method' }, options: PAYMENT_METHODS, readOnly: true },
    account: {
      type: 'account',
      label: { zh: '收款账号', en: 'Account' },
      readOnly: true,
      list: true,
      sensitive: { mask: 'account', plainFor: ['admin'], revealFor: ['county', 'school', 'finance'] },
    },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: DISBURSEMENT_STATUSES, readOnly: true, defaultValue: 'pending', list: true, filter: 'exact' },
    bankReason: { type: 'string', label: { zh: '银行反馈', en: 'Bank reason' }, readOnly: true, maxLength: 200, list: true },
    settledAt: { type: 'datetime', label: { zh: '回盘时间', en: 'Settled at' }, readOnly: true },
    reissueOfId: { type: 'reference', reference: 'disbursements', label: { zh: '重发自', en: 'Re-issue of' }, readOnly: true },
  },
});
