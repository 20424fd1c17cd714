import { defineResource } from '@zizhu/schema';
import { TERMS } from '@zizhu/programs';

/**
 * 退回: money a recipient paid back (an ineligible student found by a check) into a
 * designated account. Recorded against the paid line (`POST /api/refunds` fills the
 * student, program and term from it); it reduces the net disbursed.
 */
export const refundResource = defineResource({
  name: 'refunds',
  table: 'refunds',
  label: { zh: '资金退回', en: 'Refunds' },
  recordLabel: 'id',
  idType: 'integer',
  icon: 'history',
  menu: { group: 'funds', order: 6 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['disbursementId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: ['admin', 'finance'],
    update: [],
    delete: [],
  },
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ix_refunds_disbursement', columns: ['disbursement_id'] },
    { name: 'ix_refunds_group', columns: ['program_id', 'year', 'term', 'region_id'] },
    { name: 'ix_refunds_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    disbursementId: {
      type: 'reference',
      reference: 'disbursements',
      label: { zh: '发放明细', en: 'Payment' },
      help: { zh: '被退回的那笔已发放资金', en: 'The paid line the money comes back from' },
      required: true,
      immutable: true,
      list: true,
      filter: 'exact',
    },
    studentId: { type: 'reference', reference: 'students', label: { zh: '学生', en: 'Student' }, readOnly: true, list: true, filter: 'exact' },
    programId: { type: 'reference', reference: 'programs', label: { zh: '资助项目', en: 'Program' }, readOnly: true, list: true, filter: 'exact' },
    year: { type: 'integer', label: { zh: '年度', en: 'Year' }, grouping: false, readOnly: true, filter: 'exact' },
    term: { type: 'enum', label: { zh: '学期', en: 'Term' }, options: TERMS, readOnly: true, filter: 'exact' },
    regionId: { type: 'reference', reference: 'regions', label: { zh: '区县', en: 'County' }, readOnly: true, filter: 'exact' },
    amount: { type: 'money', label: { zh: '退回金额', en: 'Amount' }, required: true, immutable: true, min: 1, list: true },
    date: { type: 'date', label: { zh: '退回日期', en: 'Date' }, required: true, immutable: true, list: true, sort: true, filter: 'range' },
    receivingAccount: {
      type: 'string',
      label: { zh: '收款账户', en: 'Receiving account' },
      help: { zh: '指定的退回资金专户', en: 'The designated account the money went back to' },
      required: true,
      immutable: true,
      maxLength: 60,
      list: true,
    },
    reason: { type: 'text', label: { zh: '退回原因', en: 'Reason' }, required: true, immutable: true, list: true },
  },
});
