import type { LetterStatus } from '@zizhu/outreach';
import type { Localized } from '@zizhu/schema';
import { LETTER_MESSAGES } from './letter-messages';

export interface LetterState {
  status: LetterStatus;
  deliveredAt: string | null;
  receiptReturnedAt: string | null;
}

/**
 * What a letter's status and dates must agree on, wherever they are written (a form, the
 * bulk mark, the 回执登记表): delivered and receipt-returned letters carry their dates, a
 * receipt never comes back before the letter went out, and no date lies after today.
 * The first problem, keyed by the field it belongs on, or null.
 */
export function letterStateProblem(state: LetterState, today: string): { field: keyof LetterState; message: Localized } | null {
  const { status, deliveredAt, receiptReturnedAt } = state;
  if (status === 'generated' && (deliveredAt || receiptReturnedAt)) return { field: 'status', message: LETTER_MESSAGES.dateNotForStatus };
  if (status !== 'generated' && !deliveredAt) return { field: 'deliveredAt', message: LETTER_MESSAGES.statusNeedsDelivery };
  if (status === 'delivered' && receiptReturnedAt) return { field: 'receiptReturnedAt', message: LETTER_MESSAGES.receiptNotForStatus };
  if (status === 'receiptReturned' && !receiptReturnedAt) return { field: 'receiptReturnedAt', message: LETTER_MESSAGES.statusNeedsReceipt };
  if (deliveredAt && deliveredAt > today) return { field: 'deliveredAt', message: LETTER_MESSAGES.dateInFuture(today) };
  if (receiptReturnedAt && receiptReturnedAt > today) return { field: 'receiptReturnedAt', message: LETTER_MESSAGES.dateInFuture(today) };
  if (deliveredAt && receiptReturnedAt && receiptReturnedAt < deliveredAt) return { field: 'receiptReturnedAt', message: LETTER_MESSAGES.receiptBeforeDelivery };
  return null;
}

/** The status the dates say: a receipt back, else delivered, else still to deliver. */
export function statusOfDates(deliveredAt: string | null, receiptReturnedAt: string | null): LetterStatus {
  if (receiptReturnedAt) return 'receiptReturned';
  return deliveredAt ? 'delivered' : 'generated';
}
