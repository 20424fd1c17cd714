import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate } from '@zizhu/identities';
import { type ApprovalStep, type ProgramTier, rosterEntryResource, rosterResource } from '@zizhu/programs';
import type { Role, SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import { type ApiRecord, auditSnapshot, selectList } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { inScope } from '../../engine/scope/scope';
import type { RosterAmendmentDto } from './dtos/roster-amendment.dto';
import type { RosterStepDto, StepAction } from './dtos/roster-step.dto';
import { problemsFound, ROSTER_MESSAGES, wrongActor } from './roster-messages';
import { RosterService } from './roster.service';
import { userLevel } from './user-level';

type Row = Record<string, unknown>;

/** Who may amend an approved roster: the county (and admin), within their region. */
export const AMENDERS: readonly Role[] = ['admin', 'county'];

/**
 * The approval chain. Each step approves (on to the next; the last approves the roster
 * and freezes it), returns (back one step, with a reason) or rejects (ends it, with a
 * reason). Only users of the step's role and level, within the roster's region, act.
 */
@Injectable()
export class RosterWorkflowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly rosters: RosterService,
    private readonly audit: AuditService,
  ) {}

  async act(rosterId: string, body: RosterStepDto, user: SessionUser): Promise<ApiRecord> {
    const { action } = body;
    const comment = body.comment?.trim() ?? '';
    await this.db.transaction(async (manager) => {
      const roster = await this.lockInScope(manager, rosterId, user);
      if (roster.status === 'approved' || roster.status === 'rejected') throw ApiException.validation({ action: ROSTER_MESSAGES.notFinal });
      const steps = roster.approvalSteps as ApprovalStep[];
      const index = roster.stepIndex as number;
      const step = steps[index];
      // Whose step it is is the roster's state (the program's chain), not a fixed permission.
      if (user.role !== step.role || (await userLevel(manager, user.id)) !== step.level) {
        throw new ApiException('FORBIDDEN', wrongActor(step));
      }
      if (action !== 'approve' && index === 0) throw ApiException.validation({ action: ROSTER_MESSAGES.firstStepReturn });
      if (action !== 'approve' && !comment) throw ApiException.validation({ comment: ROSTER_MESSAGES.commentRequired });
      if (action === 'approve' && index === 0) await this.checkSubmission(manager, roster);

      const next = nextState(action, index, steps);
      // The school's approval is the submission: when, and whether after the term's deadline (China's date).
      const submits = action === 'approve' && index === 0;
      const late = submits && roster.deadline != null && chinaDate(new Date()) > String(roster.deadline);
      const [[row]] = await manager.query(
        `UPDATE rosters AS t SET status = $2, step_index = $3, step_label = $4, step_role = $5, step_level = $6, version = t.version + 1, updated_at = now(),
                submitted_at = CASE WHEN $7 THEN now() ELSE t.submitted_at END,
                submitted_late = CASE WHEN $7 THEN $8 ELSE t.submitted_late END
          WHERE t.id = $1 RETURNING ${selectList(rosterResource)}`,
        [roster.id, next.status, next.stepIndex, next.stepLabel, next.stepRole, next.stepLevel, submits, late],
      );
      await this.log(manager, roster, { stepIndex: index, stepLabel: step.label, action, comment: comment || null, change: null }, user);
      await this.audit.record(manager, user, {
        action: 'update',
        resource: rosterResource.name,
        recordId: row.id,
        scopePath: row.scopePath,
        before: auditSnapshot(rosterResource, roster),
        after: auditSnapshot(rosterResource, row),
      });
    });
    return this.reader.getOne(rosterResource, rosterId, user);
  }

  /**
   * 更正: the one way an approved roster changes — a tier, a removal or an added student,
   * with a reason, logged in the chain's history and the audit log.
   */
  async amend(rosterId: string, body: RosterAmendmentDto, user: SessionUser): Promise<ApiRecord> {
    const reason = body.reason.trim();
    await this.db.transaction(async (manager) => {
      const roster = await this.lockInScope(manager, rosterId, user);
      if (roster.status !== 'approved') throw ApiException.validation({ reason: ROSTER_MESSAGES.notApproved });
      const tiers = roster.tiers as ProgramTier[];
      const tier = body.tier === undefined ? undefined : tiers.find((t) => t.code === body.tier);
      if (body.tier !== undefined && !tier) throw ApiException.validation({ tier: ROSTER_MESSAGES.unknownTier });
      let change: Row;
      if (body.studentId !== undefined) {
        if (!tier) throw ApiException.validation({ tier: ROSTER_MESSAGES.unknownTier });
        const [student] = await manager.query('SELECT school_id FROM students WHERE id = $1', [body.studentId]);
        if (!student || student.school_id !== roster.schoolId) throw ApiException.validation({ studentId: ROSTER_MESSAGES.otherSchool });
        const [entry] = await manager.query(
          `INSERT INTO roster_entries AS t (roster_id, student_id, tier, amount, application_data, source, program_id, year, term, scope_path, version)
           VALUES ($1, $2, $3, $4, '{}'::jsonb, 'application', $5, $6, $7, $8, 1) RETURNING ${selectList(rosterEntryResource)}`,
          [roster.id, body.studentId, tier.code, tier.amount, roster.programId, roster.year, roster.term, roster.scopePath],
        );
        await this.auditEntry(manager, user, null, entry);
        change = { added: { entryId: entry.id, studentId: body.studentId, tier: tier.code, amount: tier.amount } };
      } else {
        const [before] = await manager.query(`SELECT ${selectList(rosterEntryResource)} FROM roster_entries t WHERE t.id = $1 AND t.roster_id = $2 FOR UPDATE`, [
          body.entryId,
          roster.id,
        ]);
        if (!before) throw ApiException.validation({ entryId: ROSTER_MESSAGES.amendEntryMissing });
        if (body.remove === true) {
          await manager.query('DELETE FROM roster_entries WHERE id = $1', [before.id]);
          await this.auditEntry(manager, user, before, null);
          change = { removed: { entryId: before.id, studentId: before.studentId, tier: before.tier, amount: Number(before.amount) } };
        } else if (tier) {
          const [[after]] = await manager.query(
            `UPDATE roster_entries AS t SET tier = $2, amount = $3, version = t.version + 1, updated_at = now() WHERE t.id = $1 RETURNING ${selectList(rosterEntryResource)}`,
            [before.id, tier.code, tier.amount],
          );
          await this.auditEntry(manager, user, before, after);
          change = { entryId: before.id, tier: { from: before.tier, to: tier.code }, amount: { from: Number(before.amount), to: tier.amount } };
        } else throw ApiException.validation({ tier: ROSTER_MESSAGES.amendNothing });
      }
      await this.rosters.refreshTotals(manager, roster.id as number);
      await this.log(manager, roster, { stepIndex: null, stepLabel: '更正', action: 'amend', comment: reason, change }, user);
    });
    return this.reader.getOne(rosterResource, rosterId, user);
  }

  private async checkSubmission(manager: EntityManager, roster: Row): Promise<void> {
    if (!roster.entryCount) throw ApiException.validation({ action: ROSTER_MESSAGES.emptyRoster });
    const problems = await this.rosters.findProblems(manager, roster);
    if (problems.length) {
      const first = problems.slice(0, 5).map((p) => `${p.studentName}：${p.message.zh}`);
      throw ApiException.validation({ action: problemsFound(problems.length, first) });
    }
  }

  private async lockInScope(manager: EntityManager, rosterId: string, user: SessionUser): Promise<Row> {
    const roster = await this.reader.findRow(manager, rosterResource, rosterId, [], true);
    if (!roster || !inScope(roster.scopePath as string, user)) throw ApiException.notFound();
    return roster;
  }

  private async log(manager: EntityManager, roster: Row, entry: { stepIndex: number | null; stepLabel: string; action: string; comment: string | null; change: Row | null }, user: SessionUser) {
    await manager.query(
      `INSERT INTO roster_actions (roster_id, step_index, step_label, action, comment, change, acted_by, acted_by_name, acted_at, scope_path)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9)`,
      [roster.id, entry.stepIndex, entry.stepLabel, entry.action, entry.comment, entry.change && JSON.stringify(entry.change), user.id, `${user.displayName}（${user.scopeLabel}）`.slice(0, 100), roster.scopePath],
    );
  }

  private auditEntry(manager: EntityManager, user: SessionUser, before: Row | null, after: Row | null) {
    const row = (after ?? before)!;
    return this.audit.record(manager, user, {
      action: before && after ? 'update' : after ? 'create' : 'delete',
      resource: rosterEntryResource.name,
      recordId: row.id as number,
      scopePath: row.scopePath as string,
      before: before && auditSnapshot(rosterEntryResource, before),
      after: after && auditSnapshot(rosterEntryResource, after),
    });
  }
}

function nextState(action: StepAction, index: number, steps: readonly ApprovalStep[]) {
  const at = (i: number) => ({ stepIndex: i, stepLabel: steps[i].label, stepRole: steps[i].role, stepLevel: steps[i].level });
  const ended = (status: string, stepLabel: string) => ({ status, stepIndex: index, stepLabel, stepRole: null, stepLevel: null });
  switch (action) {
    case 'approve':
      return index + 1 >= steps.length ? ended('approved', '已审定') : { status: 'inReview', ...at(index + 1) };
    case 'return':
      return { status: index - 1 === 0 ? 'returned' : 'inReview', ...at(index - 1) };
    case 'reject':
      return ended('rejected', '已驳回');
  }
}
