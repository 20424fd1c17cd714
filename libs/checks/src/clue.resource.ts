import { defineResource, type FieldDeclaration, type FieldMap } from '@zizhu/schema';
import { TERMS } from '@zizhu/programs';
import { CLUE_DONE_STATUSES, CLUE_SOURCES, CLUE_STATUSES, CLUE_VERDICTS, SEVERITIES } from './check.enums';

/**
 * What a school answers a clue with (`POST /api/clues/:id/answer`): its verification, the
 * rectification when the clue is true, and evidence files. Validated as a form of its own;
 * on the clue these fields are read-only (only the answer sets them).
 */
export const CLUE_ANSWER_FIELDS: FieldMap = {
  verdict: { type: 'enum', label: { zh: '核实结论', en: 'Verdict' }, options: CLUE_VERDICTS, required: true, list: true, filter: 'exact' },
  finding: {
    type: 'text',
    label: { zh: '核实情况', en: 'Finding' },
    help: { zh: '如何核实、核实到的情况', en: 'How it was verified and what was found' },
    required: true,
    maxLength: 2000,
  },
  rectification: {
    type: 'text',
    label: { zh: '整改情况', en: 'Rectification' },
    help: { zh: '线索属实时必填：采取的整改措施和结果（如已退回资金）', en: 'Required when confirmed: what was done to put it right (e.g. money refunded)' },
    maxLength: 2000,
  },
  evidenceFileId: {
    type: 'reference',
    reference: 'files',
    label: { zh: '核实佐证材料', en: 'Verification evidence' },
    help: { zh: '入户记录、证明等（PDF、JPG、PNG、Excel、Word，不超过 10 MB）', en: 'Visit records, certificates (PDF, JPG, PNG, Excel, Word; at most 10 MB)' },
  },
  rectificationFileId: {
    type: 'reference',
    reference: 'files',
    label: { zh: '整改佐证材料', en: 'Rectification evidence' },
    help: { zh: '退款凭证、整改报告等', en: 'Refund receipts, rectification reports' },
  },
};

const answeredOnly = (field: FieldDeclaration): FieldDeclaration => ({ ...field, required: false, readOnly: true });

/** The answer as a form: the same fields, required where the school must fill them in. */
export const clueAnswerForm = defineResource({
  name: 'clue-answers',
  table: 'clues',
  label: { zh: '线索反馈', en: 'Clue answer' },
  recordLabel: 'finding',
  idType: 'integer',
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: [] },
  access: { list: [], create: ['school'], update: [], delete: [] },
  defaultSort: { field: 'id', order: 'DESC' },
  fields: CLUE_ANSWER_FIELDS,
  check: (r) =>
    r.verdict === 'confirmed' && !String(r.rectification ?? '').trim()
      ? { field: 'rectification', message: { zh: '线索属实，请填写整改情况', en: 'The clue is confirmed: say how it was rectified' } }
      : null,
});

/**
 * 问题线索: a suspected problem with one school's aid (from an audit, the big-data office,
 * a data rule or a reconciliation exception). Assigned to the school (scoped through it):
 * the school answers with its verification and rectification (evidence attached), the
 * county accepts the answer or returns it with a reason (see CLUE_ACTIONS); it may order a
 * refund. Overdue while not closed after its due date. A clue opened from a reconciliation
 * exception keeps the exception's key, once.
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
    { name: 'ux_clues_audit_rule_record', columns: ['audit_rule_id', 'record_key'], unique: true, where: 'audit_rule_id IS NOT NULL' },
    { name: 'ux_clues_inspection_record', columns: ['inspection_id', 'record_key'], unique: true, where: 'inspection_id IS NOT NULL' },
    { name: 'ix_clues_status', columns: ['status', 'due_date'] },
    { name: 'ix_clues_scope_path', columns: ['scope_path', 'id'] },
  ],
  overdue: {
    label: { zh: '逾期', en: 'Overdue' },
    help: { zh: '已过核实期限仍未办结', en: 'Past its due date and not closed' },
    dueField: 'dueDate',
    statusField: 'status',
    doneStatuses: CLUE_DONE_STATUSES,
  },
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
    studentId: {
      type: 'reference',
      reference: 'students',
      label: { zh: '学生', en: 'Student' },
      immutable: true,
      list: true,
      filter: 'exact',
      agreesWith: { field: 'schoolId', equals: 'schoolId', message: { zh: '该学生不在线索所属的学校', en: 'This student is not at the clue’s school' } },
    },
    programId: {
      type: 'reference',
      reference: 'programs',
      label: { zh: '资助项目', en: 'Program' },
      immutable: true,
      list: true,
      filter: 'exact',
      agreesWith: { covers: 'schoolId', message: { zh: '该资助项目不覆盖线索所属的学校', en: 'This program does not cover the clue’s school' } },
    },
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
    auditRuleId: {
      type: 'reference',
      reference: 'audit-rules',
      label: { zh: '稽核规则', en: 'Audit rule' },
      help: { zh: '由稽核规则开立时自动填写；规则不再命中后方可办结', en: 'Set when opened by an audit rule; accepted only once the rule no longer matches' },
      readOnly: true,
      filter: 'exact',
    },
    inspectionId: {
      type: 'reference',
      reference: 'inspections',
      label: { zh: '督查检查', en: 'Inspection' },
      help: { zh: '由督查检查的问题开立时自动填写', en: 'Set when raised as an inspection’s finding' },
      readOnly: true,
      filter: 'exact',
    },
    itemKey: { type: 'string', label: { zh: '检查项', en: 'Checklist item' }, help: { zh: '发现问题的检查项代码', en: 'Key of the item the finding is about' }, readOnly: true, maxLength: 40 },
    // What the rule or inspection found, e.g. `disbursements:42`, `item:cardHeld:student:17`: one clue per source and record.
    recordKey: { type: 'string', label: { zh: '命中记录', en: 'Matched record' }, readOnly: true, maxLength: 60 },
    severity: { type: 'enum', label: { zh: '严重程度', en: 'Severity' }, options: SEVERITIES, defaultValue: 'medium', list: true, filter: 'exact' },
    overdueFlaggedAt: {
      type: 'datetime',
      label: { zh: '逾期通报时间', en: 'Flagged overdue at' },
      help: { zh: '每晚的逾期检查发现整改逾期时记录', en: 'Set by the nightly check when the rectification fell overdue' },
      readOnly: true,
    },
    dueDate: { type: 'date', label: { zh: '核实期限', en: 'Due date' }, required: true, list: true, sort: true, filter: 'range' },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: CLUE_STATUSES, readOnly: true, defaultValue: 'open', list: true, filter: 'exact' },
    refundRequired: { type: 'boolean', label: { zh: '须退回资金', en: 'Refund required' }, defaultValue: false, list: true, filter: 'exact' },
    // The answer's fields, as the answer form declares them, read-only on the clue.
    ...Object.fromEntries(Object.entries(CLUE_ANSWER_FIELDS).map(([key, field]) => [key, answeredOnly(field)])),
    answeredBy: { type: 'reference', reference: 'users', label: { zh: '反馈人', en: 'Answered by' }, readOnly: true },
    answeredAt: { type: 'datetime', label: { zh: '反馈时间', en: 'Answered at' }, readOnly: true },
    reviewComment: { type: 'text', label: { zh: '审核意见', en: 'Review comment' }, help: { zh: '退回时为退回理由', en: 'The reason, when returned' }, readOnly: true, maxLength: 500 },
    reviewedBy: { type: 'reference', reference: 'users', label: { zh: '审核人', en: 'Reviewed by' }, readOnly: true },
    reviewedAt: { type: 'datetime', label: { zh: '审核时间', en: 'Reviewed at' }, readOnly: true },
    openedBy: { type: 'reference', reference: 'users', label: { zh: '开立人', en: 'Opened by' }, readOnly: true, list: true },
  },
});
