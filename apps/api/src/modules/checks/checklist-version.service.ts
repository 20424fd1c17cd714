import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ChecklistVersionStatus, checklistVersionResource, findDefinitionProblem } from '@zizhu/checks';
import type { ChecklistDefinition } from '@zizhu/schema';
import type { SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import { type ApiRecord, auditSnapshot, selectList } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { inScope } from '../../engine/scope/scope';
import { CHECKS_MESSAGES } from './checks-messages';
import { DATA_ITEM_CODES } from './data-items/data-item-catalogue';

type Row = Record<string, unknown>;

/** A published or retired version refuses every write (409). */
export function refuseFrozen(version: Row): void {
  if (version.status !== 'draft') throw new ApiException('IN_USE', CHECKS_MESSAGES.frozen);
}

/** findDefinitionProblem as a 422 on `definition.<path>`. */
export function checkDefinition(definition: unknown): void {
  if (!isDefinition(definition)) throw ApiException.validation({ definition: CHECKS_MESSAGES.definitionRequired });
  const problem = findDefinitionProblem(definition, DATA_ITEM_CODES);
  if (problem) throw ApiException.validation({ [`definition.${problem.path}`]: problem.message });
}

function isDefinition(value: unknown): value is ChecklistDefinition {
  const sections = (value as { sections?: unknown } | null)?.sections;
  return Array.isArray(sections) && sections.every((s) => s !== null && typeof s === 'object' && Array.isArray((s as { items?: unknown }).items));
}

/** The next number of a template's versions; the template row is locked so two drafts never take one number. */
export async function nextVersionNumber(manager: EntityManager, templateId: unknown): Promise<number> {
  await manager.query(`SELECT id FROM checklist_templates WHERE id = $1 FOR UPDATE`, [templateId]);
  const [{ next }] = await manager.query(`SELECT coalesce(max(number), 0) + 1 AS next FROM checklist_versions WHERE template_id = $1`, [templateId]);
  return Number(next);
}

/**
 * A version's life after its design: publish (draft → published, checked once more, who and
 * when recorded) and retire (published → retired). Each is one audited UPDATE on the locked row.
 */
@Injectable()
export class ChecklistVersionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  publish(id: string, user: SessionUser): Promise<ApiRecord> {
    return this.move(id, user, 'draft', 'published', (version) => {
      checkDefinition(version.definition);
      return { publishedAt: new Date(), publishedBy: user.id };
    });
  }

  retire(id: string, user: SessionUser): Promise<ApiRecord> {
    return this.move(id, user, 'published', 'retired', () => ({}));
  }

  private async move(id: string, user: SessionUser, from: ChecklistVersionStatus, to: ChecklistVersionStatus, changes: (version: Row) => Row): Promise<ApiRecord> {
    await this.db.transaction(async (manager) => {
      const version = await this.reader.findRow(manager, checklistVersionResource, id, [], true);
      if (!version) throw ApiException.notFound();
      if (!inScope(version.scopePath as string, user)) throw ApiException.outOfScope();
      if (version.status !== from) throw new ApiException('IN_USE', from === 'draft' ? CHECKS_MESSAGES.notDraft : CHECKS_MESSAGES.notPublished);
      const written: Row = { ...changes(version), status: to };
      const keys = Object.keys(written);
      const sets = keys.map((key, i) => `"${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}" = $${i + 2}`);
      const [[row]] = await manager.query(
        `UPDATE checklist_versions AS t SET ${sets.join(', ')}, version = t.version + 1, updated_at = now() WHERE t.id = $1 RETURNING ${selectList(checklistVersionResource)}`,
        [version.id, ...keys.map((key) => written[key])],
      );
      await this.audit.record(manager, user, {
        action: 'update',
        resource: checklistVersionResource.name,
        recordId: row.id,
        scopePath: row.scopePath,
        before: auditSnapshot(checklistVersionResource, version),
        after: auditSnapshot(checklistVersionResource, row),
      });
    });
    return this.reader.getOne(checklistVersionResource, id, user);
  }
}
