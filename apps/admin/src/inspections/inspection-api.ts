import type {
  ChecklistDefinition,
  ChecklistScore,
  FrozenDataValue,
  InspectionAnswers,
  InspectionMode,
  InspectionSample,
  JobStatusPayload,
} from '@zizhu/schema';
import type { Identifier, RaRecord } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';

export const INSPECTIONS_RESOURCE = 'inspections';
export const INSPECTION_PLANS_RESOURCE = 'inspection-plans';

export type InspectionStatus = 'planned' | 'started' | 'submitted';
export type PlanAction = 'publish' | 'close';

/** An inspection as `GET /api/inspections/:id` returns it (a verify inspection also carries its self-inspection's result). */
export interface InspectionRecord extends RaRecord {
  planId: number;
  schoolId: number;
  mode: InspectionMode;
  versionId: number;
  status: InspectionStatus;
  answers?: InspectionAnswers | null;
  dataValues?: Record<string, FrozenDataValue> | null;
  samples?: InspectionSample[] | null;
  score?: number | null;
  passed?: boolean | null;
  result?: ChecklistScore | null;
  selfInspectionId?: number | null;
  selfResult?: ChecklistScore | null;
  selfScore?: number | null;
}

/** The part of a checklist version the fill page needs. */
export interface ChecklistVersionRecord extends RaRecord {
  definition: ChecklistDefinition;
  passMark: number;
}

/** `GET /api/inspections/:id/report`: the report job's state (null: never requested). */
export interface ReportStatus extends JobStatusPayload {
  status: 'running' | 'done' | 'failed' | null;
  error?: string;
}

const inspectionUrl = (id: Identifier): string => `${API_URL}/${INSPECTIONS_RESOURCE}/${encodeURIComponent(String(id))}`;
const planUrl = (id: Identifier): string => `${API_URL}/${INSPECTION_PLANS_RESOURCE}/${encodeURIComponent(String(id))}`;

/** The fill page of an inspection, inside the panel. */
export const fillPath = (id: Identifier): string => `/${INSPECTIONS_RESOURCE}/${encodeURIComponent(String(id))}/fill`;
export const showPath = (resource: string, id: Identifier): string => `/${resource}/${encodeURIComponent(String(id))}/show`;

async function post<T>(url: string, body: object = {}): Promise<T> {
  return (await httpClient<T>(url, { method: 'POST', body: JSON.stringify(body) })).json;
}

export const actOnPlan = (id: Identifier, action: PlanAction): Promise<unknown> => post(`${planUrl(id)}/${action}`);

export const startInspection = (id: Identifier): Promise<InspectionRecord> => post(`${inspectionUrl(id)}/start`);

/** Autosave of a started inspection: partial answers are fine; a wrong type is a 422 on its item. */
export const saveInspection = (id: Identifier, answers: InspectionAnswers): Promise<InspectionRecord> => post(`${inspectionUrl(id)}/save`, { answers });

/** Checked in full against the version, scored and frozen; a 422 names each item at fault. */
export const submitInspection = (id: Identifier, answers: InspectionAnswers): Promise<InspectionRecord> => post(`${inspectionUrl(id)}/submit`, { answers });

export const reopenInspection = (id: Identifier, reason: string): Promise<InspectionRecord> => post(`${inspectionUrl(id)}/reopen`, { reason });

/** Asks for the report: `done` at once when the stored one is current, else `running` (a job to poll). */
export const requestReport = (id: Identifier): Promise<ReportStatus> => post(`${inspectionUrl(id)}/report`);
export const reportStatusUrl = (id: Identifier): string => `${inspectionUrl(id)}/report`;
export const reportPdfUrl = (id: Identifier): string => `${inspectionUrl(id)}/report.pdf`;

/** Who fills an inspection in: the inspectors, the county and the city; the school only its own self-inspection. */
export function mayFill(inspection: Pick<InspectionRecord, 'status' | 'mode'> | undefined, role: string | undefined): boolean {
  if (!inspection || !role || inspection.status === 'submitted') return false;
  if (role === 'school') return inspection.mode === 'self';
  return role === 'inspector' || role === 'county' || role === 'admin';
}

/** Reopening a submitted inspection is the county's or the city's decision. */
export const mayReopen = (inspection: Pick<InspectionRecord, 'status'> | undefined, role: string | undefined): boolean =>
  inspection?.status === 'submitted' && (role === 'county' || role === 'admin');
