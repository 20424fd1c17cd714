import { Injectable } from '@nestjs/common';
import { inspectionPlanResource, inspectionResource } from '@zizhu/checks';
import type { Localized, SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { Action, Behaviour, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { inReadScope, inScope } from '../../engine/scope/scope';
import { InspectionAnswersDto } from './dtos/inspection-answers.dto';
import { InspectionReopenDto } from './dtos/inspection-reopen.dto';
import { FILLED_BY } from './inspection-access';
import { InspectionAnswersService } from './inspection-answers.service';
import { INSPECTION_MESSAGES } from './inspection-messages';
import { InspectionStartService } from './inspection-start.service';

type Row = Record<string, unknown>;

interface Plan {
  id: number;
  status: string;
  mode: string;
  versionId: number;
  scopePath: string;
}

/** Who may lead an inspection (within their region). */
const LEADS = ['inspector', 'county', 'admin'];

/**
 * 督查检查: planned by the plan's bureau — a school under the plan's region, once per plan;
 * mode and checklist copied from the plan; a lead inspector (an inspector, county officer or
 * administrator whose region covers the school; none needed for 自查). Planning changes and
 * deletes only while planned. Its actions: start, save, submit (anyone who fills it in; a
 * school only its 自查) and reopen (county, admin). A verification's reads carry the
 * self-inspection's score beside its own.
 */
@Injectable()
@Behaviour(inspectionResource)
export class InspectionBehaviour implements ResourceBehaviour {
  constructor(
    private readonly starts: InspectionStartService,
    private readonly answers: InspectionAnswersService,
  ) {}

  async validate({ action, values, existing, manager, user }: RecordWrite): Promise<void> {
    if (existing && existing.status !== 'planned') throw new ApiException('IN_USE', INSPECTION_MESSAGES.notPlanned);
    const plan = await findPlan(manager, existing?.planId ?? values.planId);
    if (!plan || !inReadScope(inspectionPlanResource, plan.scopePath, user)) throw ApiException.validation({ planId: INSPECTION_MESSAGES.planMissing });
    if (!inScope(plan.scopePath, user)) throw ApiException.validation({ planId: INSPECTION_MESSAGES.planNotYours });
    if (action === 'create' && plan.status === 'closed') throw new ApiException('IN_USE', INSPECTION_MESSAGES.planClosedForNew);
    const schoolId = existing?.schoolId ?? values.schoolId;
    const [school] = await manager.query(`SELECT scope_path AS "scopePath" FROM schools WHERE id = $1`, [schoolId]);
    if (!school) return; // the generic checks name the missing school
    const errors: Record<string, Localized> = {};
    if (action === 'create') {
      if (!String(school.scopePath).startsWith(plan.scopePath)) errors.schoolId = INSPECTION_MESSAGES.schoolOutsideRegion;
      else if ((await manager.query(`SELECT 1 FROM inspections WHERE plan_id = $1 AND school_id = $2`, [plan.id, schoolId])).length) {
        errors.schoolId = INSPECTION_MESSAGES.schoolAlreadyInPlan;
      }
    }
    const lead = 'leadInspectorId' in values ? values.leadInspectorId : existing?.leadInspectorId;
    if (lead == null) {
      if (plan.mode !== 'self') errors.leadInspectorId = INSPECTION_MESSAGES.leadRequired;
    } else if (action === 'create' || 'leadInspectorId' in values) {
      const problem = await leadProblem(manager, lead, String(school.scopePath));
      if (problem) errors.leadInspectorId = problem;
    }
    if (Object.keys(errors).length) throw ApiException.validation(errors);
  }

  async serverValues({ action, values, manager }: RecordWrite): Promise<Row> {
    if (action !== 'create') return {};
    const plan = (await findPlan(manager, values.planId))!;
    return { mode: plan.mode, versionId: plan.versionId, status: 'planned' };
  }

  async beforeDelete(existing: Row): Promise<void> {
    if (existing.status !== 'planned') throw new ApiException('IN_USE', INSPECTION_MESSAGES.notPlannedDelete);
  }

  /** A verification shows the self-inspection's score and item results beside its own. */
  async view(manager: EntityManager, records: ApiRecord[]): Promise<void> {
    const verifications = records.filter((record) => record.mode === 'verify');
    if (!verifications.length) return;
    const ids = verifications.map((record) => record.selfInspectionId).filter((id) => id != null);
    const rows: { id: number; score: number | null; result: unknown }[] = ids.length
      ? await manager.query(`SELECT id, score, result FROM inspections WHERE id = ANY($1::int[])`, [ids])
      : [];
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    for (const record of verifications) {
      const self = record.selfInspectionId == null ? undefined : byId.get(Number(record.selfInspectionId));
      record.selfScore = self?.score ?? null;
      record.selfResult = self?.result ?? null;
    }
  }

  @Action({
    name: 'start',
    allow: FILLED_BY,
    summary: 'Start (待检查 → 检查中, on a published plan): freezes the data items, draws the samples, links a verification to the school’s self-inspection',
  })
  start(id: string, _body: unknown, user: SessionUser): Promise<ApiRecord> {
    return this.starts.start(id, user);
  }

  @Action({ name: 'save', allow: FILLED_BY, body: InspectionAnswersDto, summary: 'Autosave the answers of a started inspection: { answers: InspectionAnswers, version? }, partial answers allowed, each checked by type' })
  save(id: string, body: InspectionAnswersDto, user: SessionUser): Promise<ApiRecord> {
    return this.answers.save(id, body, user);
  }

  @Action({
    name: 'submit',
    allow: FILLED_BY,
    body: InspectionAnswersDto,
    summary: 'Submit (检查中 → 已提交): { answers, version? } checked in full, scored, findings raised as clues (source 督查)',
  })
  submit(id: string, body: InspectionAnswersDto, user: SessionUser): Promise<ApiRecord> {
    return this.answers.submit(id, body, user);
  }

  @Action({ name: 'reopen', allow: ['admin', 'county'], body: InspectionReopenDto, summary: 'Reopen a submitted inspection (已提交 → 检查中): { reason }, kept and audited' })
  reopen(id: string, body: InspectionReopenDto, user: SessionUser): Promise<ApiRecord> {
    return this.answers.reopen(id, body.reason, user);
  }
}

async function findPlan(manager: EntityManager, id: unknown): Promise<Plan | undefined> {
  if (id == null) return undefined;
  const [plan] = await manager.query(
    `SELECT id, status, mode, version_id AS "versionId", scope_path AS "scopePath" FROM inspection_plans WHERE id = $1`,
    [id],
  );
  return plan;
}

/** Why a user cannot lead an inspection of the school at this path, or null. */
async function leadProblem(manager: EntityManager, userId: unknown, schoolPath: string): Promise<Localized | null> {
  const [lead] = await manager.query(`SELECT role, active, scope_path AS "scopePath" FROM users WHERE id = $1`, [userId]);
  if (!lead) return null; // the generic reference check names a user who does not exist
  if (!LEADS.includes(lead.role) || !lead.active) return INSPECTION_MESSAGES.leadNotInspector;
  if (!schoolPath.startsWith(lead.scopePath)) return INSPECTION_MESSAGES.leadNotCovering;
  return null;
}
