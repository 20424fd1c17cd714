import type { ChecklistAnswers } from './checklist-scoring';
import type { ConfiguredValue } from './configured-fields';
import type { Localized } from './role';

/**
 * What an inspection stores beside its checklist version (JSON columns of `inspections`),
 * shared by the API (which writes it) and the panel (which fills it in). Frozen parts are
 * written once when the inspection starts and never recomputed.
 */

/** A data item's value for the school, computed and frozen when the inspection started. */
export interface FrozenDataValue {
  /** The data item's code in the catalogue (`GET /api/checklist-data-items`). */
  code: string;
  label: Localized;
  unit: Localized;
  /** null: nothing to count (e.g. no payments this term). */
  value: number | null;
  /** ISO timestamp of the computation. */
  computedAt: string;
}

/** The inspector's word on a frozen data value: confirmed, or a discrepancy (which raises a finding). */
export interface DataItemCheck {
  confirmed: boolean;
  /** What the inspector found instead, when not confirmed. */
  observed?: number | null;
  note?: string;
}

/** One aid recipient drawn for a sample item when the inspection started. */
export interface SampledStudent {
  studentId: number;
  /** Masked for display (张*明); the inspector opens the student's record for more. */
  name: string;
  programId: number;
  programName: string;
  /** Paid to the student for the program in the sampled term, in fen. */
  amountPaid: number;
}

/** A sample item's drawn students, frozen at the start. */
export interface InspectionSample {
  itemKey: string;
  /** The term whose recipients were drawn. */
  year: number;
  term: 'spring' | 'autumn';
  students: SampledStudent[];
}

/** Everything the inspector (or the school, for 自查) enters; saved as a draft until submitted. */
export interface InspectionAnswers extends ChecklistAnswers {
  /** Data items: confirmed or a discrepancy, keyed by item key. */
  dataChecks?: Readonly<Record<string, DataItemCheck>>;
  /** Sample items: item key → student id → question key → answer. */
  sampleAnswers?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, ConfiguredValue>>>>>>;
  /** Evidence files (ids from `POST /api/files`) per item key. */
  evidence?: Readonly<Record<string, readonly number[]>>;
  /** A remark per item key (写实记录). */
  remarks?: Readonly<Record<string, string>>;
}

/** Why a finding was raised. */
export type FindingCause = 'failed' | 'discrepancy' | 'sampleMismatch';

/** A finding an inspection's answers raise on submit; each becomes one problem clue (source 督查). */
export interface FindingDraft {
  itemKey: string;
  cause: FindingCause;
  /** For a sample mismatch: the student it is about. */
  studentId?: number;
  /** One clue per inspection and record key: `item:<key>` or `item:<key>:student:<id>`. */
  recordKey: string;
  severity: 'high' | 'medium' | 'low';
  /** The clue's description: the item, the answer, the remark. */
  description: string;
}
