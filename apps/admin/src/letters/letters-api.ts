import type { LetterBatchStatus, LetterMarkSummary } from '@zizhu/schema';
import { i18nProvider } from '../providers/i18n-provider';
import { API_URL, httpClient } from '../providers/http-client';
import { sessionStore } from '../providers/session-store';

export const LETTERS_RESOURCE = 'letters';
export const LETTER_TEMPLATES_RESOURCE = 'letter-templates';
export const LETTER_RUNS_RESOURCE = 'letter-runs';

/** The terms letters are made for (the programs' terms). */
export const LETTER_TERMS = ['spring', 'autumn', 'yearly'] as const;

/** One school's letters of one term: what a printable batch and a 回执登记表 are of. */
export interface BatchParams {
  schoolId: number;
  year: number;
  term: string;
}

const query = ({ schoolId, year, term }: BatchParams) => `schoolId=${encodeURIComponent(schoolId)}&year=${encodeURIComponent(year)}&term=${encodeURIComponent(term)}`;

export const batchStatusUrl = (params: BatchParams) => `${API_URL}/${LETTERS_RESOURCE}/batch?${query(params)}`;
export const batchPdfUrl = (params: BatchParams) => `${API_URL}/${LETTERS_RESOURCE}/batch.pdf?${query(params)}`;
export const receiptSheetUrl = (params: BatchParams) => `${API_URL}/${LETTERS_RESOURCE}/receipt-sheet.xlsx?${query(params)}`;
export const letterRunUrl = (id: number) => `${API_URL}/${LETTER_RUNS_RESOURCE}/${encodeURIComponent(id)}`;

/** The school's term this year: spring until August, autumn from September. */
export function currentTerm(now = new Date()): { year: number; term: string } {
  return { year: now.getFullYear(), term: now.getMonth() >= 8 ? 'autumn' : 'spring' };
}

export interface GenerateBody {
  schoolId?: number;
  regionId?: string;
  year: number;
  term: string;
  templateId: number;
}

/** `POST /letters/generate` → the run to poll. */
export async function generateLetters(body: GenerateBody): Promise<{ id: number }> {
  return (await httpClient<{ id: number }>(`${API_URL}/${LETTERS_RESOURCE}/generate`, { method: 'POST', body: JSON.stringify(body) })).json;
}

/** `POST /letters/batch`: done (the PDF can be downloaded) or running (poll the status). */
export async function prepareBatch(params: BatchParams): Promise<LetterBatchStatus> {
  return (await httpClient<LetterBatchStatus>(`${API_URL}/${LETTERS_RESOURCE}/batch`, { method: 'POST', body: JSON.stringify(params) })).json;
}

export async function markLetters(body: { ids: readonly (string | number)[]; status: 'delivered' | 'receiptReturned'; date: string }): Promise<LetterMarkSummary> {
  return (await httpClient<LetterMarkSummary>(`${API_URL}/${LETTERS_RESOURCE}/mark`, { method: 'POST', body: JSON.stringify(body) })).json;
}

export type SheetAnswer = { ok: true; summary: LetterMarkSummary } | { ok: false; message: string; errors: Record<string, string> };

/** The filled-in 回执登记表: applied whole, or refused with every bad row. */
export async function uploadReceiptSheet(file: File): Promise<SheetAnswer> {
  const form = new FormData();
  form.set('file', file, file.name);
  const headers: Record<string, string> = { 'Accept-Language': i18nProvider.getLocale() };
  const token = sessionStore.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${API_URL}/${LETTERS_RESOURCE}/receipt-sheet`, { method: 'POST', headers, body: form });
  const body = await response.json();
  if (response.ok) return { ok: true, summary: body as LetterMarkSummary };
  return { ok: false, message: String(body?.message ?? response.statusText), errors: (body?.errors ?? {}) as Record<string, string> };
}

/** Today in China, for date inputs. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
