/** Where a school stands on verifying a comparison run's results. */
export type SchoolProgressState = 'done' | 'pending' | 'overdue';

/** One school's row of `GET /api/comparisons/:id/progress`. */
export interface SchoolProgress {
  schoolId: number;
  schoolName: string;
  total: number;
  decided: number;
  confirmed: number;
  rejected: number;
  pending: number;
  overdue: boolean;
  state: SchoolProgressState;
}

/** `GET /api/comparisons/:id/progress`: the panel's progress chart reads this. */
export interface ComparisonProgress {
  comparisonId: number;
  deadline: string | null;
  schools: SchoolProgress[];
}
