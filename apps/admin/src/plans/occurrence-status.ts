import type { OccurrenceStatus } from '@zizhu/schema';

export type StatusColor = 'default' | 'info' | 'warning' | 'success' | 'error' | 'secondary';

/** One colour per status, everywhere: green on time, amber late, red missed, blue waiting for review, purple returned, grey to do. */
export const STATUS_COLOR: Record<OccurrenceStatus, StatusColor> = {
  pending: 'default',
  submitted: 'info',
  returned: 'secondary',
  done: 'success',
  late: 'warning',
  missed: 'error',
};

/** Worst first: a cell of several occurrences takes the colour of its worst. */
const SEVERITY: readonly OccurrenceStatus[] = ['missed', 'returned', 'late', 'pending', 'submitted', 'done'];

export function worstStatus(counts: Partial<Record<OccurrenceStatus, number>>): OccurrenceStatus | undefined {
  return SEVERITY.find((status) => (counts[status] ?? 0) > 0);
}

export const isOccurrenceStatus = (value: unknown): value is OccurrenceStatus => typeof value === 'string' && value in STATUS_COLOR;
