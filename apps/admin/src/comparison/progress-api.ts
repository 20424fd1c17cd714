import { API_URL, httpClient } from '../providers/http-client';

export type SchoolProgressState = 'done' | 'pending' | 'overdue';

/** One school's row of `GET /api/comparisons/:id/progress`. */
export interface SchoolProgress {
  schoolId: number;
  schoolName: string;
  total: number;
  decided: number;
  confirmed: number;
  rejected: number;
  pending: number;
  overdue: boolean;
  state: SchoolProgressState;
}

export interface ComparisonProgress {
  comparisonId: number;
  deadline: string | null;
  schools: SchoolProgress[];
}

export const COMPARISONS_RESOURCE = 'comparisons';
export const progressPath = (id: string | number): string => `/${COMPARISONS_RESOURCE}/${id}/progress`;

export async function fetchProgress(id: string | number): Promise<ComparisonProgress> {
  const { json } = await httpClient<ComparisonProgress>(`${API_URL}/comparisons/${encodeURIComponent(String(id))}/progress`);
  return json;
}
