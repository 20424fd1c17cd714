import type { ApplicationImportResult, RosterProblem } from '@zizhu/schema';
import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';

export const ROSTERS_RESOURCE = 'rosters';
export const ROSTER_ENTRIES_RESOURCE = 'roster-entries';
export const ROSTER_ACTIONS_RESOURCE = 'roster-actions';
export const PROGRAMS_RESOURCE = 'programs';

export type StepAction = 'approve' | 'return' | 'reject';

export interface ApprovalStepView {
  label: string;
  role: string;
  level: string;
}

const rosterUrl = (id: Identifier): string => `${API_URL}/rosters/${encodeURIComponent(String(id))}`;

export const noticeUrl = (id: Identifier): string => `${rosterUrl(id)}/notice.xlsx`;

export async function actOnRoster(id: Identifier, action: StepAction, comment: string): Promise<void> {
  await httpClient(`${rosterUrl(id)}/actions`, { method: 'POST', body: JSON.stringify({ action, comment }) });
}

export async function fetchProblems(id: Identifier): Promise<RosterProblem[]> {
  return (await httpClient<RosterProblem[]>(`${rosterUrl(id)}/problems`)).json;
}

export async function autoEnrol(id: Identifier): Promise<{ added: number }> {
  return (await httpClient<{ added: number }>(`${rosterUrl(id)}/auto-enrol`, { method: 'POST', body: '{}' })).json;
}

export type AmendmentBody =
  | { entryId: Identifier; tier: string; reason: string }
  | { entryId: Identifier; remove: true; reason: string }
  | { studentId: Identifier; tier: string; reason: string };

export async function amendRoster(id: Identifier, body: AmendmentBody): Promise<void> {
  await httpClient(`${rosterUrl(id)}/amendments`, { method: 'POST', body: JSON.stringify(body) });
}

/** While the school holds it, a roster's entries change; afterwards only by amendment. */
export const isWithSchool = (status: unknown): boolean => status === 'draft' || status === 'returned';
export const isFinal = (status: unknown): boolean => status === 'approved' || status === 'rejected';

export const applicationTemplateUrl = (id: Identifier): string => `${rosterUrl(id)}/applications/template.xlsx`;

export async function importApplications(id: Identifier, file: File, allOrNothing: boolean): Promise<ApplicationImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('allOrNothing', String(allOrNothing));
  return (await httpClient<ApplicationImportResult>(`${rosterUrl(id)}/applications`, { method: 'POST', body: form })).json;
}
