import { isRuleGroup, RULE_OPERATORS, ruleValues, type RuleCondition, type RuleGroup, type RuleSubject } from '@zizhu/schema';
import type { Language } from '../providers/locales';
import { RULE_TEXTS } from './shape-messages';

/**
 * A rule as a sentence: 学段 属于其中之一 普高、中职 并且 有任一特殊身份. Nested groups
 * are bracketed; identity marks read by their operator alone (it names the subject).
 */
export function ruleText(rule: unknown, subject: RuleSubject, lang: Language, markNames: ReadonlyMap<string, string>): string {
  if (!isGroup(rule)) return '';
  if (rule.rules.length === 0) return RULE_TEXTS.everyone[lang];
  return groupText(rule, subject, lang, markNames, false);
}

function isGroup(value: unknown): value is RuleGroup {
  return typeof value === 'object' && value !== null && isRuleGroup(value as RuleGroup);
}

function groupText(group: RuleGroup, subject: RuleSubject, lang: Language, marks: ReadonlyMap<string, string>, nested: boolean): string {
  const joiner = ` ${RULE_TEXTS[group.combinator === 'or' ? 'or' : 'and'][lang]} `;
  const body = group.rules
    .map((node) => (isRuleGroup(node) ? groupText(node, subject, lang, marks, true) : conditionText(node, subject, lang, marks)))
    .join(joiner);
  if (group.not) return RULE_TEXTS.notText[lang].replace('%{rule}', body);
  return nested && group.rules.length > 1 ? `（${body}）` : body;
}

function conditionText(condition: RuleCondition, subject: RuleSubject, lang: Language, marks: ReadonlyMap<string, string>): string {
  const field = subject.fields.find((candidate) => candidate.key === condition.field);
  if (!field) return condition.field;
  const operator = RULE_OPERATORS[field.kind].find((candidate) => candidate.name === condition.operator);
  const operatorLabel = operator?.label[lang] ?? condition.operator;
  const separator = lang === 'zh' ? '、' : ', ';
  const values = ruleValues(condition.value).map((value) => {
    if (field.kind === 'boolean') return value === 'true' ? RULE_TEXTS.yes[lang] : RULE_TEXTS.no[lang];
    if (field.kind === 'marks') return marks.get(value) ?? RULE_TEXTS.unknownMark[lang].replace('%{id}', value);
    return field.options?.find((option) => option.value === value)?.label[lang] ?? value;
  });
  const parts = field.kind === 'marks' ? [operatorLabel] : [field.label[lang], operatorLabel];
  if (operator?.takesValue !== 'none') parts.push(values.join(separator));
  return parts.join(' ');
}
