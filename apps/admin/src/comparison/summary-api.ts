import type { ComparisonSummaryTree } from '@zizhu/schema';
import { API_URL, httpClient } from '../providers/http-client';
import { COMPARISONS_RESOURCE } from './progress-api';

export const summaryPath = (id: string | number, parent?: string): string =>
  `/${COMPARISONS_RESOURCE}/${id}/summary${parent ? `/${encodeURIComponent(parent)}` : ''}`;

export async function fetchSummaryTree(id: string | number, parent?: string): Promise<ComparisonSummaryTree> {
  const query = parent ? `?parent=${encodeURIComponent(parent)}` : '';
  const { json } = await httpClient<ComparisonSummaryTree>(`${API_URL}/comparisons/${encodeURIComponent(String(id))}/summary/tree${query}`);
  return json;
}
