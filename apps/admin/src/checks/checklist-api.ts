import { useQuery } from '@tanstack/react-query';
import type { Localized } from '@zizhu/schema';
import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';

export const CHECKLIST_TEMPLATES_RESOURCE = 'checklist-templates';
export const CHECKLIST_VERSIONS_RESOURCE = 'checklist-versions';

/** A new draft of a template (a copy of its latest version, or a one-item starter): the version as stored. */
export async function newChecklistVersion(templateId: Identifier): Promise<{ id: Identifier }> {
  const url = `${API_URL}/${CHECKLIST_TEMPLATES_RESOURCE}/${encodeURIComponent(String(templateId))}/new-version`;
  return (await httpClient<{ id: Identifier }>(url, { method: 'POST', body: '{}' })).json;
}

/** A data item of the API's catalogue (`GET /api/checklist-data-items`). */
export interface DataItemOption {
  code: string;
  label: Localized;
  unit: Localized;
}

/** The data-item catalogue, for the designer's picker (fetched once per session). */
export function useDataItems(): readonly DataItemOption[] {
  const { data } = useQuery({
    queryKey: ['checklist-data-items'],
    queryFn: async () => (await httpClient<DataItemOption[]>(`${API_URL}/checklist-data-items`)).json,
    staleTime: Infinity,
  });
  return data ?? [];
}
