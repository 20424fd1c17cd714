import { defineResource, recurrenceProblem } from '@zizhu/schema';
import { appliesToProblem } from './applies-to';
import { COMPLETION_RULES, DUTY_LEVELS } from './plans.enums';

/**
 * 工作任务: one duty of a plan — what, whose (each school of the region, or only some
 * stages; each township; the county), how often (an RFC 5545 RRULE from a fixed start, the
 * plan year's 1 January unless given), what evidence is expected, and how completion is
 * decided: by hand, or automatically from the platform's data (schools only).
 */
export const dutyResource = defineResource({
  name: 'duties',
  table: 'duties',
  label: { zh: '工作任务', en: 'Duties' },
  recordLabel: 'title',
  idType: 'integer',
  icon: 'assignment_turned_in',
  menu: { group: 'tasks', order: 2 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['planId'], readFromBelow: true },
  access: {
    list: ['admin', 'county', 'school', 'inspector'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin', 'county'],
  },
  defaultSort: { field: 'id', order: 'ASC' },
  indexes: [
    { name: 'ix_duties_plan', columns: ['plan_id', 'id'] },
    { name: 'ix_duties_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    planId: { type: 'reference', reference: 'work-plans', label: { zh: '工作计划', en: 'Work plan' }, required: true, immutable: true, list: true, filter: 'exact' },
    title: {
      type: 'string',
      label: { zh: '任务', en: 'Duty' },
      help: { zh: '如：每月20日前更新维护学生资助管理信息系统数据', en: 'e.g. update the aid system’s data by the 20th of each month' },
      required: true,
      maxLength: 200,
      list: true,
      search: 'prefix',
    },
    description: { type: 'text', label: { zh: '工作要求', en: 'Description' }, maxLength: 2000 },
    level: { type: 'enum', label: { zh: '责任层级', en: 'Responsible level' }, options: DUTY_LEVELS, required: true, defaultValue: 'school', list: true, filter: 'exact' },
    appliesTo: {
      type: 'json',
      label: { zh: '适用学校', en: 'Applies to' },
      help: { zh: '留空为区域内全部学校；可按学段筛选', en: 'Empty: every school of the region; or only some stages' },
    },
    recurrence: {
      type: 'string',
      label: { zh: '重复规则', en: 'Recurrence' },
      help: { zh: 'RFC 5545 RRULE，如每月20日 FREQ=MONTHLY;BYMONTHDAY=20，每年5月25日 FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25', en: 'An RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYMONTHDAY=20 or FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25' },
      required: true,
      maxLength: 200,
      list: true,
    },
    startDate: {
      type: 'date',
      label: { zh: '开始日期', en: 'Starts' },
      help: { zh: '从此日起按规则计算各期截止日；默认为计划年度的1月1日', en: 'Due dates count from this day; the plan year’s 1 January by default' },
    },
    evidenceExpected: { type: 'text', label: { zh: '佐证材料要求', en: 'Evidence expected' }, help: { zh: '如：系统更新截图、签收表', en: 'e.g. a screenshot, a signed receipt list' }, maxLength: 500 },
    completionRule: {
      type: 'enum',
      label: { zh: '完成判定', en: 'Completion' },
      help: { zh: '自动判定只适用于学校层级的任务', en: 'Automatic rules apply to school duties only' },
      options: COMPLETION_RULES,
      required: true,
      defaultValue: 'manual',
      list: true,
      filter: 'exact',
    },
  },
  check: (r) => {
    if (typeof r.recurrence === 'string') {
      const problem = recurrenceProblem(r.recurrence);
      if (problem) return { field: 'recurrence', message: problem };
    }
    const appliesTo = appliesToProblem(r.appliesTo);
    if (appliesTo) return { field: 'appliesTo', message: appliesTo };
    if (r.completionRule && r.completionRule !== 'manual' && r.level && r.level !== 'school') {
      return { field: 'completionRule', message: { zh: '自动判定只适用于学校层级的任务，请选择人工审核', en: 'Automatic rules decide school duties only: choose manual' } };
    }
    return null;
  },
});
