import type { DataItem } from './data-item';
import { latePayments } from './late-payments.data-item';
import { overdueClues } from './overdue-clues.data-item';
import { programExecutionRate } from './program-execution-rate.data-item';
import { specialTopTierShare } from './special-top-tier-share.data-item';
import { verificationProgress } from './verification-progress.data-item';

/** Every data item a checklist may use; adding one is a file and a line here. */
export const DATA_ITEMS: readonly DataItem[] = [specialTopTierShare, programExecutionRate, latePayments, verificationProgress, overdueClues];

/** The catalogue's codes, as findDefinitionProblem takes them. */
export const DATA_ITEM_CODES: readonly string[] = DATA_ITEMS.map((item) => item.code);

export function findDataItem(code: string): DataItem | undefined {
  return DATA_ITEMS.find((item) => item.code === code);
}
