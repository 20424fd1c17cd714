import type { AidQueryAnswer, AidQueryChallenge } from '@zizhu/schema';
import { i18nProvider } from '../providers/i18n-provider';
import { API_URL } from '../providers/http-client';

/** The panel route of the page (no login); letters' QR codes link here. */
export const AID_QUERY_PATH = '/aid-query';

export interface AidQueryRequest {
  name: string;
  idNumber: string;
  challengeToken?: string;
  challengeAnswer?: string;
}

export type AidQueryResult =
  | { kind: 'answer'; answer: AidQueryAnswer }
  /** 428: answer the drawn sum first (or again). */
  | { kind: 'challenge'; message: string }
  | { kind: 'refused'; message: string; errors: Record<string, string> };

/** `POST /api/public/aid-query`, without the session's token: the page is public. */
export async function queryAid(body: AidQueryRequest): Promise<AidQueryResult> {
  const response = await fetch(`${API_URL}/public/aid-query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': i18nProvider.getLocale() },
    body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (response.ok) return { kind: 'answer', answer: json as AidQueryAnswer };
  const message = String(json?.message ?? response.statusText);
  if (response.status === 428) return { kind: 'challenge', message };
  return { kind: 'refused', message, errors: (json?.errors ?? {}) as Record<string, string> };
}

export async function fetchChallenge(): Promise<AidQueryChallenge> {
  const response = await fetch(`${API_URL}/public/aid-query/challenge`, { headers: { 'Accept-Language': i18nProvider.getLocale() } });
  return (await response.json()) as AidQueryChallenge;
}
