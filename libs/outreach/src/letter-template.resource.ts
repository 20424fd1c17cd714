import { defineResource } from '@zizhu/schema';
import { LETTER_TEMPLATE_STATUSES } from './outreach.enums';

/**
 * 致家长的一封信 template: the letter's text with placeholders ({{studentName}},
 * {{payments}}, {{total}}, {{account}}, {{schoolName}}, {{queryUrl}} …) and the 回执 slip's
 * text, owned by a bureau and read by everyone below it. Every change of a published
 * template's text makes a new revision; each letter records the revision it was made from.
 */
export const letterTemplateResource = defineResource({
  name: 'letter-templates',
  table: 'letter_templates',
  label: { zh: '告知书模板', en: 'Letter templates' },
  recordLabel: 'name',
  idType: 'integer',
  icon: 'mail',
  menu: { group: 'tasks', order: 30 },
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
  indexes: [{ name: 'ix_letter_templates_scope_path', columns: ['scope_path', 'id'] }],
  fields: {
    name: { type: 'string', label: { zh: '模板名称', en: 'Name' }, required: true, maxLength: 100, list: true, sort: true, search: 'prefix' },
    regionId: { type: 'reference', reference: 'regions', label: { zh: '所属区域', en: 'Owner region' }, required: true, immutable: true, list: true, filter: 'exact' },
    body: {
      type: 'text',
      label: { zh: '正文', en: 'Letter text' },
      help: {
        zh: '可用占位符：{{studentName}} 学生姓名、{{guardianName}} 家长姓名、{{schoolName}} 学校、{{className}} 年级班级、{{term}} 学期、{{payments}} 资助明细（每笔一行）、{{total}} 合计金额、{{account}} 收款账号（遮挡）、{{queryUrl}} 查询网址、{{issuer}} 落款单位',
        en: 'Placeholders: {{studentName}} {{guardianName}} {{schoolName}} {{className}} {{term}} {{payments}} (one line each) {{total}} {{account}} (masked) {{queryUrl}} {{issuer}}',
      },
      required: true,
      maxLength: 8000,
    },
    receiptText: {
      type: 'text',
      label: { zh: '回执内容', en: 'Receipt slip text' },
      help: { zh: '家长签字后交回学校的回执（可用与正文相同的占位符）', en: 'The slip the family signs and returns to the school (same placeholders as the text)' },
      required: true,
      maxLength: 2000,
    },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: LETTER_TEMPLATE_STATUSES, readOnly: true, defaultValue: 'draft', list: true, filter: 'exact' },
    revision: { type: 'integer', label: { zh: '修订版本', en: 'Revision' }, help: { zh: '发布后每次修改正文加一', en: 'Goes up by one with each change after publishing' }, readOnly: true, list: true },
    publishedAt: { type: 'datetime', label: { zh: '发布时间', en: 'Published at' }, readOnly: true },
  },
});
