import type { CompletionRule } from '@zizhu/plans';
import type { Localized } from '@zizhu/schema';

/**
 * 自动完成判定: decides from the platform's own data whether a school did a duty for one
 * period. `met(asOf)` is one boolean SQL expression over the occurrence row `o`
 * (`o.school_id`, `o.scope_path` — the school's path —, `o.period_start`, `o.due_date`) and
 * a date expression `asOf`: whether the data showed the duty done on that day. The
 * evaluator asks it as of the due date (done on time), and as of today (done late), for
 * every open occurrence of the rule at once.
 */
export interface DutyRule {
  code: Exclude<CompletionRule, 'manual'>;
  label: Localized;
  /** What the school must have done, for the duty form and the README. */
  description: Localized;
  met(asOf: string): string;
}

/**
 * The school term under way on a date, as SQL (year, term): spring March–August, autumn
 * September–February, the autumn term belonging to the year it starts in — as the
 * checklists' data items count it.
 */
export function termOfSql(dateSql: string): { year: string; term: string } {
  const month = `extract(month FROM (${dateSql})::date)`;
  const year = `extract(year FROM (${dateSql})::date)::int`;
  return {
    year: `(CASE WHEN ${month} >= 3 THEN ${year} ELSE ${year} - 1 END)`,
    term: `(CASE WHEN ${month} BETWEEN 3 AND 8 THEN 'spring' ELSE 'autumn' END)`,
  };
}
