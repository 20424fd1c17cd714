import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate } from '@zizhu/identities';
import { dutyOccurrenceResource, OCCURRENCE_STATUSES, OCCURRENCE_SUBMITTABLE_STATUSES } from '@zizhu/plans';
import { columnName, type SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../../engine/audit/audit.service';
import { ApiException } from '../../../engine/errors/api.exception';
import { attachFiles } from '../../../engine/files/file-attach';
import { type ApiRecord, auditSnapshot, selectList } from '../../../engine/rest/record-presenter';
import { ResourceReader } from '../../../engine/rest/resource-reader.service';
import { inScope } from '../../../engine/scope/scope';
import type { OccurrenceReviewDto } from '../dtos/occurrence-review.dto';
import { PlansClock } from '../plans-clock';
import { OCCURRENCE_ACTION_NAMES, PLAN_MESSAGES } from '../plans-messages';

type Row = Record<string, unknown>;
type OccurrenceAction = keyof typeof OCCURRENCE_ACTION_NAMES;

const REASON_MAX = 500;

/** The statuses each action starts from. */
const FROM: Record<OccurrenceAction, readonly string[]> = {
  submit: OCCURRENCE_SUBMITTABLE_STATUSES,
  accept: ['submitted'],
  return: ['submitted'],
};

/**
 * A manual duty's workflow: the unit submits its evidence (待完成 / 已退回 / 未完成 → 待审核),
 * the planner accepts it — 按时完成 when it was submitted by the due date, else 逾期完成 — or
 * returns it with a reason (→ 已退回), and the unit submits again. Each step is one audited
 * UPDATE of the locked row.
 */
@Injectable()
export class OccurrenceWorkflowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
    private readonly clock: PlansClock,
  ) {}

  submit(id: string, values: Row, user: SessionUser): Promise<ApiRecord> {
    return this.act(id, 'submit', user, values.version, async (manager, occurrence) => {
      if (occurrence.completionRule !== 'manual') throw new ApiException('IN_USE', PLAN_MESSAGES.automaticNoSubmit);
      if (!isTheUnit(occurrence, user)) throw new ApiException('FORBIDDEN', PLAN_MESSAGES.notYourUnit);
      await attachFiles(manager, dutyOccurrenceResource, values, occurrence.id as number, occurrence.scopePath as string, user);
      return {
        status: 'submitted',
        evidenceFileId: values.evidenceFileId,
        note: values.note ?? null,
        submittedAt: this.clock.now(),
        submittedBy: user.id,
        returnReason: null,
        reviewedAt: null,
        reviewedBy: null,
      };
    });
  }

  review(id: string, action: 'accept' | 'return', body: OccurrenceReviewDto, user: SessionUser): Promise<ApiRecord> {
    const reason = body.reason?.trim() ?? '';
    if (action === 'return' && !reason) throw ApiException.validation({ reason: PLAN_MESSAGES.reasonRequired });
    if (reason.length > REASON_MAX) throw ApiException.validation({ reason: PLAN_MESSAGES.reasonTooLong });
    return this.act(id, action, user, body.version, async (manager, occurrence) => {
      const [plan] = await manager.query(`SELECT scope_path FROM work_plans WHERE id = $1`, [occurrence.planId]);
      if (!plan || !inScope(plan.scope_path, user)) throw new ApiException('FORBIDDEN', PLAN_MESSAGES.notThePlanner);
      const reviewed = { reviewedAt: this.clock.now(), reviewedBy: user.id };
      if (action === 'return') return { ...reviewed, status: 'returned', returnReason: reason };
      const submittedOn = chinaDate(new Date(occurrence.submittedAt as string));
      const onTime = submittedOn <= String(occurrence.dueDate);
      return { ...reviewed, status: onTime ? 'done' : 'late', onTime, completedAt: submittedOn };
    });
  }

  private async act(id: string, action: OccurrenceAction, user: SessionUser, version: unknown, changes: (manager: EntityManager, occurrence: Row) => Promise<Row>): Promise<ApiRecord> {
    await this.db.transaction(async (manager) => {
      const occurrence = await this.reader.findRow(manager, dutyOccurrenceResource, id, [], true);
      if (!occurrence || !inScope(occurrence.scopePath as string, user)) throw ApiException.notFound();
      if (version !== undefined && version !== null && Number(version) !== occurrence.version) throw new ApiException('STALE_VERSION', PLAN_MESSAGES.stale);
      const status = String(occurrence.status);
      if (!FROM[action].includes(status)) {
        const label = OCCURRENCE_STATUSES.find((s) => s.value === status)?.label ?? { zh: status, en: status };
        throw new ApiException('IN_USE', PLAN_MESSAGES.notFromStatus(label, OCCURRENCE_ACTION_NAMES[action]));
      }
      const written = await changes(manager, occurrence);
      const keys = Object.keys(written);
      const sets = keys.map((key, i) => `"${columnName(key, dutyOccurrenceResource.fields[key])}" = $${i + 2}`);
      const [[row]] = await manager.query(
        `UPDATE duty_occurrences AS t SET ${sets.join(', ')}, version = t.version + 1, updated_at = now() WHERE t.id = $1 RETURNING ${selectList(dutyOccurrenceResource)}`,
        [occurrence.id, ...keys.map((key) => written[key])],
      );
      await this.audit.record(manager, user, {
        action: 'update',
        resource: dutyOccurrenceResource.name,
        recordId: row.id,
        scopePath: row.scopePath,
        before: auditSnapshot(dutyOccurrenceResource, occurrence),
        after: { ...auditSnapshot(dutyOccurrenceResource, row), action },
      });
    });
    return this.reader.getOne(dutyOccurrenceResource, id, user);
  }
}

/**
 * A school's duty is the school's own officers'; a township's or county's is the bureau's
 * (a township has no officers of its own: its county submits for it).
 */
function isTheUnit(occurrence: Row, user: SessionUser): boolean {
  if (occurrence.level === 'school') return user.role === 'school' && user.scopePath === occurrence.scopePath;
  return (user.role === 'county' || user.role === 'admin') && inScope(occurrence.scopePath as string, user);
}
