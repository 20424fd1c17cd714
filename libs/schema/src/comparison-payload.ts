/** Where a school stands on verifying a comparison run's results. */
export type SchoolProgressState = 'done' | 'pending' | 'overdue';

/** One school's row of `GET /api/comparisons/:id/progress`. */
export interface SchoolProgress {
  schoolId: number;
  schoolName: string;
  /** The school's county (null for a school right under the city). */
  countyId: string | null;
  countyName: string | null;
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
  /** China's date when the progress was read; pending results are overdue once it is past the deadline. */
  today: string;
  deadlinePassed: boolean;
  /** Ordered by county, then school name. */
  schools: SchoolProgress[];
  /** Subtotals per county of the schools above, in the same order. */
  counties: CountyProgress[];
}

/** A county's subtotal on the progress page: its schools' results, and how many schools are in each state. */
export interface CountyProgress {
  countyId: string | null;
  countyName: string | null;
  total: number;
  decided: number;
  confirmed: number;
  rejected: number;
  pending: number;
  schools: Record<SchoolProgressState, number>;
}

/** A level of the region tree a comparison summary is broken down by. */
export type SummaryLevel = 'city' | 'county' | 'township' | 'school';

export interface SummaryCounts {
  /** Enrolled students compared (the region's, all of them). */
  studentsCompared: number;
  /** Students with any match (exact or questionable): special-group students found. */
  studentsFound: number;
  matched: number;
  questionable: number;
  /** Students whose results give them a mark (exact not rejected, questionable confirmed). */
  marked: number;
  /** Listed persons no enrolled student matched, filed under their home region. */
  unmatched: number;
}

/** Counts of one node for one stage (null: all) and identity type (null: all, a student once). */
export interface SummaryCell extends SummaryCounts {
  stage: string | null;
  identityTypeId: number | null;
}

/** One node of the region tree (a school's id is its school id; a region's, its code). */
export interface SummaryNode {
  level: SummaryLevel;
  id: string;
  name: string;
  parentId: string | null;
  /** All stages, all types. */
  totals: SummaryCounts;
  cells: SummaryCell[];
}

/** `GET /api/comparisons/:id/summary/tree?parent=&level=`: one node, its ancestors in scope, and its children. */
export interface ComparisonSummaryTree {
  comparisonId: number;
  node: SummaryNode;
  ancestors: { level: SummaryLevel; id: string; name: string }[];
  children: SummaryNode[];
}

/**
 * One current special-identity mark of a student (`GET /api/students/:id/marks`): a
 * comparison result that counts, or an approved omission, with where it came from. Marks
 * come highest priority first; the first one `drivesAid`: its type's default tier is the
 * one auto-enrolment gives the student.
 */
export interface StudentMark {
  source: 'comparison' | 'omission';
  /** The comparison result's or the omission's id. */
  id: number;
  identityTypeId: number | null;
  identityTypeName: string | null;
  /** The run (comparison marks). */
  comparisonId: number | null;
  comparisonName: string | null;
  /** The department list the person was found on (comparison marks). */
  listId: number | null;
  listName: string | null;
  /** The school's decision (comparison marks: pending on an exact match still counts). */
  decision: string | null;
  decidedAt: string | null;
  drivesAid: boolean;
}
