import type { SortPayload } from 'react-admin';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `GET /api/<resource>/export` with the list's own filter and sort, written the way
 * ra-data-simple-rest writes them for the list (`filter={…}`, `sort=["field","ASC"]`).
 */
export function exportUrl(
  apiUrl: string,
  resource: string,
  format: ExportFormat,
  filter: Record<string, unknown>,
  sort: SortPayload | undefined,
): string {
  const query = new URLSearchParams({ format, filter: JSON.stringify(filter ?? {}) });
  if (sort?.field) query.set('sort', JSON.stringify([sort.field, sort.order]));
  return `${apiUrl}/${resource}/export?${query.toString()}`;
}

/** Lists longer than this export as a background job with a progress dialog. */
export const EXPORT_JOB_THRESHOLD = 50_000;

/** `POST /api/<resource>/export-jobs` with the same parameters as the export. */
export function exportJobStartUrl(
  apiUrl: string,
  resource: string,
  format: ExportFormat,
  filter: Record<string, unknown>,
  sort: SortPayload | undefined,
): string {
  return exportUrl(apiUrl, resource, format, filter, sort).replace(`/${resource}/export?`, `/${resource}/export-jobs?`);
}

export const exportJobUrl = (apiUrl: string, id: number): string => `${apiUrl}/export-jobs/${id}`;
export const exportJobFileUrl = (apiUrl: string, id: number): string => `${apiUrl}/export-jobs/${id}/file`;
