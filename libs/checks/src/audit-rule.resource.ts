import { defineResource, type EnumOption } from '@zizhu/schema';
import { AUDIT_RULE_SUBJECT } from './audit-rule-subject';
import { SEVERITIES } from './check.enums';

/** How serious a rule's matches are, for sorting the work (the clue's due date comes from the days to rectify). */
export const AUDIT_RULE_SEVERITIES: readonly EnumOption[] = SEVERITIES;

/**
 * 稽核规则: a condition over paid payment lines (AUDIT_RULE_SUBJECT), edited in the rule
 * editor, no code. Run nightly and on demand as one SQL statement; each matching line opens
 * one clue (source 平台数据规则, kind = the rule's name) for the school that paid it, once
 * per rule and line. Such a clue is accepted (销号) only when the rule no longer matches it.
 */
export const auditRuleResource = defineResource({
  name: 'audit-rules',
  table: 'audit_rules',
  label: { zh: '稽核规则', en: 'Audit rules' },
  recordLabel: 'name',
  idType: 'integer',
  icon: 'fact_check',
  menu: { group: 'checks', order: 3 },
  audited: true,
  versioned: true,
  // Configured by a bureau for its region; counties below read and run it over their own schools.
  scope: { kind: 'reference', via: ['regionId'], publicRead: true },
  access: {
    list: ['admin', 'county', 'inspector'],
    create: ['admin'],
    update: ['admin'],
    delete: ['admin'],
  },
  defaultSort: { field: 'id', order: 'ASC' },
  indexes: [{ name: 'ux_audit_rules_name', columns: ['name'], unique: true }],
  fields: {
    name: {
      type: 'string',
      label: { zh: '规则名称', en: 'Name' },
      help: { zh: '也是所开线索的问题类型', en: 'Also the kind of the clues it opens' },
      required: true,
      maxLength: 100,
      list: true,
      sort: true,
      search: 'prefix',
    },
    description: {
      type: 'text',
      label: { zh: '规则说明', en: 'Description' },
      help: { zh: '写入所开线索的描述：问题是什么、学校应如何整改', en: 'Written into each clue: what is wrong and how the school puts it right' },
      required: true,
      maxLength: 1800,
    },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '稽核区域', en: 'Region' },
      help: { zh: '只检查该区域内学校的发放', en: 'Only payments by schools in this region are checked' },
      required: true,
      filter: 'exact',
    },
    programId: {
      type: 'reference',
      reference: 'programs',
      label: { zh: '资助项目', en: 'Program' },
      help: { zh: '留空表示检查所有项目', en: 'Empty: every program' },
      list: true,
      filter: 'exact',
    },
    condition: {
      type: 'json',
      label: { zh: '问题条件', en: 'Condition' },
      help: { zh: '满足条件的已发放明细即为问题', en: 'A paid line meeting it is a problem' },
      required: true,
      shape: { kind: 'rule', subject: AUDIT_RULE_SUBJECT },
    },
    severity: { type: 'enum', label: { zh: '严重程度', en: 'Severity' }, options: AUDIT_RULE_SEVERITIES, required: true, defaultValue: 'medium', list: true, filter: 'exact' },
    daysToRectify: {
      type: 'integer',
      label: { zh: '整改期限（天）', en: 'Days to rectify' },
      help: { zh: '线索的核实期限为开立日加此天数', en: 'A clue is due this many days after it is opened' },
      required: true,
      min: 1,
      max: 365,
      defaultValue: 30,
    },
    active: { type: 'boolean', label: { zh: '启用', en: 'Active' }, help: { zh: '启用的规则每晚自动运行', en: 'Active rules run every night' }, defaultValue: true, list: true, filter: 'exact' },
    lastRunAt: { type: 'datetime', label: { zh: '上次运行', en: 'Last run' }, readOnly: true, list: true, sort: true },
    lastMatched: { type: 'integer', label: { zh: '上次命中', en: 'Last matches' }, help: { zh: '上次运行时符合条件的发放明细数', en: 'Paid lines that met the condition on the last run' }, readOnly: true, list: true },
    lastOpened: { type: 'integer', label: { zh: '上次新开线索', en: 'Clues opened last run' }, readOnly: true },
  },
});
