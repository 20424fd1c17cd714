import { Injectable } from '@nestjs/common';
import { checklistVersionResource } from '@zizhu/checks';
import type { SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { Action, Behaviour, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { ChecklistVersionService, checkDefinition, nextVersionNumber, refuseFrozen } from './checklist-version.service';

type Row = Record<string, unknown>;

/**
 * 检查表版本: a draft's definition is checked on every write (so the designer hears of a
 * problem where it is, not at publishing); a published or retired version is never written
 * nor deleted; the number and status are the server's.
 */
@Injectable()
@Behaviour(checklistVersionResource)
export class ChecklistVersionBehaviour implements ResourceBehaviour {
  constructor(private readonly versions: ChecklistVersionService) {}

  async validate({ action, values, existing }: RecordWrite): Promise<void> {
    if (existing) refuseFrozen(existing);
    if (action === 'create' || 'definition' in values) checkDefinition(values.definition);
  }

  async serverValues({ action, values, manager }: RecordWrite): Promise<Row> {
    return action === 'create' ? { number: await nextVersionNumber(manager, values.templateId), status: 'draft' } : {};
  }

  async beforeDelete(existing: Row, _manager: EntityManager, _user: SessionUser): Promise<void> {
    refuseFrozen(existing);
  }

  @Action({ name: 'publish', allow: checklistVersionResource.access.update, summary: 'Publish a draft (草稿 → 已发布): its definition is checked once more; it never changes again' })
  publish(id: string, _body: unknown, user: SessionUser): Promise<ApiRecord> {
    return this.versions.publish(id, user);
  }

  @Action({ name: 'retire', allow: checklistVersionResource.access.update, summary: 'Retire a published version (已发布 → 已停用): no new inspection uses it' })
  retire(id: string, _body: unknown, user: SessionUser): Promise<ApiRecord> {
    return this.versions.retire(id, user);
  }
}
