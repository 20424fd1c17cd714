import type { RuleSubject } from './field';
import { findRuleProblem, ruleValues } from './rule';

const subject: RuleSubject = {
  resource: 'students',
  fields: [
    { key: 'stage', label: { zh: '学段', en: 'Stage' }, kind: 'enum', options: [{ value: 'senior', label: { zh: '普高', en: 'Senior' } }] },
    { key: 'boarding', label: { zh: '寄宿生', en: 'Boarder' }, kind: 'boolean' },
    { key: 'marks', label: { zh: '特殊身份', en: 'Identity' }, kind: 'marks', reference: 'identity-types' },
  ],
};

describe('eligibility rules', () => {
  it('accepts nested groups over the subject’s fields', () => {
    const rule = {
      combinator: 'and',
      rules: [
        { field: 'stage', operator: '=', value: 'senior' },
        { combinator: 'or', not: true, rules: [{ field: 'marks', operator: 'hasAny' }, { field: 'boarding', operator: '=', value: 'true' }] },
        { field: 'marks', operator: 'in', value: '1,2' },
      ],
    };
    expect(findRuleProblem(subject, rule)).toBeNull();
  });

  it.each([
    ['not a group', [], '格式'],
    ['an unknown combinator', { combinator: 'xor', rules: [] }, '并且'],
    ['an unknown field', { combinator: 'and', rules: [{ field: 'income', operator: '=', value: 1 }] }, '未知字段'],
    ['an operator the field lacks', { combinator: 'and', rules: [{ field: 'boarding', operator: 'in', value: ['true'] }] }, '不支持'],
    ['a missing value', { combinator: 'and', rules: [{ field: 'stage', operator: '=', value: '' }] }, '选择值'],
    ['an option not offered', { combinator: 'and', rules: [{ field: 'stage', operator: 'in', value: ['senior', 'x'] }] }, '“x”'],
    ['identity values that are not ids', { combinator: 'and', rules: [{ field: 'marks', operator: 'in', value: ['低保'] }] }, '身份类型'],
  ])('refuses %s', (_case, rule, text) => {
    expect(findRuleProblem(subject, rule)?.zh).toContain(text);
  });

  it('reads list values from arrays or comma-joined text', () => {
    expect(ruleValues(['a', ' b '])).toEqual(['a', 'b']);
    expect(ruleValues('a, b,')).toEqual(['a', 'b']);
    expect(ruleValues(undefined)).toEqual([]);
  });
});
