import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inspectionPlanResource, type InspectionPlanStatus, inspectionResource } from '@zizhu/checks';
import type { SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import { type ApiRecord, auditSnapshot, selectList } from '../../engine/rest/record-presenter';
import { Action, Behaviour, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { INSPECTION_MESSAGES } from './inspection-messages';
import { lockForAction, trackedUpdate } from './tracked-update';

type Row = Record<string, unknown>;

/**
 * 检查计划: its checklist is a published version of a template the organising bureau may
 * read; its status is the server's (draft → published by
 * `publish` → closed by `close`); a closed plan no longer changes; a plan whose
 * inspections have started is not deleted (its planned inspections go with it).
 */
@Injectable()
@Behaviour(inspectionPlanResource)
export class InspectionPlanBehaviour implements ResourceBehaviour {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  async validate({ action, values, existing, manager }: RecordWrite): Promise<void> {
    if (existing?.status === 'closed') throw new ApiException('IN_USE', INSPECTION_MESSAGES.planClosed);
    if (action === 'create') await checkPlanVersion(manager, values.regionId, values.versionId);
  }

  async serverValues({ action }: RecordWrite): Promise<Row> {
    return action === 'create' ? { status: 'draft' } : {};
  }

  async beforeDelete(existing: Row, manager: EntityManager, user: SessionUser): Promise<void> {
    const [started] = await manager.query(`SELECT 1 FROM inspections WHERE plan_id = $1 AND status <> 'planned' LIMIT 1`, [existing.id]);
    if (started) throw new ApiException('IN_USE', INSPECTION_MESSAGES.planHasStarted);
    const [removed]: [Row[]] = await manager.query(`DELETE FROM inspections AS t WHERE t.plan_id = $1 RETURNING ${selectList(inspectionResource)}`, [existing.id]);
    for (const row of removed) {
      await this.audit.record(manager, user, {
        action: 'delete',
        resource: inspectionResource.name,
        recordId: row.id as number,
        scopePath: row.scopePath as string,
        before: auditSnapshot(inspectionResource, row),
        after: null,
      });
    }
  }

  @Action({ name: 'publish', allow: inspectionPlanResource.access.update, summary: 'Publish a draft plan (草稿 → 已发布): its inspections may start' })
  publish(id: string, _body: unknown, user: SessionUser): Promise<ApiRecord> {
    return this.move(id, user, 'draft', 'published');
  }

  @Action({ name: 'close', allow: inspectionPlanResource.access.update, summary: 'Close a published plan (已发布 → 已结束): no inspection starts any more' })
  close(id: string, _body: unknown, user: SessionUser): Promise<ApiRecord> {
    return this.move(id, user, 'published', 'closed');
  }

  private async move(id: string, user: SessionUser, from: InspectionPlanStatus, to: InspectionPlanStatus): Promise<ApiRecord> {
    await this.db.transaction(async (manager) => {
      const plan = await lockForAction(manager, this.reader, inspectionPlanResource, id, user);
      if (plan.status !== from) throw new ApiException('IN_USE', from === 'draft' ? INSPECTION_MESSAGES.planNotDraft : INSPECTION_MESSAGES.planNotPublished);
      // A version retired since the plan was drafted is no longer started from.
      if (to === 'published') await checkPlanVersion(manager, plan.regionId, plan.versionId);
      await trackedUpdate(manager, this.audit, inspectionPlanResource, plan, { status: to }, user, { action: to === 'published' ? 'publish' : 'close' });
    });
    return this.reader.getOne(inspectionPlanResource, id, user);
  }
}

/**
 * The version is published, and its template is one the organising region reads: its own,
 * one from above it, or one of a unit below it (422 on `versionId`; another county's is not).
 */
async function checkPlanVersion(manager: EntityManager, regionId: unknown, versionId: unknown): Promise<void> {
  if (regionId == null || versionId == null) return;
  const [row] = await manager.query(
    `SELECT v.status, t.scope_path AS "templatePath", r.scope_path AS "regionPath"
       FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id, regions r
      WHERE v.id = $1 AND r.id = $2`,
    [versionId, regionId],
  );
  if (!row) return; // the generic reference checks name what does not exist
  if (row.status !== 'published') throw ApiException.validation({ versionId: INSPECTION_MESSAGES.versionNotPublished });
  const [region, template] = [String(row.regionPath), String(row.templatePath)];
  if (!region.startsWith(template) && !template.startsWith(region)) throw ApiException.validation({ versionId: INSPECTION_MESSAGES.versionOutOfRegion });
}
