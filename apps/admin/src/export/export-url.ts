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
