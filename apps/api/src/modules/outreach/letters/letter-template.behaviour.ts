import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { findPlaceholderProblem, letterTemplateResource, placeholderProblemMessage } from '@zizhu/outreach';
import type { Localized, SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../engine/audit/audit.service';
import { ApiException } from '../../../engine/errors/api.exception';
import { type ApiRecord, auditSnapshot, selectList } from '../../../engine/rest/record-presenter';
import { Action, Behaviour, type RecordWrite, type ResourceBehaviour } from '../../../engine/rest/resource-behaviour';
import { ResourceReader } from '../../../engine/rest/resource-reader.service';
import { inScope } from '../../../engine/scope/scope';
import { LETTER_MESSAGES } from './letter-messages';

type Row = Record<string, unknown>;

/** The two texts a template fills in: a change to either after publishing is a new revision. */
const TEXT_FIELDS = ['body', 'receiptText'] as const;

/**
 * 告知书模板: placeholders checked on every save (an unknown `{{…}}` is a 422 on its text);
 * draft → published (`publish`) → retired (`retire`); once published, every change of its
 * text raises `revision`, which each letter records. A retired template no longer changes.
 */
@Injectable()
@Behaviour(letterTemplateResource)
export class LetterTemplateBehaviour implements ResourceBehaviour {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  /** A county's template is its county's; the city's admin writes the city's. */
  prepareBody(body: Row, user: SessionUser): Row {
    return { ...body, regionId: body.regionId ?? user.scopePath.split('.').filter(Boolean).pop() };
  }

  async validate({ values, existing }: RecordWrite): Promise<void> {
    if (existing?.status === 'retired') throw new ApiException('IN_USE', LETTER_MESSAGES.retiredTemplate);
    const errors: Record<string, Localized> = {};
    for (const field of TEXT_FIELDS) {
      if (typeof values[field] !== 'string') continue;
      const problem = findPlaceholderProblem(values[field] as string);
      if (problem) errors[field] = placeholderProblemMessage(problem);
    }
    if (Object.keys(errors).length) throw ApiException.validation(errors);
  }

  async serverValues({ action, values, existing }: RecordWrite): Promise<Row> {
    if (action === 'create') return { status: 'draft', revision: 1 };
    const textChanged = TEXT_FIELDS.some((field) => field in values);
    return existing?.status === 'published' && textChanged ? { revision: Number(existing.revision ?? 1) + 1 } : {};
  }

  @Action({ name: 'publish', allow: letterTemplateResource.access.update, summary: 'Publish a draft template (草稿 → 已发布): letters may be generated from it' })
  publish(id: string, _body: unknown, user: SessionUser): Promise<ApiRecord> {
    return this.move(id, user, 'draft', 'published', LETTER_MESSAGES.notDraft, { published_at: new Date() });
  }

  @Action({ name: 'retire', allow: letterTemplateResource.access.update, summary: 'Retire a published template (已发布 → 已停用): no new letters from it' })
  retire(id: string, _body: unknown, user: SessionUser): Promise<ApiRecord> {
    return this.move(id, user, 'published', 'retired', LETTER_MESSAGES.notPublished, {});
  }

  /** One audited UPDATE of the locked row: its status (and when it was published). */
  private async move(id: string, user: SessionUser, from: string, to: string, refusal: Localized, columns: Row): Promise<ApiRecord> {
    await this.db.transaction(async (manager) => {
      const template = await this.reader.findRow(manager, letterTemplateResource, id, [], true);
      if (!template) throw ApiException.notFound();
      if (!inScope(template.scopePath as string, user)) {
        // Read from below (a county reading the city's template): there, but not the county's to change.
        if ((user.scopePath as string).startsWith(template.scopePath as string)) throw ApiException.outOfScope();
        throw ApiException.notFound();
      }
      if (template.status !== from) throw new ApiException('IN_USE', refusal);
      const sets = Object.keys(columns).map((column, i) => `, "${column}" = $${i + 3}`);
      const [[row]] = await manager.query(
        `UPDATE letter_templates AS t SET status = $2${sets.join('')}, version = t.version + 1, updated_at = now() WHERE t.id = $1 RETURNING ${selectList(letterTemplateResource)}`,
        [template.id, to, ...Object.values(columns)],
      );
      await this.audit.record(manager, user, {
        action: 'update',
        resource: letterTemplateResource.name,
        recordId: row.id,
        scopePath: row.scopePath,
        before: auditSnapshot(letterTemplateResource, template),
        after: auditSnapshot(letterTemplateResource, row),
      });
    });
    return this.reader.getOne(letterTemplateResource, id, user);
  }
}
