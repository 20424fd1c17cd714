import type { OutreachCoverage } from '@zizhu/schema';
import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';

export const CAMPAIGNS_RESOURCE = 'follow-up-campaigns';
export const FOLLOW_UPS_RESOURCE = 'follow-ups';
export const COVERAGE_PATH = '/outreach/coverage';

/** The phone-friendly page where a school officer records one call or visit. */
export const recordPath = (id: Identifier): string => `/follow-up-record/${encodeURIComponent(String(id))}`;
export const RECORD_ROUTE = '/follow-up-record/:id';

const campaignUrl = (id: Identifier, action: 'draw' | 'close') => `${API_URL}/${CAMPAIGNS_RESOURCE}/${encodeURIComponent(String(id))}/${action}`;

/** 抽样: the campaign drawn, and how many families it drew. */
export async function drawCampaign(id: Identifier): Promise<{ drawn: number }> {
  return (await httpClient<{ drawn: number }>(campaignUrl(id, 'draw'), { method: 'POST' })).json;
}

export async function closeCampaign(id: Identifier): Promise<void> {
  await httpClient(campaignUrl(id, 'close'), { method: 'POST' });
}

export interface CoverageQuery {
  year: number;
  term: string;
  regionId?: string;
  dueDate?: string;
}

export async function fetchCoverage(query: CoverageQuery): Promise<OutreachCoverage> {
  const params = new URLSearchParams({ year: String(query.year), term: query.term });
  if (query.regionId) params.set('regionId', query.regionId);
  if (query.dueDate) params.set('dueDate', query.dueDate);
  return (await httpClient<OutreachCoverage>(`${API_URL}/outreach-coverage?${params.toString()}`)).json;
}

/** The answers the record form sends (the follow-up's writable fields), in the order it asks for them. */
export const RECORD_KEYS = ['contactedAt', 'contactName', 'reached', 'knewPolicy', 'amountCheck', 'reportedAmount', 'satisfaction', 'notes', 'evidenceFileId'] as const;

/** Records a call or visit: the generic update with the version read (a stale one is refused). */
export async function recordFollowUp(id: Identifier, values: Record<string, unknown>, version: unknown): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = { version };
  for (const key of RECORD_KEYS) if (values[key] !== undefined) body[key] = values[key] === '' ? null : values[key];
  return (await httpClient<Record<string, unknown>>(`${API_URL}/${FOLLOW_UPS_RESOURCE}/${encodeURIComponent(String(id))}`, { method: 'PUT', body: JSON.stringify(body) })).json;
}
