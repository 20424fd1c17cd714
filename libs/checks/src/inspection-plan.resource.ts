import { defineResource, INSPECTION_MODES } from '@zizhu/schema';
import { INSPECTION_PLAN_STATUSES } from './inspection.enums';

/**
 * 检查计划: a bureau's round of inspections with one published checklist version — a 专项检查
 * of its schools, a 抽查, or the schools' own 自查 (then a 核查 plan on the same version
 * reviews them). Its inspections (one per school) carry the inspectors and dates; the plan
 * says the mode, the window and the days a school has to rectify a finding.
 */
export const inspectionPlanResource = defineResource({
  name: 'inspection-plans',
  table: 'inspection_plans',
  label: { zh: '检查计划', en: 'Inspection plans' },
  recordLabel: 'name',
  idType: 'integer',
  icon: 'event_note',
  menu: { group: 'checks', order: 12 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['regionId'], readFromBelow: true },
  access: {
    list: ['admin', 'county', 'inspector', 'school'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin', 'county'],
  },
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [{ name: 'ix_inspection_plans_scope_path', columns: ['scope_path', 'id'] }],
  fields: {
    name: {
      type: 'string',
      label: { zh: '计划名称', en: 'Name' },
      help: { zh: '如：2026年春季学生资助工作专项检查', en: 'e.g. Spring 2026 special inspection of student aid' },
      required: true,
      maxLength: 100,
      list: true,
      sort: true,
      search: 'prefix',
    },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '组织单位', en: 'Organised by' },
      help: { zh: '组织检查的教育局；只能检查其区域内的学校', en: 'The bureau that runs it; only its own schools are inspected' },
      required: true,
      immutable: true,
      list: true,
      filter: 'exact',
    },
    versionId: {
      type: 'reference',
      reference: 'checklist-versions',
      label: { zh: '检查表', en: 'Checklist' },
      help: { zh: '已发布的检查表版本', en: 'A published checklist version' },
      required: true,
      immutable: true,
      list: true,
      filter: 'exact',
    },
    mode: { type: 'enum', label: { zh: '检查方式', en: 'Mode' }, options: INSPECTION_MODES, required: true, immutable: true, list: true, filter: 'exact' },
    startDate: { type: 'date', label: { zh: '开始日期', en: 'Starts' }, required: true, list: true, sort: true, filter: 'range' },
    endDate: { type: 'date', label: { zh: '截止日期', en: 'Ends' }, required: true, list: true, sort: true },
    daysToRectify: {
      type: 'integer',
      label: { zh: '整改期限（天）', en: 'Days to rectify' },
      help: { zh: '发现的问题自检查提交之日起的整改期限', en: 'A finding is due this many days after the inspection is submitted' },
      required: true,
      min: 1,
      max: 365,
      defaultValue: 30,
    },
    description: { type: 'text', label: { zh: '检查要求', en: 'Instructions' }, maxLength: 2000 },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: INSPECTION_PLAN_STATUSES, readOnly: true, defaultValue: 'draft', list: true, filter: 'exact' },
  },
  check: (r) =>
    r.startDate && r.endDate && String(r.endDate) < String(r.startDate)
      ? { field: 'endDate', message: { zh: '截止日期不能早于开始日期', en: 'The end cannot be before the start' } }
      : null,
});
