import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';

export const AUDIT_RULES_RESOURCE = 'audit-rules';

/** What a run found (POST /api/audit-rules/:id/run). */
export interface AuditRunCounts {
  matched: number;
  opened: number;
  alreadyOpen: number;
}

export async function runAuditRule(id: Identifier): Promise<AuditRunCounts> {
  const { json } = await httpClient<AuditRunCounts>(`${API_URL}/${AUDIT_RULES_RESOURCE}/${encodeURIComponent(String(id))}/run`, { method: 'POST' });
  return json;
}
