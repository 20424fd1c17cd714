import type { Localized } from './role';

/** A duty occurrence's status (the `duty-occurrences` resource declares the same values with their labels). */
export type OccurrenceStatus = 'pending' | 'submitted' | 'returned' | 'done' | 'late' | 'missed';

/** One automatic completion rule, as `GET /api/duty-rules` lists it for the duty form. */
export interface DutyRuleDescription {
  /** `manual`, or the code of an automatic rule. */
  code: string;
  label: Localized;
  description: Localized;
  /** Automatic rules decide a school's occurrences only; manual ones apply at every level. */
  automatic: boolean;
}

/** A unit of a plan's completion table: a school, or a region for township/county duties. */
export interface CompletionUnit {
  key: string;
  name: string;
  schoolId: number | null;
  regionId: string | null;
}

/** A column: a month of the plan's year (`2026-03`, all duties), or one due date of the chosen duty (`2026-03-20`). */
export interface CompletionColumn {
  key: string;
}

/** The occurrences of a unit in a column, by status; `occurrenceId` when it is exactly one. */
export interface CompletionCell {
  counts: Partial<Record<OccurrenceStatus, number>>;
  occurrenceId?: number;
  status?: OccurrenceStatus;
}

export type CompletionCounts = Record<'done' | 'late' | 'missed' | 'open', number>;

/**
 * `GET /api/work-plans/:id/completion[?dutyId=…]`: the planner's table, rows units, columns
 * months (or the chosen duty's due dates), each cell the statuses of the occurrences due
 * there; a unit's totals (on time, late, missed, still open) beside it. Only the units the
 * reader's region holds.
 */
export interface PlanCompletion {
  duties: { id: number; title: string }[];
  dutyId: number | null;
  units: CompletionUnit[];
  columns: CompletionColumn[];
  cells: Record<string, Record<string, CompletionCell>>;
  totals: Record<string, CompletionCounts>;
}

/** One occurrence on a unit's home page. */
export interface MyDuty {
  id: number;
  dutyId: number;
  title: string;
  planName: string;
  evidenceExpected: string | null;
  completionRule: string;
  dueDate: string;
  periodStart: string;
  status: OccurrenceStatus;
  returnReason: string | null;
  version: number;
}

/**
 * `GET /api/me/duties`: the caller's own unit's occurrences that need them — due within
 * the next days and not done, returned with a reason, or past due and not done.
 */
export interface MyDuties {
  dueSoon: MyDuty[];
  returned: MyDuty[];
  overdue: MyDuty[];
}

/** A row of the plan sheet that gave no duty, with its text so nothing is lost. */
export interface PlanImportProblem {
  row: number;
  text: string;
  message: Localized;
}

/** `POST /api/work-plans/:id/import`: what the sheet gave. */
export interface PlanImportReport {
  /** Rows read under the header. */
  rows: number;
  /** Draft duties created, in sheet order. */
  created: number;
  /** Monthly duties repeated on later rows (each month's row of seed 004), folded into the first. */
  merged: number;
  problems: PlanImportProblem[];
}
