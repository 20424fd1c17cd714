import { dutiesIndicator } from './duties.indicator';
import { inspectionIndicator } from './inspection.indicator';
import { notificationIndicator } from './notification.indicator';
import { paymentsIndicator } from './payments.indicator';
import { rectificationsIndicator } from './rectifications.indicator';
import type { ReviewIndicator } from './review-indicator';
import { verificationIndicator } from './verification.indicator';

/** Every indicator's query; adding one is a file, a line here, its entry in REVIEW_INDICATORS (libs/plans) and its weight column. */
export const INDICATOR_QUERIES: readonly ReviewIndicator[] = [
  dutiesIndicator,
  verificationIndicator,
  paymentsIndicator,
  rectificationsIndicator,
  inspectionIndicator,
  notificationIndicator,
];

export function findIndicatorQuery(code: string): ReviewIndicator | undefined {
  return INDICATOR_QUERIES.find((indicator) => indicator.code === code);
}
