import { AUDIT_RULE_SUBJECT } from '@zizhu/checks';
import { isRuleGroup, ruleBoolean, type RuleCondition, type RuleGroup, ruleValues } from '@zizhu/schema';
import { studentResource } from '@zizhu/students';
import { fieldChangesSql } from '../../../engine/audit/field-changes.sql';
import { marksExist } from '../../programs/eligibility.sql';

/**
 * The subject's rows: paid lines not wholly refunded, with their student `s`, school `sc`,
 * program `p` and roster entry `e` (its roster `r`). The record key names the line.
 */
export const AUDIT_SUBJECT_FROM = `
  FROM disbursements d
  JOIN students s ON s.id = d.student_id
  JOIN schools sc ON sc.id = d.school_id
  JOIN programs p ON p.id = d.program_id
  LEFT JOIN roster_entries e ON e.id = d.roster_entry_id
  LEFT JOIN rosters r ON r.id = e.roster_id
 WHERE d.status = 'paid'
   AND d.amount > COALESCE((SELECT sum(f.amount) FROM refunds f WHERE f.disbursement_id = d.id), 0)`;

export const AUDIT_RECORD_KEY = `'disbursements:' || d.id`;

/** The money still out on a line: a line refunded in full no longer counts as paid. */
const LIVE_PAID = (line: string) =>
  `${line}.status = 'paid' AND ${line}.amount > COALESCE((SELECT sum(f.amount) FROM refunds f WHERE f.disbursement_id = ${line}.id), 0)`;

/** A student's status changes, from the audit log and imports (the reconciliation reads them the same way). */
const STATUS_CHANGES = `SELECT f.at, f.before_value AS before_status, f.after_value AS after_status
  FROM (${fieldChangesSql(studentResource, 'status', 's.id::text')}) f`;

/**
 * Each subject field as SQL over the aliases above. Keys are AUDIT_RULE_SUBJECT's; a rule's
 * field names are looked up here, never pasted into the statement.
 */
const FIELD_SQL: Readonly<Record<string, string>> = {
  programCategory: 'p.category',
  term: 'd.term',
  stage: 's.stage',
  status: 's.status',
  gender: 's.gender',
  // An unknown boarding flag is no boarder: the subsidy needs a recorded one.
  boarding: 'COALESCE(s.boarding, false)',
  entrySource: 'e.source',
  topTier: `(d.amount >= (SELECT max((t->>'amount')::bigint) FROM jsonb_array_elements(COALESCE(r.tiers, p.tiers)) t))`,
  paidElsewhere: `EXISTS (SELECT 1 FROM disbursements o
     WHERE o.student_id = d.student_id AND o.program_id = d.program_id AND o.year = d.year AND o.term = d.term
       AND o.school_id <> d.school_id AND ${LIVE_PAID('o')})`,
  // The last change up to the payment day, else the first one after it, else the current status.
  statusOnPaymentDate: `COALESCE(
     (SELECT c.after_status FROM (${STATUS_CHANGES}) c WHERE c.at < d.date + 1 ORDER BY c.at DESC LIMIT 1),
     (SELECT c.before_status FROM (${STATUS_CHANGES}) c WHERE c.at >= d.date + 1 AND c.before_status IS NOT NULL ORDER BY c.at LIMIT 1),
     s.status)`,
};

/**
 * Compiles an audit rule's condition (validated against AUDIT_RULE_SUBJECT when saved) to
 * a SQL condition over AUDIT_SUBJECT_FROM. Values are bound through `params`.
 */
export function auditRuleSql(rule: RuleGroup, params: unknown[]): string {
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
          return marksExist('s');
        case 'hasNone':
          return `NOT ${marksExist('s')}`;
        case 'in':
          return marksExist('s', bind(ruleValues(c.value).map(Number)));
        case 'notIn':
          return `NOT ${marksExist('s', bind(ruleValues(c.value).map(Number)))}`;
      }
    }
    const column = FIELD_SQL[c.field];
    if (!column) throw new Error(`audit rule names unknown field ${c.field}`);
    const kind = AUDIT_RULE_SUBJECT.fields.find((f) => f.key === c.field)?.kind;
    switch (c.operator) {
      case '=':
        return kind === 'boolean'
          ? `${column} IS NOT DISTINCT FROM ${bind(ruleBoolean(c.value))}::boolean`
          : `${column} IS NOT DISTINCT FROM ${bind(ruleValues(c.value)[0])}::text`;
      case '!=':
        return `${column} IS DISTINCT FROM ${bind(ruleValues(c.value)[0])}::text`;
      case 'in':
        return `COALESCE(${column} = ANY(${bind(ruleValues(c.value))}::text[]), false)`;
      case 'notIn':
        return `NOT COALESCE(${column} = ANY(${bind(ruleValues(c.value))}::text[]), false)`;
      default:
        throw new Error(`audit rule has unknown operator ${c.operator}`);
    }
  };
  return group(rule);
}
