import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { dutyResource, workPlanResource } from '@zizhu/plans';
import type { SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import { type ApiRecord, auditSnapshot } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { inScope } from '../../engine/scope/scope';
import { OccurrenceRunner } from './occurrences/occurrence-runner.service';
import { PlansClock } from './plans-clock';
import { PLAN_MESSAGES } from './plans-messages';

/** Publishing a plan: its duties checked once more, the plan published, its occurrences generated through today and the due ones decided. */
@Injectable()
export class WorkPlanService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
    private readonly runner: OccurrenceRunner,
    private readonly clock: PlansClock,
  ) {}

  async publish(id: string, user: SessionUser): Promise<ApiRecord> {
    await this.db.transaction(async (manager) => {
      const plan = await this.reader.findRow(manager, workPlanResource, id, [], true);
      if (!plan || !inScope(plan.scopePath as string, user)) throw ApiException.notFound();
      if (plan.status !== 'draft') throw new ApiException('IN_USE', PLAN_MESSAGES.alreadyPublished);
      const duties: { id: number; title: string; level: string; completionRule: string; recurrence: string; appliesTo: unknown; startDate: string | null }[] = await manager.query(
        `SELECT id, title, level, completion_rule AS "completionRule", recurrence, applies_to AS "appliesTo", to_char(start_date, 'YYYY-MM-DD') AS "startDate"
           FROM duties WHERE plan_id = $1 ORDER BY id`,
        [plan.id],
      );
      if (!duties.length) throw ApiException.validation({ duties: PLAN_MESSAGES.noDuties });
      // Duties were checked when written; the declaration's rules may have grown since.
      for (const duty of duties) {
        const violation = dutyResource.check?.(duty);
        if (violation) throw ApiException.validation({ duties: PLAN_MESSAGES.dutyProblem(duty.title, violation.message) });
      }
      await manager.query(`UPDATE work_plans SET status = 'published', published_at = $2, published_by = $3, version = version + 1, updated_at = now() WHERE id = $1`, [
        plan.id,
        this.clock.now(),
        user.id,
      ]);
      await this.audit.record(manager, user, {
        action: 'update',
        resource: workPlanResource.name,
        recordId: plan.id as number,
        scopePath: plan.scopePath as string,
        before: auditSnapshot(workPlanResource, plan),
        after: { ...auditSnapshot(workPlanResource, plan), status: 'published', action: 'publish' },
      });
      await this.runner.run(manager, this.clock.today(), { planId: plan.id as number });
    });
    return this.reader.getOne(workPlanResource, id, user);
  }
}
