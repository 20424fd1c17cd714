import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';

export const OMISSIONS_RESOURCE = 'omissions';

export type OmissionDecision = 'approved' | 'returned';

/** The county and admin review omissions (the API checks the role and region again). */
export const mayReview = (role: string | undefined): boolean => role === 'county' || role === 'admin';

export async function reviewOmission(id: Identifier, decision: OmissionDecision, reason: string): Promise<void> {
  await httpClient(`${API_URL}/omissions/${encodeURIComponent(String(id))}/review`, { method: 'POST', body: JSON.stringify({ decision, reason }) });
}

export async function reviewOmissions(ids: readonly Identifier[], decision: OmissionDecision, reason: string): Promise<{ reviewed: number; skipped: number }> {
  const body = JSON.stringify({ ids: ids.map(Number), decision, reason });
  return (await httpClient<{ reviewed: number; skipped: number }>(`${API_URL}/omissions/review`, { method: 'POST', body })).json;
}
