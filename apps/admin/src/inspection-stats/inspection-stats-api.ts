import type { InspectionStatistics } from '@zizhu/schema';
import { API_URL, httpClient } from '../providers/http-client';

/** 督查统计 of the user's region: every plan concerning it, latest first (`GET /api/inspection-statistics`). */
export async function fetchInspectionStatistics(): Promise<InspectionStatistics> {
  return (await httpClient<InspectionStatistics>(`${API_URL}/inspection-statistics`)).json;
}
