import type { ImportLimits, ImportMode } from '@zizhu/schema';
import { API_URL, httpClient } from '../providers/http-client';

/** The import API (`/api/imports…`) and the panel routes of the wizard. */
export const IMPORTS_RESOURCE = 'imports';

export const importPagePath = (resource: string): string => `/import/${resource}`;
export const importJobPath = (id: number | string): string => `/${IMPORTS_RESOURCE}/${id}`;

export const templateUrl = (resource: string): string => `${API_URL}/imports/template/${encodeURIComponent(resource)}`;
export const errorReportUrl = (id: number): string => `${API_URL}/imports/${id}/errors.xlsx`;

/** The job's status answer, polled by the job page (see use-import-job). */
export const importJobUrl = (id: number): string => `${API_URL}/imports/${id}`;
const jobUrl = importJobUrl;

/** Uploads the file; the API reads and checks it in the background and answers the job id. */
/** Starts a check (a preview to confirm), or with `commitWhileReading` a one-pass import. */
export async function startImport(
  resource: string,
  file: File,
  mode: ImportMode,
  options: { commitWhileReading: boolean; allOrNothing: boolean } = { commitWhileReading: false, allOrNothing: false },
): Promise<number> {
  const body = new FormData();
  body.append('resource', resource);
  body.append('mode', mode);
  body.append('commitWhileReading', String(options.commitWhileReading));
  body.append('allOrNothing', String(options.commitWhileReading && options.allOrNothing));
  body.append('file', file, file.name);
  const { json } = await httpClient<{ id: number }>(`${API_URL}/imports`, { method: 'POST', body });
  return json.id;
}

/** What a file may hold; the upload step states it (the API is the one place it is set). */
export async function fetchImportLimits(): Promise<ImportLimits> {
  return (await httpClient<ImportLimits>(`${API_URL}/imports/limits`)).json;
}

/** Column number (as a string key) → field key, or null to ignore the column. Validation re-runs. */
export async function changeMapping(id: number, columns: Record<string, string | null>): Promise<void> {
  await httpClient(`${jobUrl(id)}/mapping`, { method: 'PUT', body: JSON.stringify({ columns }) });
}

export async function cancelImport(id: number): Promise<void> {
  await httpClient(`${jobUrl(id)}/cancel`, { method: 'POST' });
}

/** 202 when the commit has started; a 422 (e.g. all-or-nothing with invalid rows) rejects. */
export async function commitImport(id: number, allOrNothing: boolean): Promise<void> {
  await httpClient(`${jobUrl(id)}/commit`, { method: 'POST', body: JSON.stringify({ allOrNothing }) });
}
