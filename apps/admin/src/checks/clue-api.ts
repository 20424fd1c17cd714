import { INSPECTOR_REVIEWED_SOURCES } from '@zizhu/schema';
import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';

export const CLUES_RESOURCE = 'clues';
export const CLUE_ACTIONS_RESOURCE = 'clue-actions';

/** The answer's fields, in the order the dialog asks for them (declared in libs/checks). */
export const CLUE_ANSWER_KEYS = ['verdict', 'finding', 'rectification', 'evidenceFileId', 'rectificationFileId'] as const;
export const CLUE_ANSWER_REQUIRED: readonly string[] = ['verdict', 'finding'];

export type ClueReview = 'accept' | 'return';

const clueUrl = (id: Identifier): string => `${API_URL}/clues/${encodeURIComponent(String(id))}`;

export async function answerClue(id: Identifier, body: Record<string, unknown>): Promise<void> {
  await httpClient(`${clueUrl(id)}/answer`, { method: 'POST', body: JSON.stringify(body) });
}

export async function reviewClue(id: Identifier, action: ClueReview, reason: string, version: unknown): Promise<void> {
  await httpClient(`${clueUrl(id)}/${action}`, { method: 'POST', body: JSON.stringify({ reason, version }) });
}

/** Who acts next, by status: the school answers an open or returned clue, the county reviews an answer. */
export const schoolAnswers = (status: unknown): boolean => status === 'open' || status === 'returned';
export const countyReviews = (status: unknown): boolean => status === 'answered';

/** Clues an inspector reviews as well as the county: the findings of inspections (source 督查). */
export const inspectorReviews = (source: unknown): boolean => INSPECTOR_REVIEWED_SOURCES.includes(String(source));

/** Who reviews an answer: the county and the admin, and an inspector the findings of inspections. */
export const reviewsClue = (role: string | undefined, source: unknown): boolean =>
  role === 'county' || role === 'admin' || (role === 'inspector' && inspectorReviews(source));
