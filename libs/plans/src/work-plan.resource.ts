import { defineResource } from '@zizhu/schema';
import { WORK_PLAN_STATUSES } from './plans.enums';

/**
 * 工作计划: a bureau's plan for one year (seed 004's 月度工作计划): its duties say what each
 * school, township or the county must do by when. Written as a draft (by hand, or imported
 * from the county's Excel sheet), then published: from then on each duty's occurrences are
 * generated per unit and period, and followed. Read by every unit below the bureau.
 */
export const workPlanResource = defineResource({
  name: 'work-plans',
  table: 'work_plans',
  label: { zh: '工作计划', en: 'Work plans' },
  recordLabel: 'name',
  idType: 'integer',
  icon: 'event_note',
  menu: { group: 'tasks', order: 1 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['regionId'], readFromBelow: true },
  access: {
    list: ['admin', 'county', 'school', 'inspector'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin', 'county'],
  },
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [{ name: 'ix_work_plans_scope_path', columns: ['scope_path', 'id'] }],
  fields: {
    name: {
      type: 'string',
      label: { zh: '计划名称', en: 'Name' },
      help: { zh: '如：玉州区2026年度学生资助工作月度工作计划', en: 'e.g. 2026 monthly work plan for student aid' },
      required: true,
      maxLength: 100,
      list: true,
      sort: true,
      search: 'prefix',
    },
    year: { type: 'integer', label: { zh: '年度', en: 'Year' }, grouping: false, required: true, immutable: true, min: 2000, max: 2100, list: true, sort: true, filter: 'exact' },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '制定单位', en: 'Planned by' },
      help: { zh: '制定计划的市或区县教育局；计划适用于其区域内的单位', en: 'The city or county bureau; the plan applies to the units in its region' },
      required: true,
      immutable: true,
      list: true,
      filter: 'exact',
    },
    description: { type: 'text', label: { zh: '计划说明', en: 'Description' }, maxLength: 4000 },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: WORK_PLAN_STATUSES, readOnly: true, defaultValue: 'draft', list: true, filter: 'exact' },
    publishedAt: { type: 'datetime', label: { zh: '发布时间', en: 'Published at' }, readOnly: true, list: true },
    publishedBy: { type: 'reference', reference: 'users', label: { zh: '发布人', en: 'Published by' }, readOnly: true },
  },
});
