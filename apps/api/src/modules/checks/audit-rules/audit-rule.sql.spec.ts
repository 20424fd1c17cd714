import { AUDIT_RULE_SUBJECT } from '@zizhu/checks';
import { RULE_OPERATORS } from '@zizhu/schema';
import { auditRuleSql } from './audit-rule.sql';

describe('audit rule SQL', () => {
  it.each(AUDIT_RULE_SUBJECT.fields.map((f) => [f.key, f]))('compiles every operator of %s, values bound', (_key, field) => {
    for (const operator of RULE_OPERATORS[field.kind]) {
      const value = field.kind === 'boolean' ? true : field.kind === 'marks' ? ['1'] : [field.options?.[0]?.value ?? 'x'];
      const params: unknown[] = [];
      const sql = auditRuleSql({ combinator: 'and', rules: [{ field: field.key, operator: operator.name, value }] }, params);
      expect(sql).not.toContain(String(field.options?.[0]?.value ?? '\u0000'));
      expect(params.length).toBe(operator.takesValue === 'none' ? 0 : 1);
    }
  });

  it('refuses a field the subject does not declare', () => {
    expect(() => auditRuleSql({ combinator: 'and', rules: [{ field: 'income', operator: '=', value: '1' }] }, [])).toThrow('unknown field');
  });
});
