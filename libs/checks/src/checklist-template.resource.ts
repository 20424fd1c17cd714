import { CHECKLIST_KINDS, defineResource } from '@zizhu/schema';

/**
 * 检查表模板: a checklist a bureau designs for its region (专项检查, 月巡视, 自查, 考核,
 * 明查暗访). The items live in its versions (checklist-versions); the template only names
 * the checklist and says who owns it. A county designs its own; the city's templates are
 * read by everyone below, schools included (自查).
 */
export const checklistTemplateResource = defineResource({
  name: 'checklist-templates',
  table: 'checklist_templates',
  label: { zh: '检查表模板', en: 'Checklist templates' },
  recordLabel: 'name',
  idType: 'integer',
  icon: 'fact_check',
  menu: { group: 'checks', order: 10 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['regionId'], readFromBelow: true },
  access: {
    list: ['admin', 'county', 'inspector', 'school'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin', 'county'],
  },
  businessKey: ['code'],
  defaultSort: { field: 'code', order: 'ASC' },
  indexes: [
    { name: 'ux_checklist_templates_code', columns: ['code'], unique: true },
    { name: 'ix_checklist_templates_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    code: {
      type: 'string',
      label: { zh: '模板代码', en: 'Code' },
      required: true,
      maxLength: 30,
      pattern: { regex: '^[A-Z][A-Z0-9_-]{1,29}$', message: { zh: '大写字母开头，只含大写字母、数字、_ -', en: 'Capital letter first; A-Z, 0-9, _ - only' } },
      list: true,
      sort: true,
      filter: 'exact',
    },
    name: { type: 'string', label: { zh: '模板名称', en: 'Name' }, required: true, maxLength: 100, list: true, sort: true, search: 'prefix' },
    kind: { type: 'enum', label: { zh: '检查类型', en: 'Kind' }, options: CHECKLIST_KINDS, required: true, list: true, filter: 'exact' },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '所属区域', en: 'Owner region' },
      help: { zh: '设计该模板的教育局；其下的单位和学校可以查看', en: 'The bureau that designs it; units and schools below it read it' },
      required: true,
      immutable: true,
      list: true,
      filter: 'exact',
    },
    description: { type: 'text', label: { zh: '说明', en: 'Description' }, maxLength: 2000 },
  },
});
