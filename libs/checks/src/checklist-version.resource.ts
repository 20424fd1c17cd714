import { defineResource, type EnumOption } from '@zizhu/schema';

/** 版本状态: a draft is designed, a published version is used and never changes, a retired one is no longer offered. */
export const CHECKLIST_VERSION_STATUSES: readonly EnumOption[] = [
  { value: 'draft', label: { zh: '草稿', en: 'Draft' } },
  { value: 'published', label: { zh: '已发布', en: 'Published' } },
  { value: 'retired', label: { zh: '已停用', en: 'Retired' } },
];

export type ChecklistVersionStatus = 'draft' | 'published' | 'retired';

/**
 * 检查表版本: a template's sections and items (`definition`, a ChecklistDefinition checked
 * by findDefinitionProblem on every write) and its pass mark. Numbered by the server per
 * template (1, 2, …); draft → published (publish) → retired (retire). A published version
 * is frozen: every inspection points at the version it used. A new draft copies the
 * latest version (the template's `new-version`), so item keys stay the same year on year.
 */
export const checklistVersionResource = defineResource({
  name: 'checklist-versions',
  table: 'checklist_versions',
  label: { zh: '检查表版本', en: 'Checklist versions' },
  recordLabel: 'number',
  recordTitle: ['templateId', 'number'],
  idType: 'integer',
  icon: 'list',
  menu: { group: 'checks', order: 11 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['templateId'], readFromBelow: true },
  access: {
    list: ['admin', 'county', 'inspector', 'school'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin', 'county'],
  },
  // The definition is checked as a whole (findDefinitionProblem), never row by row.
  importable: false,
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ux_checklist_versions_number', columns: ['template_id', 'number'], unique: true },
    { name: 'ix_checklist_versions_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    templateId: {
      type: 'reference',
      reference: 'checklist-templates',
      label: { zh: '模板', en: 'Template' },
      required: true,
      immutable: true,
      list: true,
      filter: 'exact',
    },
    number: { type: 'integer', label: { zh: '版本号', en: 'Version' }, help: { zh: '自动编号', en: 'Numbered by the platform' }, readOnly: true, list: true, sort: true },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: CHECKLIST_VERSION_STATUSES, readOnly: true, defaultValue: 'draft', list: true, filter: 'exact' },
    passMark: {
      type: 'integer',
      label: { zh: '合格分', en: 'Pass mark' },
      help: { zh: '百分制，0–100', en: 'Out of 100' },
      required: true,
      min: 0,
      max: 100,
      defaultValue: 60,
      list: true,
    },
    definition: {
      type: 'json',
      label: { zh: '检查内容', en: 'Sections and items' },
      help: { zh: '部分与检查项，在设计器中编辑', en: 'Sections and items, edited in the designer' },
      required: true,
    },
    publishedAt: { type: 'datetime', label: { zh: '发布时间', en: 'Published at' }, readOnly: true, list: true },
    publishedBy: { type: 'reference', reference: 'users', label: { zh: '发布人', en: 'Published by' }, readOnly: true },
  },
});
