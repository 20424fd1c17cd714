import { defineResource } from '@zizhu/schema';
import { COMPLETION_RULES, DUTY_LEVELS, OCCURRENCE_FINISHED_STATUSES, OCCURRENCE_STATUSES } from './plans.enums';

/**
 * 任务完成情况: one duty, for one unit (a school, or a township or county region), for one
 * period, with its due date. Made by the nightly job (and on publishing) from the duty's
 * recurrence, once per (duty, unit, due date); its status follows the duty's completion rule:
 * the platform's data, or the unit's evidence and the planner's review. Scoped by the unit,
 * so each unit sees its own and the bureaus above see theirs.
 *
 * For 月点评/季通报: duties on time, late and missed per unit and period are one GROUP BY
 * over this table (`status` in done / late / missed, `unit_key`, `due_date`).
 */
export const dutyOccurrenceResource = defineResource({
  name: 'duty-occurrences',
  table: 'duty_occurrences',
  label: { zh: '任务完成情况', en: 'Duty occurrences' },
  recordLabel: 'dutyId',
  recordTitle: ['dutyId', 'dueDate'],
  idType: 'integer',
  icon: 'assignment_turned_in',
  menu: { group: 'tasks', order: 3 },
  audited: true,
  versioned: true,
  large: true,
  scope: { kind: 'reference', via: ['schoolId', 'regionId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector'],
    create: [],
    update: [],
    delete: [],
  },
  importable: false,
  defaultSort: { field: 'dueDate', order: 'DESC' },
  indexes: [
    { name: 'ux_duty_occurrences_unit_due', columns: ['duty_id', 'unit_key', 'due_date'], unique: true },
    { name: 'ix_duty_occurrences_plan', columns: ['plan_id', 'unit_key', 'due_date'] },
    { name: 'ix_duty_occurrences_open', columns: ['status', 'due_date'] },
    { name: 'ix_duty_occurrences_scope_path', columns: ['scope_path', 'id'] },
  ],
  overdue: {
    label: { zh: '逾期', en: 'Overdue' },
    help: { zh: '已过截止日期仍未完成（未提交）', en: 'Past its due date and not done (nothing submitted)' },
    dueField: 'dueDate',
    statusField: 'status',
    doneStatuses: OCCURRENCE_FINISHED_STATUSES,
  },
  fields: {
    dutyId: { type: 'reference', reference: 'duties', label: { zh: '任务', en: 'Duty' }, readOnly: true, list: true, filter: 'exact' },
    planId: { type: 'reference', reference: 'work-plans', label: { zh: '工作计划', en: 'Work plan' }, readOnly: true, filter: 'exact' },
    // `s<school id>` or `r<region code>`: one key per unit, for the uniqueness and for grouping by unit.
    unitKey: { type: 'string', label: { zh: '单位键', en: 'Unit key' }, readOnly: true, maxLength: 20, filter: 'exact' },
    schoolId: { type: 'reference', reference: 'schools', label: { zh: '学校', en: 'School' }, readOnly: true, list: true, filter: 'exact' },
    regionId: { type: 'reference', reference: 'regions', label: { zh: '责任区域', en: 'Region' }, help: { zh: '乡镇或区县层级的任务', en: 'For township and county duties' }, readOnly: true, list: true, filter: 'exact' },
    level: { type: 'enum', label: { zh: '责任层级', en: 'Level' }, options: DUTY_LEVELS, readOnly: true, filter: 'exact' },
    completionRule: { type: 'enum', label: { zh: '完成判定', en: 'Completion' }, options: COMPLETION_RULES, readOnly: true, filter: 'exact' },
    periodStart: { type: 'date', label: { zh: '本期开始', en: 'Period from' }, readOnly: true },
    dueDate: { type: 'date', label: { zh: '截止日期', en: 'Due date' }, readOnly: true, list: true, sort: true, filter: 'range' },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: OCCURRENCE_STATUSES, readOnly: true, defaultValue: 'pending', list: true, filter: 'exact' },
    completedAt: { type: 'date', label: { zh: '完成日期', en: 'Completed on' }, readOnly: true, list: true, sort: true },
    onTime: { type: 'boolean', label: { zh: '按时', en: 'On time' }, readOnly: true, filter: 'exact' },
    evidenceFileId: { type: 'reference', reference: 'files', label: { zh: '佐证材料', en: 'Evidence' }, readOnly: true },
    note: { type: 'text', label: { zh: '完成情况说明', en: 'Note' }, readOnly: true, maxLength: 1000 },
    submittedAt: { type: 'datetime', label: { zh: '提交时间', en: 'Submitted at' }, readOnly: true },
    submittedBy: { type: 'reference', reference: 'users', label: { zh: '提交人', en: 'Submitted by' }, readOnly: true },
    reviewedAt: { type: 'datetime', label: { zh: '审核时间', en: 'Reviewed at' }, readOnly: true },
    reviewedBy: { type: 'reference', reference: 'users', label: { zh: '审核人', en: 'Reviewed by' }, readOnly: true },
    returnReason: { type: 'text', label: { zh: '退回理由', en: 'Return reason' }, readOnly: true, maxLength: 500 },
  },
});

/** What a unit submits for a manual occurrence (`POST /api/duty-occurrences/:id/submit`): the evidence file and a note. */
export const dutySubmissionForm = defineResource({
  name: 'duty-submissions',
  table: 'duty_occurrences',
  label: { zh: '提交完成情况', en: 'Submission' },
  recordLabel: 'note',
  idType: 'integer',
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: [] },
  access: { list: [], create: ['school', 'county', 'admin'], update: [], delete: [] },
  defaultSort: { field: 'id', order: 'DESC' },
  fields: {
    evidenceFileId: {
      type: 'reference',
      reference: 'files',
      label: { zh: '佐证材料', en: 'Evidence' },
      help: { zh: 'PDF、JPG、PNG、Excel、Word，不超过 10 MB', en: 'PDF, JPG, PNG, Excel or Word; at most 10 MB' },
      required: true,
    },
    note: { type: 'text', label: { zh: '完成情况说明', en: 'Note' }, maxLength: 1000 },
  },
});
