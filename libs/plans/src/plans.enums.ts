import type { EnumOption } from '@zizhu/schema';

/** 计划状态: a draft is written (duties added, imported, reviewed); published, its occurrences are generated and followed. */
export const WORK_PLAN_STATUSES: readonly EnumOption[] = [
  { value: 'draft', label: { zh: '草稿', en: 'Draft' } },
  { value: 'published', label: { zh: '已发布', en: 'Published' } },
];

export type WorkPlanStatus = 'draft' | 'published';

/** 责任层级: whose duty it is — each school, each township (乡镇), or the county. */
export const DUTY_LEVELS: readonly EnumOption[] = [
  { value: 'school', label: { zh: '学校', en: 'School' } },
  { value: 'township', label: { zh: '乡镇', en: 'Township' } },
  { value: 'county', label: { zh: '区县', en: 'County' } },
];

export type DutyLevel = 'school' | 'township' | 'county';

/**
 * 完成判定: by hand (the unit submits evidence, the planner accepts or returns it) or from
 * the platform's own data, one rule each (the API's catalogue, `modules/plans/rules/`,
 * holds their queries; a spec keeps both lists the same).
 */
export const COMPLETION_RULES: readonly EnumOption[] = [
  { value: 'manual', label: { zh: '人工审核（单位提交佐证）', en: 'Manual (the unit submits evidence)' } },
  { value: 'recordsUpdated', label: { zh: '自动：学生信息本期已更新或确认', en: 'Automatic: student records updated or confirmed this period' } },
  { value: 'comparisonDecided', label: { zh: '自动：比对结果全部核实', en: 'Automatic: every comparison result decided' } },
  { value: 'rosterPaid', label: { zh: '自动：审定名单全部发放', en: 'Automatic: every approved roster entry paid' } },
  { value: 'lettersDelivered', label: { zh: '自动：致家长的一封信全部送达', en: 'Automatic: every letter to families delivered' } },
  { value: 'rectificationsClosed', label: { zh: '自动：问题线索全部整改办结', en: 'Automatic: every problem clue closed' } },
];

export type CompletionRule = 'manual' | 'recordsUpdated' | 'comparisonDecided' | 'rosterPaid' | 'lettersDelivered' | 'rectificationsClosed';

/**
 * 完成状态 of one occurrence: 待完成 until its due date, then 未完成 (missed) when nothing
 * met it; a manual one is 待审核 once the unit submitted and 已退回 when the planner sent
 * it back; 按时完成 or 逾期完成 once done (met, or accepted, by the due date or after it).
 */
export const OCCURRENCE_STATUSES: readonly EnumOption[] = [
  { value: 'pending', label: { zh: '待完成', en: 'To do' } },
  { value: 'submitted', label: { zh: '待审核', en: 'Submitted' } },
  { value: 'returned', label: { zh: '已退回', en: 'Returned' } },
  { value: 'done', label: { zh: '按时完成', en: 'Done on time' } },
  { value: 'late', label: { zh: '逾期完成', en: 'Done late' } },
  { value: 'missed', label: { zh: '未完成', en: 'Missed' } },
];

/** Statuses after which nothing more is expected of the unit (never overdue). */
export const OCCURRENCE_FINISHED_STATUSES: readonly string[] = ['done', 'late', 'submitted'];

/** Statuses a unit may submit evidence from. */
export const OCCURRENCE_SUBMITTABLE_STATUSES: readonly string[] = ['pending', 'returned', 'missed'];
