import { columnName, isRuleGroup, ruleBoolean, type RuleCondition, type RuleGroup, ruleValues } from '@zizhu/schema';
import { studentResource } from '@zizhu/students';

/** A student's marks: comparison results that count, and approved omissions. */
export function marksExist(student: string, typeIds?: string): string {
  const byType = (alias: string) => (typeIds ? ` AND ${alias}.identity_type_id = ANY(${typeIds}::int[])` : '');
  return `(EXISTS (SELECT 1 FROM comparison_results mr WHERE mr.student_id = ${student}.id AND mr.marked${byType('mr')})
    OR EXISTS (SELECT 1 FROM omissions mo WHERE mo.student_id = ${student}.id AND mo.status = 'approved'${byType('mo')}))`;
}

/**
 * The default aid tier of the student's highest-priority special identity — the one that
 * drives aid, first among the student's marks (same order) — or NULL.
 */
export function drivingAidTierSql(student = 's'): string {
  return `(SELECT it.aid_tier FROM (
      SELECT mr.identity_type_id FROM comparison_results mr WHERE mr.student_id = ${student}.id AND mr.marked
      UNION ALL
      SELECT mo.identity_type_id FROM omissions mo WHERE mo.student_id = ${student}.id AND mo.status = 'approved') k
    JOIN identity_types it ON it.id = k.identity_type_id
   ORDER BY it.priority, it.id LIMIT 1)`;
}

/** "Has any special identity": the condition auto-enrolment adds to the program's rule. */
export function anyMarkSql(student = 's'): string {
  return marksExist(student);
}

/**
 * Compiles an eligibility rule (validated against ELIGIBILITY_SUBJECT when the program was
 * saved) to a SQL condition over `students` aliased `student`. Values are bound through
 * `params`; field names come from the declaration, never from the rule text.
 */
export function eligibilitySql(rule: RuleGroup, params: unknown[], student = 's'): string {
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const group = (node: RuleGroup): string => {
    const parts = node.rules.map((child) => (isRuleGroup(child) ? group(child) : condition(child)));
    const joined = parts.length ? parts.join(node.combinator === 'or' ? ' OR ' : ' AND ') : 'TRUE';
    return node.not ? `NOT (${joined})` : `(${joined})`;
  };
  const condition = (c: RuleCondition): string => {
    if (c.field === 'marks') {
      switch (c.operator) {
        case 'hasAny':
          return marksExist(student);
        case 'hasNone':
          return `NOT ${marksExist(student)}`;
        case 'in':
          return marksExist(student, bind(ruleValues(c.value).map(Number)));
        case 'notIn':
          return `NOT ${marksExist(student, bind(ruleValues(c.value).map(Number)))}`;
      }
    }
    const field = studentResource.fields[c.field];
    if (!field) throw new Error(`eligibility rule names unknown field ${c.field}`);
    const column = `${student}."${columnName(c.field, field)}"`;
    switch (c.operator) {
      case '=':
        return field.type === 'boolean' ? `${column} = ${bind(ruleBoolean(c.value))}` : `${column} = ${bind(ruleValues(c.value)[0])}`;
      case '!=':
        return `${column} IS DISTINCT FROM ${bind(ruleValues(c.value)[0])}`;
      case 'in':
        return `${column} = ANY(${bind(ruleValues(c.value))}::text[])`;
      case 'notIn':
        return `NOT (${column} = ANY(${bind(ruleValues(c.value))}::text[]))`;
      default:
        throw new Error(`eligibility rule has unknown operator ${c.operator}`);
    }
  };
  return group(rule);
}
