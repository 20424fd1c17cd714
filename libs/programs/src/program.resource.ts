import { CONFIGURED_FIELD_ITEM_FIELDS, defineResource, ROLE_LABELS, ROLES, STAGES } from '@zizhu/schema';
import { ELIGIBILITY_SUBJECT } from './eligibility-subject';
import { checkProgram } from './program.rules';
import { APPROVAL_LEVELS, FUNDING_SOURCES, PROGRAM_CATEGORIES, TERM_KINDS, TERMS } from './program.enums';

const MONTH_DAY = { regex: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', message: { zh: '格式为 月-日，如 06-15', en: 'Month-day, e.g. 06-15' } };

/** 学校 → 审查认定 → 区县教育局 → 财政局确认 (the chain of the seeds' notices). */
export const DEFAULT_APPROVAL_STEPS = [
  { label: '学校申报', role: 'school', level: 'school' },
  { label: '审查认定', role: 'school', level: 'school' },
  { label: '区县教育局审核', role: 'county', level: 'county' },
  { label: '财政局确认', role: 'finance', level: 'city' },
] as const;

/**
 * 资助项目, configured by an administrator in the panel's designer — no code, no deploy.
 * Rosters copy what they need (tiers, fields, chain, rule) when they are created, so
 * editing a program never changes a roster already under way or approved.
 */
export const programResource = defineResource({
  name: 'programs',
  table: 'programs',
  label: { zh: '资助项目', en: 'Aid programs' },
  recordLabel: 'name',
  idType: 'integer',
  icon: 'volunteer_activism',
  menu: { group: 'programs', order: 1 },
  audited: true,
  versioned: true,
  // Configured by a bureau for its region; every unit below reads it.
  scope: { kind: 'reference', via: ['regionId'], publicRead: true },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: ['admin'],
    update: ['admin'],
    delete: ['admin'],
  },
  businessKey: ['code'],
  defaultSort: { field: 'code', order: 'ASC' },
  indexes: [{ name: 'ux_programs_code', columns: ['code'], unique: true }],
  check: checkProgram,
  fields: {
    name: { type: 'string', label: { zh: '项目名称', en: 'Name' }, required: true, maxLength: 100, list: true, sort: true, search: 'prefix', filter: 'prefix' },
    code: {
      type: 'string',
      label: { zh: '项目代码', en: 'Code' },
      required: true,
      maxLength: 30,
      pattern: { regex: '^[A-Z][A-Z0-9_-]{1,29}$', message: { zh: '大写字母开头，只含大写字母、数字、_ -', en: 'Capital letter first; A-Z, 0-9, _ - only' } },
      list: true,
      sort: true,
      filter: 'exact',
    },
    category: { type: 'enum', label: { zh: '项目类别', en: 'Category' }, required: true, options: PROGRAM_CATEGORIES, list: true, filter: 'exact' },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '实施区域', en: 'Region' },
      help: { zh: '项目适用的行政区划（通常为本市）', en: 'Where the program applies (usually the city)' },
      required: true,
      filter: 'exact',
    },
    stages: { type: 'enumList', label: { zh: '适用学段', en: 'Stages' }, required: true, options: STAGES, list: true },
    termKind: { type: 'enum', label: { zh: '发放周期', en: 'Terms' }, required: true, options: TERM_KINDS, defaultValue: 'semester' },
    firstYear: { type: 'integer', grouping: false, label: { zh: '起始年度', en: 'First year' }, required: true, min: 2000, max: 2100, list: true },
    lastYear: { type: 'integer', grouping: false, label: { zh: '截止年度', en: 'Last year' }, help: { zh: '留空表示长期执行', en: 'Empty: no end' }, min: 2000, max: 2100 },
    active: { type: 'boolean', label: { zh: '启用', en: 'Active' }, defaultValue: true, list: true, filter: 'exact' },
    supervisionPhone: {
      type: 'phone',
      label: { zh: '监督电话', en: 'Supervision phone' },
      help: { zh: '印在公示名单上，供群众对公示结果提出异议', en: 'Printed on the public notice, for objections to the listed recipients' },
    },
    tiers: {
      type: 'json',
      label: { zh: '资助档次与标准', en: 'Tiers and amounts' },
      help: { zh: '每档每学期（或每学年）的资助金额', en: 'Amount per term (or year) for each tier' },
      required: true,
      shape: {
        kind: 'list',
        minItems: 1,
        maxItems: 10,
        uniqueBy: 'code',
        itemFields: {
          code: { type: 'string', label: { zh: '档次代码', en: 'Code' }, required: true, maxLength: 20, pattern: { regex: '^[A-Za-z0-9_-]+$', message: { zh: '只含字母、数字、_ -', en: 'Letters, digits, _ - only' } } },
          label: { type: 'string', label: { zh: '档次名称', en: 'Label' }, required: true, maxLength: 30 },
          amount: { type: 'money', label: { zh: '标准（元）', en: 'Amount (yuan)' }, required: true, min: 1, max: 100_000_000 },
        },
      },
    },
    fundingShares: {
      type: 'json',
      label: { zh: '资金分担比例', en: 'Funding shares' },
      help: { zh: '各级财政分担的百分比，合计须为100%', en: 'Percent borne by each level; must total 100 %' },
      required: true,
      shape: {
        kind: 'list',
        minItems: 1,
        maxItems: 4,
        uniqueBy: 'source',
        itemFields: {
          source: { type: 'enum', label: { zh: '资金来源', en: 'Source' }, required: true, options: FUNDING_SOURCES },
          percent: { type: 'integer', label: { zh: '比例（%）', en: 'Percent' }, required: true, min: 1, max: 100 },
        },
      },
    },
    eligibilityRule: {
      type: 'json',
      label: { zh: '资助条件', en: 'Eligibility rule' },
      help: { zh: '满足条件的学生才能列入名单', en: 'Only students meeting it can be on a roster' },
      required: true,
      shape: { kind: 'rule', subject: ELIGIBILITY_SUBJECT },
    },
    autoEnrol: {
      type: 'boolean',
      label: { zh: '特殊身份学生自动纳入（最高档）', en: 'Auto-enrol special-identity students (top tier)' },
      help: { zh: '符合条件且有特殊身份的学生直接列入名单，按最高档，无需申请', en: 'Eligible students with a special identity go on the roster at the top tier, no application needed' },
      defaultValue: true,
    },
    applicationFields: {
      type: 'json',
      label: { zh: '申请表附加字段', en: 'Extra application fields' },
      help: { zh: '学校录入申请时需要填写的附加信息', en: 'What schools fill in for each application' },
      shape: { kind: 'list', maxItems: 20, uniqueBy: 'key', itemFields: CONFIGURED_FIELD_ITEM_FIELDS },
      defaultValue: [],
    },
    approvalSteps: {
      type: 'json',
      label: { zh: '审批流程', en: 'Approval chain' },
      help: { zh: '按顺序逐级审批；第一步由学校申报', en: 'Steps act in order; the first is the school submitting' },
      required: true,
      shape: {
        kind: 'list',
        minItems: 1,
        maxItems: 8,
        itemFields: {
          label: { type: 'string', label: { zh: '步骤名称', en: 'Step' }, required: true, maxLength: 30 },
          role: { type: 'enum', label: { zh: '办理角色', en: 'Role' }, required: true, options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })) },
          level: { type: 'enum', label: { zh: '办理层级', en: 'Level' }, required: true, options: APPROVAL_LEVELS },
        },
      },
      defaultValue: DEFAULT_APPROVAL_STEPS,
    },
    deadlines: {
      type: 'json',
      label: { zh: '报送截止日期', en: 'Deadlines' },
      help: { zh: '每学期名单审定的截止日期（月-日）', en: 'By when each term’s roster must be approved (month-day)' },
      shape: {
        kind: 'list',
        maxItems: 3,
        uniqueBy: 'term',
        itemFields: {
          term: { type: 'enum', label: { zh: '学期', en: 'Term' }, required: true, options: TERMS },
          monthDay: { type: 'string', label: { zh: '截止（月-日）', en: 'Due (MM-DD)' }, required: true, maxLength: 5, pattern: MONTH_DAY },
        },
      },
      defaultValue: [],
    },
  },
});
