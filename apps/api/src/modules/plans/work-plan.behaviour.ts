import { Injectable } from '@nestjs/common';
import { workPlanResource } from '@zizhu/plans';
import type { SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { Action, Behaviour, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { PLAN_MESSAGES } from './plans-messages';
import { WorkPlanService } from './work-plan.service';

type Row = Record<string, unknown>;

/** 工作计划: a city's or a county's; a draft is deleted with its duties, a published one stays; publishing is an action. */
@Injectable()
@Behaviour(workPlanResource)
export class WorkPlanBehaviour implements ResourceBehaviour {
  constructor(private readonly plans: WorkPlanService) {}

  async validate({ action, values, manager }: RecordWrite): Promise<void> {
    if (action !== 'create') return;
    const [region] = await manager.query(`SELECT level FROM regions WHERE id = $1`, [values.regionId]);
    if (region && region.level !== 'city' && region.level !== 'county') throw ApiException.validation({ regionId: PLAN_MESSAGES.regionLevel });
  }

  async serverValues({ action }: RecordWrite): Promise<Row> {
    return action === 'create' ? { status: 'draft' } : {};
  }

  async beforeDelete(existing: Row, manager: EntityManager): Promise<void> {
    if (existing.status !== 'draft') throw new ApiException('IN_USE', PLAN_MESSAGES.publishedNoDelete);
    await manager.query(`DELETE FROM duties WHERE plan_id = $1`, [existing.id]);
  }

  @Action({
    name: 'publish',
    allow: workPlanResource.access.update,
    summary: 'Publish a draft plan (草稿 → 已发布): its occurrences are generated per unit through today (and the next due ones) and the due ones decided',
  })
  publish(id: string, _body: unknown, user: SessionUser): Promise<ApiRecord> {
    return this.plans.publish(id, user);
  }
}
