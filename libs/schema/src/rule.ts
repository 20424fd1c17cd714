import type { RuleSubject, RuleSubjectField } from './field';
import type { Localized } from './role';

/**
 * A condition tree, stored as JSON in the shape react-querybuilder edits (so the panel's
 * visual editor reads and writes it as is) and compiled to SQL by the API.
 */
export interface RuleCondition {
  field: string;
  operator: string;
  value?: unknown;
  id?: string;
}

export interface RuleGroup {
  combinator: 'and' | 'or';
  not?: boolean;
  rules: readonly (RuleCondition | RuleGroup)[];
  id?: string;
}

export function isRuleGroup(node: RuleCondition | RuleGroup): node is RuleGroup {
  return Array.isArray((node as RuleGroup).rules);
}

/** Operators each kind of subject field offers, with their labels. */
export const RULE_OPERATORS: Record<RuleSubjectField['kind'], readonly { name: string; label: Localized; takesValue: 'one' | 'many' | 'none' }[]> = {
  enum: [
    { name: '=', label: { zh: '等于', en: 'is' }, takesValue: 'one' },
    { name: '!=', label: { zh: '不等于', en: 'is not' }, takesValue: 'one' },
    { name: 'in', label: { zh: '属于其中之一', en: 'is one of' }, takesValue: 'many' },
    { name: 'notIn', label: { zh: '不属于', en: 'is none of' }, takesValue: 'many' },
  ],
  boolean: [{ name: '=', label: { zh: '等于', en: 'is' }, takesValue: 'one' }],
  marks: [
    { name: 'hasAny', label: { zh: '有任一特殊身份', en: 'has any special identity' }, takesValue: 'none' },
    { name: 'hasNone', label: { zh: '无特殊身份', en: 'has no special identity' }, takesValue: 'none' },
    { name: 'in', label: { zh: '有以下身份之一', en: 'has one of' }, takesValue: 'many' },
    { name: 'notIn', label: { zh: '没有以下身份', en: 'has none of' }, takesValue: 'many' },
  ],
};

export const MAX_RULE_DEPTH = 5;

/** A rule value as a list: the editor may send an array or a comma-joined string. */
export function ruleValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value == null ? [] : [value];
  return list.map((v) => String(v).trim()).filter((v) => v !== '');
}

/** A boolean rule value ("true"/"false" from the editor's select, or a real boolean). */
export function ruleBoolean(value: unknown): boolean | null {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
}

/** The first problem of a rule against its subject, or null when it can be evaluated. */
export function findRuleProblem(subject: RuleSubject, rule: unknown, depth = 1): Localized | null {
  if (rule == null || typeof rule !== 'object' || !isRuleGroup(rule as RuleGroup)) {
    return { zh: '规则格式不正确', en: 'The rule is malformed' };
  }
  const group = rule as RuleGroup;
  if (group.combinator !== 'and' && group.combinator !== 'or') return { zh: '条件组须为“并且”或“或者”', en: 'A group must combine with and/or' };
  if (depth > MAX_RULE_DEPTH) return { zh: `条件嵌套不能超过${MAX_RULE_DEPTH}层`, en: `Groups nest at most ${MAX_RULE_DEPTH} deep` };
  for (const node of group.rules) {
    const problem = isRuleGroup(node) ? findRuleProblem(subject, node, depth + 1) : conditionProblem(subject, node);
    if (problem) return problem;
  }
  return null;
}

function conditionProblem(subject: RuleSubject, condition: RuleCondition): Localized | null {
  const field = subject.fields.find((f) => f.key === condition.field);
  if (!field) return { zh: `规则引用了未知字段“${condition.field}”`, en: `The rule names an unknown field "${condition.field}"` };
  const operator = RULE_OPERATORS[field.kind].find((o) => o.name === condition.operator);
  const name = field.label.zh;
  if (!operator) return { zh: `“${name}”不支持该比较方式`, en: `"${field.label.en}" does not support "${condition.operator}"` };
  if (operator.takesValue === 'none') return null;
  const values = ruleValues(condition.value);
  if (values.length === 0) return { zh: `请为“${name}”选择值`, en: `Choose a value for "${field.label.en}"` };
  if (operator.takesValue === 'one' && values.length > 1) return { zh: `“${name}”只能选择一个值`, en: `"${field.label.en}" takes one value` };
  if (field.kind === 'boolean' && ruleBoolean(condition.value) === null) return { zh: `“${name}”须为是或否`, en: `"${field.label.en}" must be yes or no` };
  if (field.kind === 'enum') {
    const unknown = values.find((v) => !(field.options ?? []).some((o) => o.value === v));
    if (unknown !== undefined) return { zh: `“${name}”没有选项“${unknown}”`, en: `"${field.label.en}" has no option "${unknown}"` };
  }
  if (field.kind === 'marks' && values.some((v) => !/^\d+$/.test(v))) {
    return { zh: `“${name}”须选择身份类型`, en: `"${field.label.en}" takes identity types` };
  }
  return null;
}
