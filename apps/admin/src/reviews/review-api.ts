import type { MissedDuty, ReviewFigure, ReviewIndicatorWeight, WeakIndicator } from '@zizhu/schema';
import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';

export const REVIEWS_RESOURCE = 'reviews';
export const REVIEW_ROWS_RESOURCE = 'review-rows';

/** A school's line of a review, as `GET /api/review-rows` gives it. */
export interface ReviewRowRecord {
  id: number;
  reviewId: number;
  schoolId: number;
  unitName: string;
  regionName: string | null;
  rank: number | null;
  total: number | null;
  lagging: boolean;
  figures: Record<string, ReviewFigure> | null;
  missedDuties: MissedDuty[] | null;
  weakIndicators: WeakIndicator[] | null;
}

/** The review fields the panel's own views read. */
export interface ReviewRecord {
  id: number;
  kind: 'monthly' | 'quarterly';
  status: 'draft' | 'issued';
  title: string;
  indicators: ReviewIndicatorWeight[] | null;
  laggingBelow: number | null;
  unitCount: number | null;
  computedAt: string | null;
  writable?: boolean;
}

const reviewUrl = (id: Identifier) => `${API_URL}/${REVIEWS_RESOURCE}/${encodeURIComponent(String(id))}`;

/** `POST /api/reviews/:id/compute` or `…/issue`. */
export async function reviewAction(id: Identifier, action: 'compute' | 'issue'): Promise<void> {
  await httpClient(`${reviewUrl(id)}/${action}`, { method: 'POST', body: '{}' });
}

/** The bulletin's state, polled with useJobProgress. */
export const bulletinStatusUrl = (id: Identifier) => `${reviewUrl(id)}/bulletin`;
export const bulletinPdfUrl = (id: Identifier) => `${reviewUrl(id)}/bulletin.pdf`;

/** Asks for the bulletin: `running` (queued) or `done` (printed already). */
export async function requestBulletin(id: Identifier): Promise<void> {
  await httpClient(bulletinStatusUrl(id), { method: 'POST', body: '{}' });
}
