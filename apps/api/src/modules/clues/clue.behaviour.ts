import { Injectable } from '@nestjs/common';
import { CLUE_ACTIONS, clueAnswerForm, clueResource } from '@zizhu/checks';
import type { SessionUser } from '@zizhu/schema';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { Action, Behaviour, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
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
  constructor(private readonly workflow: ClueWorkflowService) {}

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
  accept(id: string, body: ClueReviewDto, user: SessionUser): Promise<ApiRecord> {
    return this.workflow.review(id, 'accept', body, user);
  }

  @Action({ name: 'return', allow: CLUE_ACTIONS.return.roles, body: ClueReviewDto, summary: "The county returns the school's answer (已反馈 → 已退回): { reason (required), version? }" })
  returnAnswer(id: string, body: ClueReviewDto, user: SessionUser): Promise<ApiRecord> {
    return this.workflow.review(id, 'return', body, user);
  }
}
