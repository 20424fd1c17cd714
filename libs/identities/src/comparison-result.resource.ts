import { defineResource, STAGES } from '@zizhu/schema';
import { DECISIONS, MATCH_OUTCOMES, MATCH_REASONS } from './comparison.enums';
import { comparisonRunField } from './comparison-run-field';

/**
 * 比对结果: one match of a run (student × identity), or an identity person no enrolled
 * student matched. Written by the run; schools see the rows of their own students
 * (scope via the student) and set only `decision` / `decisionReason`; unmatched rows sit
 * at the run's region for the county to follow up (县外/市外就读).
 * A snapshot of the run: the student's school, stage and path (`scopePath`) are copied as
 * they were when the run found the match, so the summary, the progress and the mark
 * refreshes never read students again. Derived columns (identity type, region, school) keep
 * their ids without foreign keys; student and identity, which decisions rest on, keep theirs.
 */
export const comparisonResultResource = defineResource({
  name: 'comparison-results',
  table: 'comparison_results',
  label: { zh: '比对结果', en: 'Comparison results' },
  recordLabel: 'personName',
  idType: 'integer',
  icon: 'fact_check',
  menu: { group: 'comparison', order: 5 },
  audited: true,
  versioned: true,
  large: true,
  // A run's results are built as a table of their own and attached (comparison-run.ts).
  partitionBy: 'comparisonId',
  scope: { kind: 'reference', via: ['studentId', 'regionId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector'],
    create: [],
    update: ['admin', 'county', 'school'],
    delete: [],
  },
  defaultSort: { field: 'id', order: 'ASC' },
  indexes: [
    { name: 'ix_comparison_results_run', columns: ['comparison_id', 'identity_id'] },
    { name: 'ix_comparison_results_student', columns: ['student_id', 'marked'] },
    { name: 'ix_comparison_results_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    comparisonId: comparisonRunField,
    studentId: {
      type: 'reference',
      reference: 'students',
      label: { zh: '学生', en: 'Student' },
      readOnly: true,
      list: true,
      filter: 'exact',
    },
    personName: {
      type: 'string',
      label: { zh: '名单姓名', en: 'Name on the list' },
      maxLength: 50,
      readOnly: true,
      list: true,
      sort: true,
      search: 'prefix',
    },
    personIdNumber: {
      type: 'idNumber',
      label: { zh: '名单身份证号', en: 'ID number on the list' },
      readOnly: true,
      sensitive: { mask: 'idNumber', plainFor: ['admin'], revealFor: ['county', 'school'] },
      list: true,
      filter: 'exact',
      search: 'exact',
    },
    identityId: {
      type: 'reference',
      reference: 'identities',
      label: { zh: '名单记录', en: 'Identity record' },
      required: true,
      readOnly: true,
      filter: 'exact',
    },
    identityTypeId: {
      type: 'reference',
      reference: 'identity-types',
      label: { zh: '身份类型', en: 'Identity type' },
      foreignKey: false,
      readOnly: true,
      list: true,
      filter: 'exact',
    },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '比对范围', en: 'Region' },
      required: true,
      foreignKey: false,
      readOnly: true,
      filter: 'exact',
    },
    schoolId: {
      type: 'reference',
      reference: 'schools',
      label: { zh: '比对时学校', en: 'School at the run' },
      help: { zh: '比对运行时学生所在学校', en: 'The student\'s school when the run found the match' },
      foreignKey: false,
      readOnly: true,
      filter: 'exact',
    },
    stage: {
      type: 'enum',
      label: { zh: '比对时学段', en: 'Stage at the run' },
      options: STAGES,
      readOnly: true,
      filter: 'exact',
    },
    outcome: {
      type: 'enum',
      label: { zh: '比对结果', en: 'Outcome' },
      options: MATCH_OUTCOMES,
      required: true,
      readOnly: true,
      list: true,
      filter: 'exact',
    },
    reason: {
      type: 'enum',
      label: { zh: '比对依据', en: 'Reason' },
      options: MATCH_REASONS,
      required: true,
      readOnly: true,
      list: true,
      filter: 'exact',
    },
    decision: {
      type: 'enum',
      label: { zh: '核实结果', en: 'Decision' },
      help: { zh: '学校核实后选择“确认属实”或“不属实”', en: 'Confirm or reject after checking with the family and the department' },
      options: DECISIONS,
      required: true,
      defaultValue: 'pending',
      list: true,
      filter: 'exact',
    },
    decisionReason: {
      type: 'string',
      label: { zh: '核实说明', en: 'Decision reason' },
      help: { zh: '选择“不属实”时必填', en: 'Required when rejecting' },
      maxLength: 500,
    },
    evidenceFileId: {
      type: 'reference',
      reference: 'files',
      label: { zh: '佐证材料', en: 'Evidence file' },
      help: {
        zh: '核实依据的扫描件或文件（PDF、JPG、PNG、Excel、Word，不超过 10 MB）',
        en: 'A scan or document backing the decision (PDF, JPG, PNG, Excel, Word; at most 10 MB)',
      },
    },
    decidedBy: {
      type: 'reference',
      reference: 'users',
      label: { zh: '核实人', en: 'Decided by' },
      readOnly: true,
    },
    decidedAt: { type: 'datetime', label: { zh: '核实时间', en: 'Decided at' }, readOnly: true, list: true, sort: true },
    marked: {
      type: 'boolean',
      label: { zh: '计入身份标识', en: 'Gives a mark' },
      help: { zh: '一致且未被否定，或疑似且已确认', en: 'Matched and not rejected, or questionable and confirmed' },
      readOnly: true,
      list: true,
      filter: 'exact',
    },
  },
  check: (r) =>
    r.decision === 'rejected' && !String(r.decisionReason ?? '').trim()
      ? { field: 'decisionReason', message: { zh: '选择“不属实”时请填写核实说明', en: 'Say why when rejecting' } }
      : null,
});
