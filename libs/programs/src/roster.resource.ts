import { defineResource, type FieldDeclaration, ROLE_LABELS, ROLES } from '@zizhu/schema';
import { programResource } from './program.resource';
import { APPROVAL_LEVELS, ROSTER_STATUSES, TERMS } from './program.enums';

const COPIED = { zh: '创建名单时从项目复制，项目之后的修改不影响本名单', en: 'Copied from the program when the roster was created; later program edits do not change it' };

/** A program field as the roster keeps it: the same declaration (shape, labels), set by the server. */
function copiedFromProgram(key: string): FieldDeclaration {
  return { ...programResource.fields[key], readOnly: true, required: false, defaultValue: undefined, help: COPIED };
}

/**
 * 受助名单: one program's recipients at one school for one term. It moves through the
 * program's approval chain (`POST /api/rosters/:id/actions`); once approved it is frozen
 * and changes only by a logged amendment. Scoped through its school.
 */
export const rosterResource = defineResource({
  name: 'rosters',
  table: 'rosters',
  label: { zh: '受助名单', en: 'Rosters' },
  recordLabel: 'title',
  idType: 'integer',
  icon: 'fact_check',
  menu: { group: 'programs', order: 2 },
  audited: true,
  versioned: true,
  // Written through the roster workflow (copied program, tier amounts, the chain), never the generic import.
  importable: false,
  scope: { kind: 'reference', via: ['schoolId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: ['admin', 'county', 'school'],
    update: [],
    delete: [],
  },
  businessKey: ['programId', 'year', 'term', 'schoolId'],
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ux_rosters_program_term_school', columns: ['program_id', 'year', 'term', 'school_id'], unique: true },
    { name: 'ix_rosters_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    title: { type: 'string', label: { zh: '名单', en: 'Roster' }, readOnly: true, maxLength: 200, list: true, search: 'prefix' },
    programId: {
      type: 'reference',
      reference: 'programs',
      label: { zh: '资助项目', en: 'Program' },
      required: true,
      immutable: true,
      list: true,
      filter: 'exact',
      agreesWith: { covers: 'schoolId', message: { zh: '该资助项目不覆盖所选学校（属于其他区县）', en: 'This program does not cover the chosen school (another county’s)' } },
    },
    year: { type: 'integer', label: { zh: '年度', en: 'Year' }, grouping: false, required: true, immutable: true, min: 2000, max: 2100, list: true, filter: 'exact', sort: true },
    term: { type: 'enum', label: { zh: '学期', en: 'Term' }, required: true, immutable: true, options: TERMS, list: true, filter: 'exact' },
    schoolId: { type: 'reference', reference: 'schools', label: { zh: '学校', en: 'School' }, required: true, immutable: true, list: true, filter: 'exact' },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: ROSTER_STATUSES, readOnly: true, defaultValue: 'draft', list: true, filter: 'exact' },
    stepIndex: { type: 'integer', label: { zh: '当前步骤序号', en: 'Current step no.' }, display: 'ownView', readOnly: true, defaultValue: 0 },
    stepLabel: { type: 'string', label: { zh: '当前步骤', en: 'Current step' }, readOnly: true, maxLength: 30, list: true },
    // Who acts at the current step (null once approved or rejected): "waiting for me" is these two equal to the caller's role and level.
    stepRole: { type: 'enum', label: { zh: '当前步骤·办理角色', en: 'Current step: role' }, options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })), readOnly: true, filter: 'exact' },
    stepLevel: { type: 'enum', label: { zh: '当前步骤·办理层级', en: 'Current step: level' }, options: APPROVAL_LEVELS, readOnly: true, filter: 'exact' },
    deadline: { type: 'date', label: { zh: '截止日期', en: 'Deadline' }, readOnly: true, list: true, sort: true, filter: 'range' },
    submittedAt: { type: 'datetime', label: { zh: '提交时间', en: 'Submitted at' }, readOnly: true, list: true, sort: true },
    submittedLate: {
      type: 'boolean',
      label: { zh: '逾期提交', en: 'Submitted late' },
      help: { zh: '学校提交审核时已过截止日期', en: 'The school submitted it after the deadline' },
      readOnly: true,
      defaultValue: false,
      list: true,
      filter: 'exact',
    },
    entryCount: { type: 'integer', label: { zh: '人数', en: 'Students' }, readOnly: true, defaultValue: 0, list: true },
    totalAmount: { type: 'money', label: { zh: '金额合计', en: 'Total' }, readOnly: true, defaultValue: 0, list: true },
    programVersion: { type: 'integer', label: { zh: '项目版本', en: 'Program version' }, readOnly: true, help: COPIED },
    tiers: copiedFromProgram('tiers'),
    applicationFields: copiedFromProgram('applicationFields'),
    approvalSteps: copiedFromProgram('approvalSteps'),
    eligibilityRule: copiedFromProgram('eligibilityRule'),
    autoEnrol: { type: 'boolean', label: { zh: '特殊身份学生自动纳入', en: 'Auto-enrols special-identity students' }, readOnly: true, help: COPIED },
  },
});
