import type { Json, TestApp } from './test-app';

type Rec = Record<string, Json>;

async function ok(response: Promise<{ status: number; body: Json }>): Promise<Json> {
  const r = await response;
  if (r.status !== 200 && r.status !== 201) throw new Error(`HTTP ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A checklist template with one published version of this definition, designed through the API as the panel does. */
export async function publishedChecklist(api: TestApp, token: string, template: { code: string; name?: string; regionId: string }, definition: Rec, passMark = 60): Promise<Rec> {
  const created = await ok(api.request('POST', '/api/checklist-templates', { token, body: { kind: 'special', name: template.name ?? template.code, ...template } }));
  const draft = await ok(api.request('POST', `/api/checklist-templates/${created.id}/new-version`, { token, body: {} }));
  await ok(api.request('PUT', `/api/checklist-versions/${draft.id}`, { token, body: { definition, passMark, version: draft.version } }));
  return ok(api.request('POST', `/api/checklist-versions/${draft.id}/publish`, { token, body: {} }));
}

/** A plan on the version, published unless `publish` is false. */
export async function inspectionPlan(api: TestApp, token: string, plan: { regionId: string; versionId: number; mode: string; name?: string; daysToRectify?: number }, publish = true): Promise<Rec> {
  const created = await ok(
    api.request('POST', '/api/inspection-plans', {
      token,
      body: { name: plan.name ?? `检查计划 ${plan.mode}`, startDate: '2026-01-01', endDate: '2026-12-31', daysToRectify: 30, ...plan },
    }),
  );
  return publish ? ok(api.request('POST', `/api/inspection-plans/${created.id}/publish`, { token, body: {} })) : created;
}

/** An inspection of the school in the plan, planned for the plan's first day. */
export function plannedInspection(api: TestApp, token: string, inspection: { planId: number; schoolId: number; leadInspectorId?: number | null; team?: string }): Promise<Rec> {
  return ok(api.request('POST', '/api/inspections', { token, body: { plannedDate: '2026-06-01', ...inspection } }));
}

/** An action on an inspection (start, save, submit, reopen), failing the spec unless it succeeds. */
export function inspectionAction(api: TestApp, token: string, id: number, action: string, body: Rec = {}): Promise<Rec> {
  return ok(api.request('POST', `/api/inspections/${id}/${action}`, { token, body }));
}
