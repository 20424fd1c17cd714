import { Injectable } from '@nestjs/common';
import { auditRuleResource } from '@zizhu/checks';
import type { SessionUser } from '@zizhu/schema';
import { ResourceReader } from '../../../engine/rest/resource-reader.service';
import { Action, Behaviour } from '../../../engine/rest/resource-behaviour';
import { type AuditRunCounts, AuditRuleRunner } from './audit-rule-runner.service';

/** 稽核规则: the generic routes keep the declaration; "run now" is an action. */
@Injectable()
@Behaviour(auditRuleResource)
export class AuditRuleBehaviour {
  constructor(
    private readonly runner: AuditRuleRunner,
    private readonly reader: ResourceReader,
  ) {}

  @Action({
    name: 'run',
    allow: ['admin', 'county'],
    summary: 'Runs the rule now over the caller’s schools: opens a clue per new match → { matched, opened, alreadyOpen }',
  })
  async run(id: string, _body: object, user: SessionUser): Promise<AuditRunCounts> {
    // 404 unless the caller reads the rule; a county runs it over its own schools only.
    const rule = await this.reader.getOne(auditRuleResource, id, user);
    return this.runner.run(Number(rule.id), user.scopePath, user.id);
  }
}
