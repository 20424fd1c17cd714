import { Injectable } from '@nestjs/common';
import { REVIEW_KINDS, type ReviewKind, reviewPeriod, reviewResource, reviewTitle, workPlanResource } from '@zizhu/plans';
import type { SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { Action, Behaviour, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { inReadScope } from '../../engine/scope/scope';
import { PlansClock } from '../plans/plans-clock';
import { ReviewWorkflowService } from './review-workflow.service';
import { REVIEW_MESSAGES } from './reviews-messages';

type Row = Record<string, unknown>;

interface PlanFacts {
  status: string;
  year: number;
  regionId: string;
  planPath: string;
}

interface RegionFacts {
  name: string;
  path: string;
}

/**
 * 月点评 / 季通报: created for a published plan and a period of its year (region, year, dates
 * and title given by the server), changed and deleted only as drafts; computed and issued by
 * actions.
 */
@Injectable()
@Behaviour(reviewResource)
export class ReviewBehaviour implements ResourceBehaviour {
  constructor(
    private readonly workflow: ReviewWorkflowService,
    private readonly clock: PlansClock,
  ) {}

  async validate({ action, values, existing, manager, user }: RecordWrite): Promise<void> {
    if (action === 'update') {
      if (existing?.status !== 'draft') throw new ApiException('IN_USE', REVIEW_MESSAGES.issuedNoChange);
      return;
    }
    const plan = await planFacts(manager, values.planId);
    // A plan the user cannot read: the scope check that follows refuses it.
    if (!plan || !inReadScope(workPlanResource, plan.planPath, user)) return;
    if (plan.status !== 'published') throw ApiException.validation({ planId: REVIEW_MESSAGES.planNotPublished });
    const region = await regionFacts(manager, (values.regionId as string | undefined) ?? plan.regionId);
    if (!region || !region.path.startsWith(plan.planPath)) throw ApiException.validation({ regionId: REVIEW_MESSAGES.regionOutsidePlan });
    const kind = values.kind as ReviewKind;
    const field = kind === 'monthly' ? 'month' : 'quarter';
    const period = reviewPeriod(kind, plan.year, Number(values[field]));
    if (period.start > this.clock.today()) throw ApiException.validation({ [field]: REVIEW_MESSAGES.notStarted });
    const [taken] = await manager.query(`SELECT 1 FROM reviews WHERE plan_id = $1 AND region_id = $2 AND period_key = $3`, [values.planId, (values.regionId as string | undefined) ?? plan.regionId, period.key]);
    if (taken) throw ApiException.validation({ [field]: REVIEW_MESSAGES.duplicate(REVIEW_KINDS.find((k) => k.value === kind)!.label) });
  }

  async serverValues({ action, values, manager }: RecordWrite): Promise<Row> {
    if (action !== 'create') return {};
    const plan = (await planFacts(manager, values.planId))!;
    const regionId = (values.regionId as string | undefined) ?? plan.regionId;
    const region = (await regionFacts(manager, regionId))!;
    const kind = values.kind as ReviewKind;
    const period = reviewPeriod(kind, plan.year, Number(kind === 'monthly' ? values.month : values.quarter));
    return {
      regionId,
      year: plan.year,
      periodKey: period.key,
      periodStart: period.start,
      periodEnd: period.end,
      title: reviewTitle(kind, region.name, period),
      status: 'draft',
    };
  }

  async beforeDelete(existing: Row, manager: EntityManager): Promise<void> {
    if (existing.status !== 'draft') throw new ApiException('IN_USE', REVIEW_MESSAGES.issuedNoChange);
    await manager.query(`DELETE FROM review_rows WHERE review_id = $1`, [existing.id]);
  }

  @Action({
    name: 'compute',
    allow: reviewResource.access.update,
    summary: 'Compute a draft review from the data (as of its period’s end, or today while it runs): every school of its region, each indicator, weighted total, rank, lagging; again as often as wanted',
  })
  compute(id: string, _body: unknown, user: SessionUser): Promise<ApiRecord> {
    return this.workflow.compute(id, user);
  }

  @Action({
    name: 'issue',
    allow: reviewResource.access.update,
    summary: 'Issue a computed review (草稿 → 已发布): its rows are frozen and each school reads its own line',
  })
  issue(id: string, _body: unknown, user: SessionUser): Promise<ApiRecord> {
    return this.workflow.issue(id, user);
  }
}

async function planFacts(manager: EntityManager, planId: unknown): Promise<PlanFacts | undefined> {
  if (planId == null) return undefined;
  const [plan]: PlanFacts[] = await manager.query(
    `SELECT status, year, region_id AS "regionId", scope_path AS "planPath" FROM work_plans WHERE id = $1`,
    [planId],
  );
  return plan;
}

async function regionFacts(manager: EntityManager, regionId: string): Promise<RegionFacts | undefined> {
  const [region]: RegionFacts[] = await manager.query(`SELECT name, scope_path AS path FROM regions WHERE id = $1`, [regionId]);
  return region;
}
