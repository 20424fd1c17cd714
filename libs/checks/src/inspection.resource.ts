import { defineResource, INSPECTION_MODES } from '@zizhu/schema';
import { INSPECTION_STATUSES } from './inspection.enums';

/**
 * 督查检查: one school's inspection within a plan, on the plan's checklist version.
 * Planned by the county (school, lead inspector, team, date); started by the inspector (or
 * the school, for 自查), which freezes the data items and draws the samples; filled with
 * autosaved drafts; submitted (the API scores it, checks the answers against the version and
 * raises each finding as a problem clue); reopened only with a logged reason. Scoped through
 * the school: a school reads its own inspections only.
 *
 * The JSON columns hold: `answers` an InspectionAnswers, `dataValues` item key →
 * FrozenDataValue, `samples` InspectionSample[], `result` the ChecklistScore of the last
 * submit (libs/schema's inspection-payload.ts and checklist-scoring.ts).
 */
export const inspectionResource = defineResource({
  name: 'inspections',
  table: 'inspections',
  label: { zh: '督查检查', en: 'Inspections' },
  recordLabel: 'schoolId',
  recordTitle: ['planId', 'schoolId'],
  idType: 'integer',
  icon: 'assignment_turned_in',
  menu: { group: 'checks', order: 13 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['schoolId'] },
  access: {
    list: ['admin', 'county', 'inspector', 'school'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin', 'county'],
  },
  importable: false,
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ux_inspections_plan_school', columns: ['plan_id', 'school_id'], unique: true },
    { name: 'ix_inspections_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    planId: { type: 'reference', reference: 'inspection-plans', label: { zh: '检查计划', en: 'Plan' }, required: true, immutable: true, list: true, filter: 'exact' },
    schoolId: { type: 'reference', reference: 'schools', label: { zh: '被检查学校', en: 'School' }, required: true, immutable: true, list: true, filter: 'exact' },
    mode: { type: 'enum', label: { zh: '检查方式', en: 'Mode' }, options: INSPECTION_MODES, readOnly: true, list: true, filter: 'exact' },
    versionId: { type: 'reference', reference: 'checklist-versions', label: { zh: '检查表', en: 'Checklist' }, readOnly: true, filter: 'exact' },
    leadInspectorId: {
      type: 'reference',
      reference: 'users',
      label: { zh: '检查组长', en: 'Lead inspector' },
      help: { zh: '自查由学校填写，可不指定', en: 'Not needed for a self-inspection (the school fills it in)' },
      list: true,
      filter: 'exact',
    },
    team: { type: 'string', label: { zh: '检查组成员', en: 'Team' }, help: { zh: '姓名，用顿号分隔', en: 'Names, separated by 、' }, maxLength: 200 },
    plannedDate: { type: 'date', label: { zh: '计划检查日期', en: 'Planned for' }, required: true, list: true, sort: true, filter: 'range' },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: INSPECTION_STATUSES, readOnly: true, defaultValue: 'planned', list: true, filter: 'exact' },
    startedAt: { type: 'datetime', label: { zh: '开始时间', en: 'Started at' }, readOnly: true },
    answers: { type: 'json', label: { zh: '检查记录', en: 'Answers' }, readOnly: true },
    dataValues: { type: 'json', label: { zh: '数据项（开始时冻结）', en: 'Data items (frozen at start)' }, readOnly: true },
    samples: { type: 'json', label: { zh: '抽样学生', en: 'Sampled students' }, readOnly: true },
    selfInspectionId: {
      type: 'reference',
      reference: 'inspections',
      label: { zh: '对应自查', en: 'Self-inspection reviewed' },
      help: { zh: '核查时，学校在同一检查表上的自查', en: 'For a verification: the school’s own self-inspection on the same checklist' },
      readOnly: true,
    },
    score: { type: 'number', label: { zh: '得分', en: 'Score' }, decimals: 1, readOnly: true, list: true, sort: true, filter: 'range' },
    passed: { type: 'boolean', label: { zh: '合格', en: 'Passed' }, readOnly: true, list: true, filter: 'exact' },
    result: { type: 'json', label: { zh: '评分明细', en: 'Score by section and item' }, readOnly: true },
    findingsCount: { type: 'integer', label: { zh: '发现问题', en: 'Findings' }, readOnly: true, list: true },
    submittedAt: { type: 'datetime', label: { zh: '提交时间', en: 'Submitted at' }, readOnly: true, list: true, sort: true },
    submittedBy: { type: 'reference', reference: 'users', label: { zh: '提交人', en: 'Submitted by' }, readOnly: true },
    reopenReason: { type: 'text', label: { zh: '重新打开原因', en: 'Reason for reopening' }, readOnly: true, maxLength: 500 },
    reportFileId: { type: 'reference', reference: 'files', label: { zh: '检查报告', en: 'Report' }, readOnly: true },
  },
});
