import { Injectable } from '@nestjs/common';
import { dutyOccurrenceResource, dutySubmissionForm } from '@zizhu/plans';
import type { SessionUser } from '@zizhu/schema';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { Action, Behaviour } from '../../engine/rest/resource-behaviour';
import { OccurrenceReviewDto } from './dtos/occurrence-review.dto';
import { OccurrenceWorkflowService } from './occurrences/occurrence-workflow.service';

type Row = Record<string, unknown>;

/** 任务完成情况: made by the job, never written through the generic routes; a manual one moves by these actions. */
@Injectable()
@Behaviour(dutyOccurrenceResource)
export class DutyOccurrenceBehaviour {
  constructor(private readonly workflow: OccurrenceWorkflowService) {}

  @Action({
    name: 'submit',
    allow: ['school', 'county', 'admin'],
    body: dutySubmissionForm,
    summary: "The unit's evidence for a manual duty (待完成/已退回/未完成 → 待审核): { evidenceFileId (a file uploaded by POST /api/files), note?, version? }",
  })
  submit(id: string, values: Row, user: SessionUser): Promise<ApiRecord> {
    return this.workflow.submit(id, values, user);
  }

  @Action({
    name: 'accept',
    allow: ['admin', 'county'],
    body: OccurrenceReviewDto,
    summary: 'The planner accepts the evidence (待审核 → 按时完成 if submitted by the due date, else 逾期完成): { reason?, version? }',
  })
  accept(id: string, body: OccurrenceReviewDto, user: SessionUser): Promise<ApiRecord> {
    return this.workflow.review(id, 'accept', body, user);
  }

  @Action({ name: 'return', allow: ['admin', 'county'], body: OccurrenceReviewDto, summary: 'The planner returns the evidence (待审核 → 已退回): { reason (required), version? }' })
  returnEvidence(id: string, body: OccurrenceReviewDto, user: SessionUser): Promise<ApiRecord> {
    return this.workflow.review(id, 'return', body, user);
  }
}
