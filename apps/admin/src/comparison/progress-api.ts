import type { ComparisonProgress } from '@zizhu/schema';
import { API_URL, httpClient } from '../providers/http-client';

export const COMPARISONS_RESOURCE = 'comparisons';
export const progressPath = (id: string | number): string => `/${COMPARISONS_RESOURCE}/${id}/progress`;

export async function fetchProgress(id: string | number): Promise<ComparisonProgress> {
  const { json } = await httpClient<ComparisonProgress>(`${API_URL}/comparisons/${encodeURIComponent(String(id))}/progress`);
  return json;
}
