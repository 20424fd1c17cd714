import { defineResource } from '@zizhu/schema';
import { FUND_EXCEPTION_KINDS } from './fund.enums';

/**
 * 异常说明: finance's explanation of one reconciliation exception, kept by the
 * exception's key (`paidTwice:…`, `notEnrolled:<line id>`, …) so it stays attached when
 * the reconciliation is computed again. Written by `POST /api/funds/exceptions/explain`.
 */
export const fundExceptionNoteResource = defineResource({
  name: 'fund-exception-notes',
  table: 'fund_exception_notes',
  label: { zh: '对账异常说明', en: 'Exception notes' },
  recordLabel: 'exceptionKey',
  idType: 'integer',
  icon: 'fact_check',
  menu: { group: 'funds', order: 7 },
  audited: true,
  versioned: true,
  scope: { kind: 'stored' },
  access: {
    list: ['admin', 'county', 'inspector', 'finance'],
    create: [],
    update: [],
    delete: [],
  },
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ux_fund_exception_notes_key', columns: ['exception_key'], unique: true },
    { name: 'ix_fund_exception_notes_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    exceptionKey: { type: 'string', display: 'fundExceptionKey', label: { zh: '异常', en: 'Exception' }, readOnly: true, maxLength: 120, list: true, filter: 'exact' },
    kind: { type: 'enum', label: { zh: '类型', en: 'Kind' }, options: FUND_EXCEPTION_KINDS, readOnly: true, list: true, filter: 'exact' },
    note: { type: 'text', label: { zh: '说明', en: 'Note' }, readOnly: true, list: true },
    explainedBy: { type: 'reference', reference: 'users', label: { zh: '说明人', en: 'By' }, readOnly: true, list: true },
    explainedAt: { type: 'datetime', label: { zh: '说明时间', en: 'At' }, readOnly: true, list: true, sort: true },
  },
});
