import { type BankResultSummary, formatBasisPoints, formatYuan, type FundException, type OverduePayment, type Reconciliation, type ReconciliationDimension, type ReconciliationFilter } from '@zizhu/schema';
import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';
import { sessionStore } from '../providers/session-store';
import { i18nProvider } from '../providers/i18n-provider';

export const DISBURSEMENTS_RESOURCE = 'disbursements';
export const BATCHES_RESOURCE = 'disbursement-batches';
export const RECONCILIATION_PATH = '/funds/reconciliation';
export const EXCEPTIONS_PATH = '/funds/exceptions';






const query = (params: Record<string, unknown>): string =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&');

export async function fetchReconciliation(groupBy: readonly ReconciliationDimension[], filter: ReconciliationFilter): Promise<Reconciliation> {
  return (await httpClient<Reconciliation>(`${API_URL}/funds/reconciliation?${query({ groupBy: groupBy.join(','), filter })}`)).json;
}

/** The same figures as an Excel file (money cells in yuan, 2 decimals). */
export function reconciliationFileUrl(groupBy: readonly ReconciliationDimension[], filter: ReconciliationFilter): string {
  return `${API_URL}/funds/reconciliation.xlsx?${query({ groupBy: groupBy.join(','), filter })}`;
}

export async function fetchExceptions(filter: Record<string, unknown>): Promise<{ total: number; exceptions: FundException[] }> {
  return (await httpClient<{ total: number; exceptions: FundException[] }>(`${API_URL}/funds/exceptions?${query({ filter })}`)).json;
}

export async function explainException(key: string, note: string): Promise<FundException> {
  return (await httpClient<FundException>(`${API_URL}/funds/exceptions/explain`, { method: 'POST', body: JSON.stringify({ key, note }) })).json;
}

/** 开立线索: one clue per exception, assigned to the school of its lines (`POST /api/funds/exceptions/clue`). */
export async function openClue(key: string, description: string, dueDate: string): Promise<{ id: number; status: string }> {
  const body = { key, dueDate, ...(description.trim() ? { description: description.trim() } : {}) };
  return (await httpClient<{ id: number; status: string }>(`${API_URL}/funds/exceptions/clue`, { method: 'POST', body: JSON.stringify(body) })).json;
}

export const CLUES_RESOURCE = 'clues';
export const EXCLUSIONS_RESOURCE = 'disbursement-exclusions';

/** 银行代发文件: the batch's pending lines with full accounts (finance only; every download audited). */
export function bankFileUrl(batchId: Identifier, format: 'xlsx' | 'csv'): string {
  return `${API_URL}/${BATCHES_RESOURCE}/${encodeURIComponent(String(batchId))}/bank-file.${format}`;
}

export async function fetchOverdue(): Promise<OverduePayment[]> {
  return (await httpClient<OverduePayment[]>(`${API_URL}/funds/overdue`)).json;
}

export async function reissueLine(id: Identifier, account: string): Promise<{ id: Identifier }> {
  const body = account.trim() ? { account: account.trim() } : {};
  return (await httpClient<{ id: Identifier }>(`${API_URL}/${DISBURSEMENTS_RESOURCE}/${encodeURIComponent(String(id))}/reissue`, { method: 'POST', body: JSON.stringify(body) })).json;
}

/** Multipart upload: fetchJson would set a JSON content type, so this is a plain fetch. */
export async function uploadBankResult(batchId: Identifier, file: File): Promise<{ ok: true; result: BankResultSummary } | { ok: false; message: string; errors: Record<string, string> }> {
  const form = new FormData();
  form.set('file', file, file.name);
  const headers: Record<string, string> = { 'Accept-Language': i18nProvider.getLocale() };
  const token = sessionStore.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${API_URL}/${BATCHES_RESOURCE}/${encodeURIComponent(String(batchId))}/bank-result`, { method: 'POST', headers, body: form });
  const body = await response.json();
  if (response.ok) return { ok: true, result: body as BankResultSummary };
  return { ok: false, message: String(body?.message ?? response.statusText), errors: (body?.errors ?? {}) as Record<string, string> };
}

/** "1,234.50" from fen, for reading. */
export const yuanText = (fen: number): string => formatYuan(fen, { grouped: true });

/** "87.50%" from basis points; "—" without an allocation. */
export const rateText = (bp: number | null): string => (bp === null ? '—' : formatBasisPoints(bp));
