import type { Localized } from '@zizhu/schema';

/** The rule editor's and rule text's words (`zizhu.rule.*`). */
export const RULE_TEXTS = {
  field: { zh: '条件项', en: 'Field' },
  operator: { zh: '比较方式', en: 'Operator' },
  value: { zh: '值', en: 'Value' },
  combinator: { zh: '组合方式', en: 'Combine with' },
  and: { zh: '并且', en: 'and' },
  or: { zh: '或者', en: 'or' },
  not: { zh: '不满足', en: 'not' },
  notText: { zh: '不满足（%{rule}）', en: 'not (%{rule})' },
  addRule: { zh: '添加条件', en: 'Add condition' },
  addGroup: { zh: '添加条件组', en: 'Add group' },
  removeRule: { zh: '删除条件', en: 'Remove condition' },
  removeGroup: { zh: '删除条件组', en: 'Remove group' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  everyone: { zh: '所有学生（无限制条件）', en: 'Every student (no condition)' },
  empty: { zh: '尚无条件：不加限制。点击“添加条件”设定资助条件。', en: 'No condition yet: everyone qualifies. Add a condition to restrict.' },
  unknownMark: { zh: '身份类型 #%{id}', en: 'Identity type #%{id}' },
} satisfies Record<string, Localized>;

/** The configured-values sub-form's texts (`zizhu.values.*`). */
export const VALUES_TEXTS = {
  chooseFirst: { zh: '请先选择“%{field}”，再填写其附加信息', en: 'Choose the %{field} first; its extra fields appear here' },
  none: { zh: '无需填写附加信息', en: 'No extra fields to fill in' },
} satisfies Record<string, Localized>;
