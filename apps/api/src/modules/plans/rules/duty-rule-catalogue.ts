import { COMPLETION_RULES } from '@zizhu/plans';
import type { DutyRuleDescription } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { comparisonDecided } from './comparison-decided.duty-rule';
import type { DutyRule } from './duty-rule';
import { lettersDelivered } from './letters-delivered.duty-rule';
import { recordsUpdated } from './records-updated.duty-rule';
import { rectificationsClosed } from './rectifications-closed.duty-rule';
import { rosterPaid } from './roster-paid.duty-rule';

/** Every automatic completion rule; adding one is a file, a line here and its option in COMPLETION_RULES. */
export const DUTY_RULES: readonly DutyRule[] = [recordsUpdated, comparisonDecided, rosterPaid, lettersDelivered, rectificationsClosed];

export function findDutyRule(code: string): DutyRule | undefined {
  return DUTY_RULES.find((rule) => rule.code === code);
}

const MANUAL = COMPLETION_RULES.find((option) => option.value === 'manual')!;

/** `GET /api/duty-rules`: manual first, then the automatic rules. */
export function dutyRuleDescriptions(): DutyRuleDescription[] {
  return [
    {
      code: 'manual',
      label: MANUAL.label,
      description: { zh: '单位提交佐证材料，计划制定单位审核通过或退回', en: 'The unit submits evidence; the planner accepts or returns it' },
      automatic: false,
    },
    ...DUTY_RULES.map(({ code, label, description }) => ({ code, label, description, automatic: true })),
  ];
}

/** One school and period, as the evaluator asks it of an occurrence. */
export interface DutyRuleCase {
  schoolId: number;
  periodStart: string;
  dueDate: string;
  /** The day the data is looked at. */
  asOf: string;
}

/** Whether a rule is met for one school and period (the same SQL the evaluator runs over every occurrence). */
export async function dutyRuleMet(manager: EntityManager, rule: DutyRule, c: DutyRuleCase): Promise<boolean> {
  const [row] = await manager.query(
    `SELECT ${rule.met('$4::date')} AS met
       FROM (SELECT s.id AS school_id, s.scope_path, $2::date AS period_start, $3::date AS due_date FROM schools s WHERE s.id = $1) o`,
    [c.schoolId, c.periodStart, c.dueDate, c.asOf],
  );
  return row?.met === true;
}
