import type { DutyRuleDescription, MyDuties, PlanCompletion, PlanImportReport } from '@zizhu/schema';
import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';
import { i18nProvider } from '../providers/i18n-provider';
import { sessionStore } from '../providers/session-store';

export const WORK_PLANS_RESOURCE = 'work-plans';
export const DUTIES_RESOURCE = 'duties';
export const OCCURRENCES_RESOURCE = 'duty-occurrences';

const recordUrl = (resource: string, id: Identifier) => `${API_URL}/${resource}/${encodeURIComponent(String(id))}`;

export async function fetchDutyRules(): Promise<DutyRuleDescription[]> {
  return (await httpClient<DutyRuleDescription[]>(`${API_URL}/duty-rules`)).json;
}

export async function fetchCompletion(planId: Identifier, dutyId: number | null): Promise<PlanCompletion> {
  const query = dutyId === null ? '' : `?dutyId=${dutyId}`;
  return (await httpClient<PlanCompletion>(`${recordUrl(WORK_PLANS_RESOURCE, planId)}/completion${query}`)).json;
}

export async function fetchMyDuties(): Promise<MyDuties> {
  return (await httpClient<MyDuties>(`${API_URL}/me/duties`)).json;
}

export async function publishPlan(id: Identifier): Promise<void> {
  await httpClient(`${recordUrl(WORK_PLANS_RESOURCE, id)}/publish`, { method: 'POST', body: '{}' });
}

/** The plan sheet's import: the report, or the refusal's message and field errors. */
export async function importPlanSheet(id: Identifier, file: File): Promise<{ ok: true; report: PlanImportReport } | { ok: false; message: string; errors: Record<string, string> }> {
  const form = new FormData();
  form.set('file', file, file.name);
  const headers: Record<string, string> = { 'Accept-Language': i18nProvider.getLocale() };
  const token = sessionStore.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${recordUrl(WORK_PLANS_RESOURCE, id)}/import`, { method: 'POST', headers, body: form });
  const body = await response.json();
  if (response.ok) return { ok: true, report: body as PlanImportReport };
  return { ok: false, message: String(body?.message ?? response.statusText), errors: (body?.errors ?? {}) as Record<string, string> };
}

export async function submitOccurrence(id: Identifier, body: { evidenceFileId: unknown; note: unknown; version: unknown }): Promise<void> {
  await httpClient(`${recordUrl(OCCURRENCES_RESOURCE, id)}/submit`, { method: 'POST', body: JSON.stringify(body) });
}

export type OccurrenceReview = 'accept' | 'return';

export async function reviewOccurrence(id: Identifier, action: OccurrenceReview, reason: string, version: unknown): Promise<void> {
  await httpClient(`${recordUrl(OCCURRENCES_RESOURCE, id)}/${action}`, { method: 'POST', body: JSON.stringify({ reason, version }) });
}
