import { defineResource } from '@zizhu/schema';
import { TERMS } from '@zizhu/programs';
import { CLUE_SOURCES, CLUE_STATUSES } from './check.enums';

/**
 * 问题线索: a suspected problem with one school's aid (from an audit, the big-data office,
 * a data rule or a reconciliation exception). Assigned to the school (scoped through it),
 * verified 属实 / 不属实 by the county, then rectified; it may order a refund. A clue
 * opened from a reconciliation exception keeps the exception's key, once.
 */
export const clueResource = defineResource({
  name: 'clues',
  table: 'clues',
  label: { zh: '问题线索', en: 'Problem clues' },
  recordLabel: 'kind',
  idType: 'integer',
  icon: 'report',
  menu: { group: 'checks', order: 1 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['schoolId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: ['admin', 'county', 'finance'],
    update: ['admin', 'county'],
    delete: [],
  },
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ux_clues_exception_key', columns: ['exception_key'], unique: true, where: 'exception_key IS NOT NULL' },
    { name: 'ix_clues_status', columns: ['status', 'due_date'] },
    { name: 'ix_clues_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    source: { type: 'enum', label: { zh: '线索来源', en: 'Source' }, options: CLUE_SOURCES, required: true, immutable: true, list: true, filter: 'exact' },
    kind: {
      type: 'string',
      label: { zh: '问题类型', en: 'Kind' },
      help: { zh: '如：寄宿生补助发放给非寄宿生', en: 'e.g. boarding subsidy paid to a non-boarder' },
      required: true,
      maxLength: 100,
      list: true,
      search: 'prefix',
    },
    description: { type: 'text', label: { zh: '线索描述', en: 'Description' }, required: true, maxLength: 2000 },
    schoolId: { type: 'reference', reference: 'schools', label: { zh: '学校', en: 'School' }, required: true, immutable: true, list: true, filter: 'exact' },
    studentId: { type: 'reference', reference: 'students', label: { zh: '学生', en: 'Student' }, immutable: true, list: true, filter: 'exact' },
    programId: { type: 'reference', reference: 'programs', label: { zh: '资助项目', en: 'Program' }, immutable: true, list: true, filter: 'exact' },
    year: { type: 'integer', label: { zh: '年度', en: 'Year' }, grouping: false, immutable: true, min: 2000, max: 2100, filter: 'exact' },
    term: { type: 'enum', label: { zh: '学期', en: 'Term' }, options: TERMS, immutable: true, filter: 'exact' },
    exceptionKey: {
      type: 'string',
      display: 'fundExceptionKey',
      label: { zh: '对账异常', en: 'Exception' },
      help: { zh: '由资金对账异常开立时自动填写', en: 'Set when opened from a reconciliation exception' },
      readOnly: true,
      maxLength: 120,
      filter: 'exact',
    },
    dueDate: { type: 'date', label: { zh: '核实期限', en: 'Due date' }, required: true, list: true, sort: true, filter: 'range' },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: CLUE_STATUSES, defaultValue: 'open', list: true, filter: 'exact' },
    refundRequired: { type: 'boolean', label: { zh: '须退回资金', en: 'Refund required' }, defaultValue: false, list: true, filter: 'exact' },
    finding: { type: 'text', label: { zh: '核实情况', en: 'Finding' }, maxLength: 2000 },
    openedBy: { type: 'reference', reference: 'users', label: { zh: '开立人', en: 'Opened by' }, readOnly: true, list: true },
  },
});
