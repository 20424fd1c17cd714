import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ApprovalStep, deadlineDate, type ProgramDeadline, programResource, type ProgramTier, rosterEntryResource, rosterResource, TERMS, tierForAidTier } from '@zizhu/programs';
import { type ConfiguredField, type Localized, type RosterProblem, type RuleGroup, type SessionUser, validateConfiguredValues } from '@zizhu/schema';
import { AID_TIERS } from '@zizhu/identities';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import { selectList } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { inScope } from '../../engine/scope/scope';
import { anyMarkSql, drivingAidTierSql, eligibilitySql } from './eligibility.sql';
import { ROSTER_MESSAGES } from './roster-messages';

type Row = Record<string, unknown>;

const PROBLEM_MESSAGES: Record<RosterProblem['code'], Localized> = {
  notEligible: { zh: '不符合项目资助条件', en: 'Does not meet the program’s rule' },
  notEnrolled: { zh: '学籍状态不是在读', en: 'Not enrolled' },
  otherSchool: { zh: '已不在本校就读', en: 'No longer at this school' },
  unknownTier: { zh: '档次不在项目标准中', en: 'Tier not in the program' },
  amountDiffers: { zh: '金额与档次标准不符', en: 'Amount differs from the tier’s standard' },
  applicationInvalid: { zh: '申请信息不完整或有误', en: 'Application answers missing or invalid' },
};

/** Creating rosters from programs, auto-enrolment, totals and the submission check. */
@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
  ) {}

  /** What a new roster copies from its program as it is now (refusing a program that cannot have one). */
  async fromProgram(values: Row, manager: EntityManager): Promise<Row> {
    const [program] = await manager.query(`SELECT ${selectList(programResource)} FROM programs t WHERE t.id = $1 FOR SHARE`, [values.programId]);
    if (!program) throw ApiException.validation({ programId: ROSTER_MESSAGES.programMissing });
    if (!program.active) throw ApiException.validation({ programId: ROSTER_MESSAGES.programInactive });
    const year = values.year as number;
    if (year < program.firstYear || (program.lastYear != null && year > program.lastYear)) {
      throw ApiException.validation({ year: ROSTER_MESSAGES.yearOutOfRange });
    }
    if ((program.termKind === 'yearly') !== (values.term === 'yearly')) throw ApiException.validation({ term: ROSTER_MESSAGES.termMismatch });
    const steps = program.approvalSteps as ApprovalStep[];
    const deadline = (program.deadlines as ProgramDeadline[] | null)?.find((d) => d.term === values.term);
    const termLabel = TERMS.find((t) => t.value === values.term)?.label.zh ?? '';
    const [school] = await manager.query('SELECT name, stages FROM schools WHERE id = $1', [values.schoolId]);
    if (school && !(program.stages as string[]).some((stage) => (school.stages as string[]).includes(stage))) {
      throw ApiException.validation({ schoolId: ROSTER_MESSAGES.stageMismatch });
    }
    return {
      title: `${program.name} ${year}年${termLabel}${school ? ` · ${school.name}` : ''}`.slice(0, 200),
      status: 'draft',
      stepIndex: 0,
      stepLabel: steps[0]?.label ?? null,
      stepRole: steps[0]?.role ?? null,
      stepLevel: steps[0]?.level ?? null,
      deadline: deadline ? deadlineDate(year, deadline.monthDay) : null,
      programVersion: program.version,
      tiers: program.tiers,
      applicationFields: program.applicationFields ?? [],
      approvalSteps: steps,
      eligibilityRule: program.eligibilityRule,
      autoEnrol: program.autoEnrol === true,
      entryCount: 0,
      totalAmount: 0,
    };
  }

  /**
   * Puts every eligible student of the roster's school who carries a special identity on
   * the roster, with no application (set-based, audited row by row in the same statement),
   * at the tier their highest-priority identity's type names (its default aid tier; the
   * top tier when it names none). Students already on a roster of this program and term
   * stay put.
   */
  autoEnrol(rosterId: string, user: SessionUser): Promise<{ added: number }> {
    return this.db.transaction((manager) => this.enrolEligible(manager, rosterId, user));
  }

  /** autoEnrol in the caller's transaction (a new roster's own). */
  async enrolEligible(manager: EntityManager, rosterId: string | number, user: SessionUser): Promise<{ added: number }> {
    const roster = await this.lockEditable(manager, rosterId, user);
    const tiers = roster.tiers as ProgramTier[];
    if (!tiers?.length) return { added: 0 };
    // Each default aid tier (and none) with the program tier it stands for.
    const byAidTier = [...AID_TIERS.map((o) => o.value), 'none'].map((aidTier) => ({ aidTier, tier: tierForAidTier(tiers, aidTier === 'none' ? null : aidTier)! }));
    const params: unknown[] = [
      roster.id, byAidTier.map((t) => t.aidTier), byAidTier.map((t) => t.tier.code), byAidTier.map((t) => t.tier.amount),
      roster.programId, roster.year, roster.term, roster.scopePath, roster.schoolId, user.id,
    ];
    const rule = eligibilitySql(roster.eligibilityRule as RuleGroup, params);
    const [{ added }] = await manager.query(
      `WITH added AS (
         INSERT INTO roster_entries (roster_id, student_id, tier, amount, application_data, source, program_id, year, term, scope_path, version)
         SELECT $1, s.id, t.code, t.amount, '{}'::jsonb, 'auto', $5, $6, $7, $8, 1
           FROM students s
           JOIN unnest($2::text[], $3::text[], $4::bigint[]) AS t(aid_tier, code, amount)
             ON t.aid_tier = COALESCE(${drivingAidTierSql('s')}, 'none')
          WHERE s.school_id = $9 AND s.status = 'enrolled' AND ${anyMarkSql('s')} AND ${rule}
         ON CONFLICT (program_id, year, term, student_id) DO NOTHING
         RETURNING id, roster_id, student_id, tier, amount, scope_path),
       audited AS (
         INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
         SELECT now(), $10, 'create', '${rosterEntryResource.name}', a.id::text, NULL,
                jsonb_build_object('rosterId', a.roster_id, 'studentId', a.student_id, 'tier', a.tier, 'amount', a.amount, 'source', 'auto'),
                a.scope_path
           FROM added a)
       SELECT count(*)::int AS added FROM added`,
      params,
    );
    await this.refreshTotals(manager, roster.id as number);
    return { added };
  }

  /** The roster, locked, if the user may see it and it is still with the school. */
  async lockEditable(manager: EntityManager, rosterId: string | number, user: SessionUser): Promise<Row> {
    const roster = await this.reader.findRow(manager, rosterResource, String(rosterId), [], true);
    if (!roster || !inScope(roster.scopePath as string, user)) throw ApiException.notFound();
    if (!isWithSchool(roster)) throw ApiException.validation({ rosterId: ROSTER_MESSAGES.notEditable });
    return roster;
  }

  async refreshTotals(manager: EntityManager, rosterId: number): Promise<void> {
    await manager.query(
      `UPDATE rosters r SET entry_count = e.n, total_amount = e.total
         FROM (SELECT count(*)::int AS n, COALESCE(sum(amount), 0) AS total FROM roster_entries WHERE roster_id = $1) e
        WHERE r.id = $1`,
      [rosterId],
    );
  }

  /** Everything wrong with a roster's entries against its program, entry by entry. */
  async problems(rosterId: string, user: SessionUser): Promise<RosterProblem[]> {
    const roster = await this.reader.getOne(rosterResource, rosterId, user);
    return this.findProblems(this.db.manager, roster);
  }

  async findProblems(manager: EntityManager, roster: Row): Promise<RosterProblem[]> {
    const params: unknown[] = [roster.id];
    const rule = eligibilitySql(roster.eligibilityRule as RuleGroup, params);
    const rows: Row[] = await manager.query(
      `SELECT e.id AS "entryId", e.student_id AS "studentId", s.name AS "studentName", e.tier, e.amount, e.source,
              e.application_data AS "applicationData", s.status, s.school_id AS "schoolId", ${rule} AS eligible
         FROM roster_entries e JOIN students s ON s.id = e.student_id
        WHERE e.roster_id = $1 ORDER BY e.id`,
      params,
    );
    const tiers = new Map((roster.tiers as ProgramTier[]).map((t) => [t.code, t.amount]));
    const fields = roster.applicationFields as ConfiguredField[];
    const problems: RosterProblem[] = [];
    for (const row of rows) {
      const add = (code: RosterProblem['code']) =>
        problems.push({ entryId: row.entryId as number, studentId: row.studentId as number, studentName: row.studentName as string, code, message: PROBLEM_MESSAGES[code] });
      if (!row.eligible) add('notEligible');
      if (row.status !== 'enrolled') add('notEnrolled');
      if (row.schoolId !== roster.schoolId) add('otherSchool');
      const standard = tiers.get(row.tier as string);
      if (standard === undefined) add('unknownTier');
      else if (Number(row.amount) !== standard) add('amountDiffers');
      if (row.source !== 'auto' && Object.keys(validateConfiguredValues(fields, row.applicationData).errors).length) add('applicationInvalid');
    }
    return problems;
  }
}

/** At the school's own step: being prepared, or returned to it. */
export function isWithSchool(roster: Row): boolean {
  return (roster.status === 'draft' || roster.status === 'returned') && roster.stepIndex === 0;
}
