import type { Localized } from './role';

/** One reason a roster cannot be submitted (`GET /api/rosters/:id/problems`). */
export interface RosterProblem {
  entryId: number;
  studentId: number;
  studentName: string;
  code: 'notEligible' | 'notEnrolled' | 'otherSchool' | 'unknownTier' | 'amountDiffers' | 'applicationInvalid';
  message: Localized;
}

/** What an uploaded application file did (`POST /api/rosters/:id/applications`). */
export interface ApplicationImportResult {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  invalid: number;
  /** Row numbers as Excel shows them; messages in the caller's language. */
  errors: { row: number; column: string; message: string }[];
}
