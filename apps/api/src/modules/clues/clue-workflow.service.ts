import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLUE_ACTIONS, CLUE_STATUSES, type ClueAction, type ClueStatus, clueResource } from '@zizhu/checks';
import { INSPECTOR_REVIEWED_SOURCES, type SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import { attachFiles } from '../../engine/files/file-attach';
import { type ApiRecord, auditSnapshot, selectList } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { inScope } from '../../engine/scope/scope';
import { CLUE_ACTION_NAMES, CLUE_MESSAGES } from './clue-messages';
import type { ClueReviewDto } from './dtos/clue-review.dto';

type Row = Record<string, unknown>;

const REASON_MAX = 500;

/**
 * 问题线索's workflow (the actions of ClueBehaviour): the school answers (待核实/已退回 →
 * 已反馈), the county accepts (→ 已办结) or returns with a reason (→ 已退回); an inspector
 * does the same for an inspection's findings (source 督查). Each action
 * checks the clue's region and its status (the role is the action's declared permission),
 * and is one audited UPDATE plus its line in the clue's history (clue-actions).
 */
@Injectable()
export class ClueWorkflowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  /** The school's answer: verdict, finding, rectification (required when confirmed), evidence files. */
  async answer(id: string, values: Row, user: SessionUser): Promise<ApiRecord> {
    return this.act(id, 'answer', user, values.version, async (manager, clue) => {
      await attachFiles(manager, clueResource, values, clue.id as number, clue.scopePath as string, user);
      return {
        verdict: values.verdict,
        finding: values.finding,
        rectification: values.rectification ?? null,
        evidenceFileId: values.evidenceFileId ?? null,
        rectificationFileId: values.rectificationFileId ?? null,
        answeredBy: user.id,
        answeredAt: new Date(),
        // A new answer clears the return it answers.
        reviewComment: null,
        reviewedBy: null,
        reviewedAt: null,
      };
    });
  }

  /** The county accepts the answer (an optional comment) or returns it (a reason, required). */
  review(id: string, action: 'accept' | 'return', body: ClueReviewDto, user: SessionUser): Promise<ApiRecord> {
    const reason = body.reason?.trim() ?? '';
    if (action === 'return' && !reason) throw ApiException.validation({ reason: CLUE_MESSAGES.reasonRequired });
    if (reason.length > REASON_MAX) throw ApiException.validation({ reason: CLUE_MESSAGES.reasonTooLong });
    return this.act(id, action, user, body.version, async () => ({ reviewComment: reason || null, reviewedBy: user.id, reviewedAt: new Date() }));
  }

  private async act(
    id: string,
    action: ClueAction,
    user: SessionUser,
    version: unknown,
    changes: (manager: EntityManager, clue: Row) => Promise<Row>,
  ): Promise<ApiRecord> {
    const rule = CLUE_ACTIONS[action];
    await this.db.transaction(async (manager) => {
      const clue = await this.reader.findRow(manager, clueResource, id, [], true);
      if (!clue || !inScope(clue.scopePath as string, user)) throw ApiException.notFound();
      // An inspector reviews the rectification of inspection findings, not the county's other clues.
      if (user.role === 'inspector' && !INSPECTOR_REVIEWED_SOURCES.includes(String(clue.source))) throw ApiException.forbidden();
      if (version !== undefined && version !== null && Number(version) !== clue.version) {
        throw new ApiException('STALE_VERSION', { zh: '此线索已被他人处理，请刷新后重试', en: 'Someone else acted on this clue meanwhile: reload and retry' });
      }
      const status = (clue.status ?? 'open') as ClueStatus;
      if (!rule.from.includes(status)) {
        const label = CLUE_STATUSES.find((s) => s.value === status)?.label ?? { zh: status, en: status };
        throw ApiException.validation({ status: CLUE_MESSAGES.notFromStatus(label, CLUE_ACTION_NAMES[action]) });
      }
      const written: Row = { ...(await changes(manager, clue)), status: rule.to };
      const comment = action === 'answer' ? written.finding : written.reviewComment;
      const keys = Object.keys(written);
      const sets = keys.map((key, i) => `"${clueColumn(key)}" = $${i + 2}`);
      const [[row]] = await manager.query(
        `UPDATE clues AS t SET ${sets.join(', ')}, version = t.version + 1, updated_at = now() WHERE t.id = $1 RETURNING ${selectList(clueResource)}`,
        [clue.id, ...keys.map((key) => written[key])],
      );
      await manager.query(
        `INSERT INTO clue_actions (clue_id, action, comment, acted_by, acted_by_name, acted_at, scope_path) VALUES ($1, $2, $3, $4, $5, now(), $6)`,
        [clue.id, action, comment ?? null, user.id, `${user.displayName}（${user.scopeLabel}）`.slice(0, 100), row.scopePath],
      );
      await this.audit.record(manager, user, {
        action: 'update',
        resource: clueResource.name,
        recordId: row.id,
        scopePath: row.scopePath,
        before: auditSnapshot(clueResource, clue),
        after: { ...auditSnapshot(clueResource, row), action },
      });
    });
    return this.reader.getOne(clueResource, id, user);
  }
}

function clueColumn(key: string): string {
  const field = clueResource.fields[key];
  if (!field) throw new Error(`clues has no field ${key}`);
  return field.column ?? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
