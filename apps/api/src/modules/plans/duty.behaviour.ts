import { Injectable } from '@nestjs/common';
import { dutyResource } from '@zizhu/plans';
import { normalizeRecurrence } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import { Behaviour, type RecordChange, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { OccurrenceRunner } from './occurrences/occurrence-runner.service';
import { PlansClock } from './plans-clock';
import { PLAN_MESSAGES } from './plans-messages';

type Row = Record<string, unknown>;

/** What decides a duty's occurrences: fixed once its plan is published (the occurrences already made follow them). */
const SCHEDULE_FIELDS = ['level', 'appliesTo', 'recurrence', 'startDate', 'completionRule'];

/**
 * 工作任务: the rule is stored normalised and the start defaults to the plan year's 1 January;
 * once the plan is published a duty may still be added (its occurrences are made at once)
 * and reworded, but not rescheduled nor deleted.
 */
@Injectable()
@Behaviour(dutyResource)
export class DutyBehaviour implements ResourceBehaviour {
  constructor(
    private readonly runner: OccurrenceRunner,
    private readonly clock: PlansClock,
  ) {}

  async validate({ action, values, existing, manager }: RecordWrite): Promise<void> {
    const plan = await planOf(manager, (existing?.planId ?? values.planId) as number);
    if (!plan) return; // the generic writer names the missing reference
    if (action === 'update' && plan.status !== 'draft' && SCHEDULE_FIELDS.some((key) => key in values)) throw new ApiException('IN_USE', PLAN_MESSAGES.notDraft);
    const start = values.startDate as string | null | undefined;
    if (start && !String(start).startsWith(`${plan.year}-`)) throw ApiException.validation({ startDate: PLAN_MESSAGES.startOutsideYear });
  }

  async serverValues({ action, values, manager }: RecordWrite): Promise<Row> {
    const written: Row = {};
    if (typeof values.recurrence === 'string') written.recurrence = normalizeRecurrence(values.recurrence);
    if (action === 'create' && values.startDate == null) {
      const plan = await planOf(manager, values.planId as number);
      if (plan) written.startDate = `${plan.year}-01-01`;
    }
    return written;
  }

  async beforeDelete(existing: Row, manager: EntityManager): Promise<void> {
    const plan = await planOf(manager, existing.planId as number);
    if (plan && plan.status !== 'draft') throw new ApiException('IN_USE', PLAN_MESSAGES.dutyPublishedNoDelete);
  }

  /** A duty added to a published plan gets its occurrences in the same transaction. */
  async afterWrite({ action, after, manager }: RecordChange): Promise<void> {
    if (action !== 'create' || !after) return;
    await this.runner.run(manager, this.clock.today(), { dutyId: after.id as number });
  }
}

async function planOf(manager: EntityManager, planId: number | undefined): Promise<{ status: string; year: number } | undefined> {
  if (planId == null) return undefined;
  const [plan] = await manager.query(`SELECT status, year FROM work_plans WHERE id = $1`, [planId]);
  return plan;
}
