import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AnswersCheckMode, checkInspectionAnswers, inspectionFindings, inspectionResource } from '@zizhu/checks';
import { chinaDate } from '@zizhu/identities';
import {
  type ChecklistDefinition,
  checklistItems,
  type FrozenDataValue,
  type InspectionAnswers,
  type InspectionSample,
  scoreChecklist,
  type SessionUser,
} from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { linkAnswerFiles } from './answer-files';
import { lockInspection } from './inspection-access';
import { raiseFindings } from './inspection-findings.store';
import { INSPECTION_MESSAGES } from './inspection-messages';
import { checkSentVersion, lockForAction, trackedUpdate } from './tracked-update';

type Row = Record<string, unknown>;

export interface ChecklistVersionRow {
  definition: ChecklistDefinition;
  passMark: number;
}

/**
 * Filling an inspection in: autosaved drafts (`save`), the submit that checks the answers
 * fully, scores them and raises the findings as clues, and the reopening of a submitted
 * inspection with a logged reason. Each is one transaction on the locked inspection, audited.
 */
@Injectable()
export class InspectionAnswersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  /** A draft: partial answers, each checked by type against its item; evidence files linked. */
  save(id: string, body: { answers: unknown; version?: number | null }, user: SessionUser): Promise<ApiRecord> {
    return this.fill(id, body, user, 'draft', async ({ answers }) => ({ written: { answers }, action: 'save' }));
  }

  /** The submit: complete answers (hidden ones dropped), the score, the findings as clues, submitted. */
  submit(id: string, body: { answers: unknown; version?: number | null }, user: SessionUser): Promise<ApiRecord> {
    return this.fill(id, body, user, 'final', async ({ manager, inspection, version, answers }) => ({
      written: await submittedValues(manager, this.audit, { inspection, version, answers }, user, new Date()),
      action: 'submit',
    }));
  }

  /** Back to started, with the reason (kept on the inspection and in the audit row). */
  async reopen(id: string, reason: string, user: SessionUser): Promise<ApiRecord> {
    const text = reason.trim();
    if (!text) throw ApiException.validation({ reason: INSPECTION_MESSAGES.reasonRequired });
    await this.db.transaction(async (manager) => {
      const inspection = await lockForAction(manager, this.reader, inspectionResource, id, user);
      if (inspection.status !== 'submitted') throw new ApiException('IN_USE', INSPECTION_MESSAGES.notSubmitted);
      await trackedUpdate(manager, this.audit, inspectionResource, inspection, { status: 'started', reopenReason: text }, user, { action: 'reopen', reason: text });
    });
    return this.reader.getOne(inspectionResource, id, user);
  }

  private async fill(
    id: string,
    body: { answers: unknown; version?: number | null },
    user: SessionUser,
    mode: AnswersCheckMode,
    complete: (step: { manager: EntityManager; inspection: Row; version: ChecklistVersionRow; answers: ReturnType<typeof checkInspectionAnswers>['answers'] }) => Promise<{ written: Row; action: string }>,
  ): Promise<ApiRecord> {
    await this.db.transaction(async (manager) => {
      const inspection = await lockInspection(manager, this.reader, id, user);
      checkSentVersion(inspection, body.version);
      if (inspection.status !== 'started') throw new ApiException('IN_USE', INSPECTION_MESSAGES.notStarted);
      const [version]: ChecklistVersionRow[] = await manager.query(`SELECT definition, pass_mark AS "passMark" FROM checklist_versions WHERE id = $1`, [inspection.versionId]);
      const checked = checkInspectionAnswers(version.definition, (inspection.samples ?? []) as InspectionSample[], body.answers, mode);
      if (Object.keys(checked.errors).length) throw ApiException.validation(checked.errors);
      await linkAnswerFiles(manager, inspection, checked.files, user);
      const { written, action } = await complete({ manager, inspection, version, answers: checked.answers });
      await trackedUpdate(manager, this.audit, inspectionResource, inspection, written, user, { action });
    });
    return this.reader.getOne(inspectionResource, id, user);
  }
}

/**
 * What submitting writes, once the answers passed the final check: the score, the findings
 * raised as clues (due `daysToRectify` days after the submit date in China), submitted.
 */
export async function submittedValues(
  manager: EntityManager,
  audit: AuditService,
  submission: { inspection: Row; version: ChecklistVersionRow; answers: InspectionAnswers },
  user: SessionUser,
  at: Date,
): Promise<Row> {
  const { inspection, version, answers } = submission;
  const score = scoreChecklist(version.definition, answers, version.passMark);
  const samples = (inspection.samples ?? []) as InspectionSample[];
  const dataValues = (inspection.dataValues ?? {}) as Record<string, FrozenDataValue>;
  const findings = inspectionFindings(version.definition, answers, samples, dataValues, score);
  const [plan] = await manager.query(`SELECT days_to_rectify AS "daysToRectify" FROM inspection_plans WHERE id = $1`, [inspection.planId]);
  const labels = new Map(checklistItems(version.definition).map(({ item }) => [item.key, item.label]));
  const findingsCount = await raiseFindings(manager, audit, inspection, findings, labels, { submittedOn: chinaDate(at), daysToRectify: plan.daysToRectify }, user);
  return { answers, score: score.total, passed: score.passed, result: score, findingsCount, submittedAt: at, submittedBy: user.id, status: 'submitted' };
}
