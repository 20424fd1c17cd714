import type { EnumOption } from '@zizhu/schema';

/** 检查计划状态: a plan is drafted (schools and inspectors assigned), published (inspections may start), closed (no more starts). */
export const INSPECTION_PLAN_STATUSES: readonly EnumOption[] = [
  { value: 'draft', label: { zh: '草稿', en: 'Draft' } },
  { value: 'published', label: { zh: '已发布', en: 'Published' } },
  { value: 'closed', label: { zh: '已结束', en: 'Closed' } },
];

export type InspectionPlanStatus = 'draft' | 'published' | 'closed';

/**
 * 检查状态: planned → started (data items frozen, samples drawn; answers saved as drafts) →
 * submitted (scored, frozen, findings raised). Reopening (with a logged reason) returns a
 * submitted inspection to started; submitting again scores it again.
 */
export const INSPECTION_STATUSES: readonly EnumOption[] = [
  { value: 'planned', label: { zh: '待检查', en: 'Planned' } },
  { value: 'started', label: { zh: '检查中', en: 'In progress' } },
  { value: 'submitted', label: { zh: '已提交', en: 'Submitted' } },
];

export type InspectionStatus = 'planned' | 'started' | 'submitted';
