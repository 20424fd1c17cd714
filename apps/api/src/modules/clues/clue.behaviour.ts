import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLUE_ACTIONS, clueAnswerForm, clueResource } from '@zizhu/checks';
import type { SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { Action, Behaviour, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { AuditRuleRunner } from '../checks/audit-rules/audit-rule-runner.service';
import { CLUE_MESSAGES } from './clue-messages';
import { ClueWorkflowService } from './clue-workflow.service';
import { ClueReviewDto } from './dtos/clue-review.dto';

type Row = Record<string, unknown>;

/**
 * 问题线索: a new clue starts 待核实 and records who opened it; the county edits what it set
 * (description, due date, refund) through the generic update, while status and answer
 * change only through the actions.
 */
@Injectable()
@Behaviour(clueResource)
export class ClueBehaviour implements ResourceBehaviour {
  constructor(
    private readonly workflow: ClueWorkflowService,
    private readonly auditRules: AuditRuleRunner,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async validate({ action, body }: RecordWrite): Promise<void> {
    if (action === 'create' && body.status !== undefined && body.status !== 'open') throw ApiException.validation({ status: CLUE_MESSAGES.statusOnCreate });
  }

  async serverValues({ action, user }: RecordWrite): Promise<Row> {
    return action === 'create' ? { status: 'open', openedBy: user.id } : {};
  }

  @Action({
    name: 'answer',
    // Whose step it is comes before what they wrote: a county officer hears 403, not a form's errors.
    allow: CLUE_ACTIONS.answer.roles,
    body: clueAnswerForm,
    summary:
      "The school's answer (待核实/已退回 → 已反馈): { verdict: 'confirmed'|'unfounded', finding, rectification (required when confirmed), evidenceFileId?, rectificationFileId?, version? }",
  })
  answer(id: string, values: Row, user: SessionUser): Promise<ApiRecord> {
    return this.workflow.answer(id, values, user);
  }

  @Action({ name: 'accept', allow: CLUE_ACTIONS.accept.roles, body: ClueReviewDto, summary: "The county accepts the school's answer (已反馈 → 已办结): { reason?, version? }" })
  async accept(id: string, body: ClueReviewDto, user: SessionUser): Promise<ApiRecord> {
    await this.refuseWhileRuleMatches(id, user);
    return this.workflow.review(id, 'accept', body, user);
  }

  @Action({ name: 'return', allow: CLUE_ACTIONS.return.roles, body: ClueReviewDto, summary: "The county returns the school's answer (已反馈 → 已退回): { reason (required), version? }" })
  returnAnswer(id: string, body: ClueReviewDto, user: SessionUser): Promise<ApiRecord> {
    return this.workflow.review(id, 'return', body, user);
  }

  /** A clue an audit rule opened is closed (销号) only once the rule no longer matches its record. */
  private async refuseWhileRuleMatches(id: string, user: SessionUser): Promise<void> {
    const [clue] = await this.db.query(
      `SELECT c.audit_rule_id, c.record_key, a.name FROM clues c JOIN audit_rules a ON a.id = c.audit_rule_id
        WHERE c.id = $1 AND c.scope_path LIKE $2`,
      [id, `${user.scopePath}%`],
    );
    if (clue && (await this.auditRules.stillMatches(this.db.manager, clue.audit_rule_id, clue.record_key))) {
      throw ApiException.validation({ auditRuleId: CLUE_MESSAGES.ruleStillMatches(clue.name) });
    }
  }
}
