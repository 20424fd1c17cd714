/** What the funds routes answer (`/api/funds/...`), shared by the API and the panel. Money in fen. */

/** The dimensions a reconciliation groups by. `term` means year and term together. */
export const RECONCILIATION_DIMENSIONS = ['program', 'term', 'region', 'source'] as const;
export type ReconciliationDimension = (typeof RECONCILIATION_DIMENSIONS)[number];

export interface ReconciliationFilter {
  programId?: number;
  year?: number;
  term?: string;
  /** A county's code; `null` for money held at city level. */
  regionId?: string | null;
  source?: string;
}

/** `executionRateBp`: net ÷ allocated in basis points (10000 = 100 %), floored; null without allocation. */
export interface ReconciliationFigures {
  allocated: number;
  paid: number;
  pending: number;
  failed: number;
  returned: number;
  refunded: number;
  /** paid − refunded */
  net: number;
  /** allocated − net */
  balance: number;
  executionRateBp: number | null;
  /** Paid lines (person-times); null when split by source, where a line funds every source. */
  paidLines: number | null;
  /** What the program's funding shares ask of this source: the allocations' total split by the shares. */
  allocatedByShares: number;
  /** allocated − allocatedByShares: a source that gave more (or less) than its share. */
  shareDifference: number;
}

export interface ReconciliationRow extends ReconciliationFigures {
  programId?: number;
  programName?: string;
  year?: number;
  term?: string;
  regionId?: string | null;
  regionName?: string;
  source?: string;
}

export interface Reconciliation {
  groupBy: ReconciliationDimension[];
  filter: ReconciliationFilter;
  rows: ReconciliationRow[];
  totals: ReconciliationFigures;
}

export interface FundException {
  key: string;
  /** paidTwice, noApprovedEntry, notEnrolled, amountMismatch, overAllocation */
  kind: string;
  programId: number;
  programName: string;
  year: number;
  term: string;
  regionId: string | null;
  /** The county's name; null for money held at city level. */
  regionName: string | null;
  source: string | null;
  studentId: number | null;
  studentName: string | null;
  /** The lines behind it; overAllocation names its cell instead (drill down with the same filter). */
  lineIds: number[];
  /** What was paid (net, for overAllocation) */
  amount: number;
  /** What it should have been (the entry's amount, or the allocation) */
  expected: number | null;
  explanation: { note: string; explainedBy: number; explainedAt: string } | null;
  /** The problem clue opened from it (开立线索), if any. */
  clue: { id: number; status: string } | null;
}

export interface OverduePayment {
  rosterId: number;
  title: string;
  deadline: string;
  schoolName: string;
  regionId: string | null;
  regionName: string | null;
  unpaidEntries: number;
  unpaidAmount: number;
}

/** What a bank result file did to its batch. */
export interface BankResultSummary {
  rows: number;
  paid: number;
  failed: number;
  returned: number;
  unchanged: number;
}
