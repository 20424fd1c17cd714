import { Injectable } from '@nestjs/common';
import { checklistTemplateResource, checklistVersionResource } from '@zizhu/checks';
import type { ChecklistDefinition } from '@zizhu/schema';
import type { SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { ResourceWriter } from '../../engine/rest/resource-writer.service';
import { inReadScope, inScope } from '../../engine/scope/scope';
import { Action, Behaviour } from '../../engine/rest/resource-behaviour';

/** What a template's first draft starts from: one section, one yes/no item, for the designer to replace. */
const STARTER: ChecklistDefinition = {
  sections: [
    {
      key: 'general',
      title: '基本情况',
      items: [{ key: 'item1', type: 'boolean', label: '检查项', required: true }],
    },
  ],
};

/** 检查表模板: its one action starts the next version. */
@Injectable()
@Behaviour(checklistTemplateResource)
export class ChecklistTemplateBehaviour {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly writer: ResourceWriter,
  ) {}

  /** A new draft copying the latest version's definition and pass mark (the same item keys), or a starter for the first. */
  @Action({
    name: 'new-version',
    allow: checklistTemplateResource.access.update,
    status: 201,
    summary: "A new draft version of the template: a copy of its latest version's sections and items (same item keys), or a one-item starter",
  })
  async newVersion(id: string, _body: unknown, user: SessionUser): Promise<ApiRecord> {
    const template = await this.reader.findRow(this.db.manager, checklistTemplateResource, id);
    if (!template || !inReadScope(checklistTemplateResource, template.scopePath as string, user)) throw ApiException.notFound();
    if (!inScope(template.scopePath as string, user)) throw ApiException.outOfScope();
    const [latest] = await this.db.query(`SELECT definition, pass_mark FROM checklist_versions WHERE template_id = $1 ORDER BY number DESC LIMIT 1`, [template.id]);
    return this.writer.create(checklistVersionResource, {
      templateId: template.id,
      definition: latest?.definition ?? STARTER,
      passMark: latest?.pass_mark ?? 60,
    }, user);
  }
}
