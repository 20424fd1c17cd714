import { appliesToStages, type DutyLevel } from '@zizhu/plans';
import { recurrencePeriods } from '@zizhu/schema';
import type { Sql } from './occurrence-sql';

/** A duty as the generator reads it, with its plan's year and path. */
export interface GeneratedDuty {
  id: number;
  planId: number;
  level: DutyLevel;
  appliesTo: unknown;
  recurrence: string;
  startDate: string;
  completionRule: string;
  planYear: number;
  planPath: string;
}

const DUTY_COLUMNS = `d.id, d.plan_id AS "planId", d.level, d.applies_to AS "appliesTo", d.recurrence,
  to_char(COALESCE(d.start_date, make_date(p.year, 1, 1)), 'YYYY-MM-DD') AS "startDate",
  d.completion_rule AS "completionRule", p.year AS "planYear", p.scope_path AS "planPath"`;

/** The duties of published plans (or of one plan, or one duty), as the generator reads them. */
export async function publishedDuties(sql: Sql, filter: { planId?: number; dutyId?: number } = {}): Promise<GeneratedDuty[]> {
  const rows = await sql(
    `SELECT ${DUTY_COLUMNS} FROM duties d JOIN work_plans p ON p.id = d.plan_id
      WHERE p.status = 'published' AND ($1::int IS NULL OR p.id = $1) AND ($2::int IS NULL OR d.id = $2)
      ORDER BY d.id`,
    [filter.planId ?? null, filter.dutyId ?? null],
  );
  return rows as unknown as GeneratedDuty[];
}

/**
 * The periods to have occurrences for on `today`: every one due by today, and the next one
 * (so a unit sees what is coming), within the plan's year. From the duty's fixed start, so
 * the same duty gives the same periods whatever day the job runs.
 */
export function periodsThrough(duty: Pick<GeneratedDuty, 'recurrence' | 'startDate' | 'planYear'>, today: string) {
  const periods = recurrencePeriods(duty.recurrence, duty.startDate, `${duty.planYear}-12-31`);
  const next = periods.findIndex((period) => period.dueDate > today);
  return next === -1 ? periods : periods.slice(0, next + 1);
}

/**
 * The units a duty applies to, as SQL over the plan's path ($1) and ($2) the stages filter
 * of a school duty, or the level of a region one: key, school or region, path.
 */
function unitsSql(level: DutyLevel): string {
  if (level === 'school') {
    return `SELECT 's' || s.id AS unit_key, s.id AS school_id, NULL::varchar AS region_id, s.scope_path
              FROM schools s WHERE s.scope_path LIKE $1 || '%' AND ($2::varchar[] IS NULL OR s.stages && $2::varchar[])`;
  }
  return `SELECT 'r' || r.id AS unit_key, NULL::int AS school_id, r.id AS region_id, r.scope_path
            FROM regions r WHERE r.level = $2::varchar AND r.scope_path LIKE $1 || '%'`;
}

/**
 * Makes the missing occurrences of one duty through `today`: one INSERT … SELECT over the
 * periods and the units, each new one pending; `ON CONFLICT` on (duty, unit, due date) makes
 * a second run add nothing. Returns how many were added.
 */
export async function generateOccurrences(sql: Sql, duty: GeneratedDuty, today: string): Promise<number> {
  const periods = periodsThrough(duty, today);
  if (!periods.length) return 0;
  const [row] = await sql(
    `WITH added AS (
       INSERT INTO duty_occurrences (duty_id, plan_id, unit_key, school_id, region_id, level, completion_rule,
                                     period_start, due_date, status, on_time, scope_path, version)
       SELECT $3, $4, u.unit_key, u.school_id, u.region_id, $5, $6, p.period_start, p.due_date, 'pending', false, u.scope_path, 1
         FROM unnest($7::date[], $8::date[]) AS p(period_start, due_date)
        CROSS JOIN (${unitsSql(duty.level)}) u
       ON CONFLICT (duty_id, unit_key, due_date) DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS n FROM added`,
    [
      duty.planPath,
      duty.level === 'school' ? appliesToStages(duty.appliesTo) : duty.level,
      duty.id,
      duty.planId,
      duty.level,
      duty.completionRule,
      periods.map((p) => p.periodStart),
      periods.map((p) => p.dueDate),
    ],
  );
  return Number(row.n);
}
