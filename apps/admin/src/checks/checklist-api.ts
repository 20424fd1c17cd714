import { useQuery } from '@tanstack/react-query';
import type { Localized } from '@zizhu/schema';
import { API_URL, httpClient } from '../providers/http-client';

export const CHECKLIST_VERSIONS_RESOURCE = 'checklist-versions';

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
