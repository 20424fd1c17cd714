import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  carriesMark,
  checkDeadline,
  checkListIds,
  chinaDate,
  comparisonExecutionResource,
  comparisonResource,
  comparisonResultResource,
  parseListIds,
} from '@zizhu/identities';
import type { ComparisonProgress, ComparisonSummaryTree, SchoolProgress, SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { ResourceWriter } from '../../engine/rest/resource-writer.service';
import { escapeLike } from '../../engine/rest/list-query';
import { registerRecordView } from '../../engine/rest/record-views';
import { inReadScope, inScope } from '../../engine/scope/scope';
import { markSql, resultsPartition, type RunParams } from './comparison-match.sql';
import { countySubtotals, PROGRESS_SQL, schoolProgress } from './comparison-progress';
import { type ComparisonSummary, LEVELS, SUMMARY_ROWS_SELECT, toNodes } from './comparison-summary';
import { readStoredSummary } from './comparison-run';
import { ComparisonRunJob } from './comparison-run.job';
import { REFRESH_MARKED_SQL, SUMMARY_LOCK_BY_ID_SQL } from './comparison-summary.sql';
import { comparisonRecordsView, executionRecordsView, subtreeSummary } from './comparison-subtree-figures';
import { textParam } from '../../engine/rest/query-parser';

const COMPARISON_DELETE_MESSAGES = {
  running: { zh: '比对正在运行，不能删除', en: 'The comparison is running and cannot be deleted' },
  decided: {
    zh: '已有学校核实了本次比对的结果，不能删除（如名单有误，可修改后重新运行）',
    en: 'Schools have decided results of this comparison, so it cannot be deleted (fix the lists and re-run it instead)',
  },
};

/** At most this many results per bulk confirm (a page of the panel's list is far fewer). */
const BULK_LIMIT = 1000;

/** `{ ids: number[], reason?: string }` of a bulk confirm, checked; ids deduplicated. */
function bulkConfirmInput(body: Record<string, unknown>): { ids: number[]; reason: string | null } {
  const { ids, reason } = body;
  if (!Array.isArray(ids) || !ids.length || ids.length > BULK_LIMIT || !ids.every((i) => Number.isInteger(i) && i > 0 && i <= 2_147_483_647)) {
    throw ApiException.validation({
      ids: { zh: `请选择 1 至 ${BULK_LIMIT} 条比对结果`, en: `Choose between 1 and ${BULK_LIMIT} results` },
    });
  }
  if (reason != null && (typeof reason !== 'string' || reason.length > 500)) {
    throw ApiException.validation({ decisionReason: { zh: '核实说明最多 500 字', en: 'At most 500 characters' } });
  }
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  return { ids: [...new Set(ids as number[])], reason: trimmed || null };
}

interface RunRow {
  id: number;
  regionId: string;
  listIds: unknown;
  status: string | null;
  scopePath: string;
  regionPath: string;
}

/** Starts comparison runs (on the job queue, see comparison-run.job) and records school decisions on their results. */
@Injectable()
export class ComparisonService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly writer: ResourceWriter,
    private readonly runs: ComparisonRunJob,
  ) {}

  /** Runs read from below carry the reader's subtree's figures (see comparison-subtree-figures). */
  onModuleInit(): void {
    registerRecordView(comparisonResource.name, comparisonRecordsView);
    registerRecordView(comparisonExecutionResource.name, executionRecordsView);
  }

  /**
   * Starts a run (202). Starting one that is already running is not an error: it answers
   * with the run as it is (the status update below is the lock).
   */
  async start(id: number, user: SessionUser): Promise<ApiRecord> {
    if (!comparisonResource.access.update.includes(user.role)) throw ApiException.forbidden();
    const run = await this.findRun(this.db.manager, id, user, 'write');
    const invalid = checkListIds(run.listIds);
    if (invalid) throw ApiException.validation({ [invalid.field]: invalid.message });
    const listIds = parseListIds(run.listIds) ?? [];
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM identity_lists WHERE id = ANY($1::int[])`, [listIds]);
    if (n !== listIds.length) {
      throw ApiException.validation({ listIds: { zh: '所选名单有的已不存在', en: 'Some chosen lists no longer exist' } });
    }
    // Claimed and queued in one transaction: a run is running exactly when its job exists.
    const claimed = await this.db.transaction(async (manager) => {
      const [rows]: [{ id: number }[], number] = await manager.query(
        `UPDATE comparisons SET status = 'running', started_at = now(), finished_at = NULL, message = NULL,
                progress = $2, version = version + 1, updated_at = now()
          WHERE id = $1 AND status IS DISTINCT FROM 'running' RETURNING id`,
        [id, { step: 'queued', percent: 0 }],
      );
      if (!rows.length) return false;
      const params: RunParams = { comparisonId: id, pattern: `${run.regionPath}%`, listIds, regionId: run.regionId };
      await this.runs.enqueue(manager, params, user.id);
      return true;
    });
    if (claimed) this.runs.wake();
    return this.reader.getOne(comparisonResource, String(id), user);
  }

  /** A new run; its deadline must not lie in the past (China's date). */
  create(body: Record<string, unknown>, user: SessionUser): Promise<ApiRecord> {
    if (!comparisonResource.access.create.includes(user.role)) throw ApiException.forbidden();
    const invalid = checkDeadline(body.deadline, chinaDate(new Date()));
    if (invalid) throw ApiException.validation({ [invalid.field]: invalid.message });
    return this.writer.create(comparisonResource, body, user);
  }

  /** An edit of a run; a changed deadline must not lie in the past, an unchanged one stays. */
  async update(id: string, body: Record<string, unknown>, user: SessionUser): Promise<ApiRecord> {
    if (!comparisonResource.access.update.includes(user.role)) throw ApiException.forbidden();
    const current = await this.reader.getOne(comparisonResource, id, user);
    const invalid = checkDeadline(body.deadline, chinaDate(new Date()), current.deadline);
    if (invalid) throw ApiException.validation({ [invalid.field]: invalid.message });
    return this.writer.update(comparisonResource, id, body, user);
  }

  /**
   * Deletes a run with what it produced (its results table, summary, history), in one
   * audited transaction. Refused while it runs, and once a school has decided any of its
   * results: their verification is work to keep (re-run the run instead).
   */
  async remove(id: string, user: SessionUser): Promise<ApiRecord> {
    if (!comparisonResource.access.delete.includes(user.role)) throw ApiException.forbidden();
    // A run the caller cannot read answers as a missing one (404), not 403.
    const runId = Number(id);
    if (!Number.isSafeInteger(runId) || runId <= 0 || runId > 2_147_483_647) throw ApiException.notFound();
    await this.findRun(this.db.manager, runId, user);
    return this.writer.remove(comparisonResource, id, user, async (manager, existing) => {
      if (existing.status === 'running') throw new ApiException('IN_USE', COMPARISON_DELETE_MESSAGES.running);
      const partition = resultsPartition(Number(existing.id));
      const [{ stored }] = await manager.query(`SELECT to_regclass($1) IS NOT NULL AS stored`, [partition]);
      if (stored) {
        const [{ decided }] = await manager.query(`SELECT EXISTS (SELECT 1 FROM "${partition}" WHERE decision <> 'pending') AS decided`);
        if (decided) throw new ApiException('IN_USE', COMPARISON_DELETE_MESSAGES.decided);
        await manager.query(`DROP TABLE "${partition}"`);
      }
      await manager.query(`DELETE FROM comparison_executions WHERE comparison_id = $1`, [existing.id]);
    });
  }

  /** Resolves when the run is no longer running. */
  settled(id: number): Promise<void> {
    return this.runs.settled(id);
  }

  async summary(id: number, user: SessionUser): Promise<ComparisonSummary | null> {
    if (!comparisonResource.access.list.includes(user.role)) throw ApiException.forbidden();
    const run = await this.findRun(this.db.manager, id, user);
    const [{ summary }] = await this.db.query(`SELECT summary FROM comparisons WHERE id = $1`, [run.id]);
    if (summary == null || inScope(run.scopePath, user)) return summary ?? null;
    return subtreeSummary(this.db.manager, run.id, user.scopePath);
  }

  /**
   * The summary down the region tree, drilled from `parent` (a region code; by default the
   * highest node the caller may see): that node with its cells by stage × type, its
   * ancestors in scope, and its children (or, with `level`, every node of that level below
   * it). Nodes outside the caller's subtree are never returned; an unknown parent is 404.
   */
  async summaryTree(id: number, query: { parent?: unknown; level?: unknown }, user: SessionUser): Promise<ComparisonSummaryTree> {
    if (!comparisonResource.access.list.includes(user.role)) throw ApiException.forbidden();
    const run = await this.findRun(this.db.manager, id, user);
    const level = textParam(query.level, 'level') ?? null;
    if (level !== null && !(LEVELS as readonly string[]).includes(level)) {
      throw ApiException.badQuery(`level must be one of ${LEVELS.join(', ')}`, `level 只能是 ${LEVELS.join('、')}`);
    }
    const parent = textParam(query.parent, 'parent') ?? null;
    const scope = `${escapeLike(user.scopePath)}%`;
    // `parent` names a region; a school officer's own node is their school (the only one in scope).
    const [top]: { nodeId: string; nodePath: string; level: string }[] = await this.db.query(
      `SELECT node_id AS "nodeId", node_path AS "nodePath", level FROM comparison_summary_rows
        WHERE comparison_id = $1 AND node_path LIKE $2 AND stage IS NULL AND identity_type_id IS NULL
          AND CASE WHEN $3::text IS NULL THEN true ELSE level <> 'school' AND node_id = $3 END
        ORDER BY length(node_path), level = 'school' LIMIT 1`,
      [run.id, scope, parent],
    );
    if (!top) throw ApiException.notFound();
    const [node] = toNodes(
      await this.db.query(`${SUMMARY_ROWS_SELECT} WHERE comparison_id = $1 AND level = $2 AND node_id = $3 ORDER BY stage NULLS FIRST, identity_type_id NULLS FIRST`, [
        run.id,
        top.level,
        top.nodeId,
      ]),
    );
    const children = toNodes(
      await this.db.query(
        `${SUMMARY_ROWS_SELECT}
          WHERE comparison_id = $1 AND node_path LIKE $2 AND node_path LIKE $3
            AND ${level ? 'level = $4' : 'parent_id = $4'}
          ORDER BY node_name, node_id, stage NULLS FIRST, identity_type_id NULLS FIRST`,
        [run.id, scope, `${escapeLike(top.nodePath)}_%`, level ?? top.nodeId],
      ),
    );
    const ancestors = await this.db.query(
      `SELECT level, node_id AS id, node_name AS name FROM comparison_summary_rows
        WHERE comparison_id = $1 AND level <> 'school' AND node_id = ANY($2::text[]) AND node_path LIKE $3
          AND stage IS NULL AND identity_type_id IS NULL AND node_id <> $4
        ORDER BY length(node_path)`,
      [run.id, top.nodePath.split('.').filter(Boolean), scope, top.nodeId],
    );
    return { comparisonId: run.id, node, ancestors, children };
  }

  /** Per school in the caller's scope: results, decided, pending, and overdue after the deadline. */
  async progressBySchool(id: number, user: SessionUser): Promise<ComparisonProgress> {
    if (!comparisonResource.access.list.includes(user.role)) throw ApiException.forbidden();
    const run = await this.findRun(this.db.manager, id, user);
    const [{ deadline }] = await this.db.query(`SELECT deadline FROM comparisons WHERE id = $1`, [run.id]);
    const today = chinaDate(new Date());
    const rows = await this.db.query(PROGRESS_SQL, [run.id, `${escapeLike(user.scopePath)}%`, today]);
    const schools: SchoolProgress[] = rows.map(schoolProgress);
    const deadlinePassed = deadline != null && deadline < today;
    return { comparisonId: run.id, deadline: deadline ?? null, today, deadlinePassed, schools, counties: countySubtotals(schools) };
  }

  /**
   * A decision on a result (with its reason and evidence file), through the generic update
   * (validation, scope, version, file link, audit); who decided, when, and whether the
   * result now gives the student a mark are written by the same UPDATE, on the locked row.
   */
  async decide(id: string, body: Record<string, unknown>, user: SessionUser): Promise<ApiRecord> {
    if (!comparisonResultResource.access.update.includes(user.role)) throw ApiException.forbidden();
    const record = await this.writer.update(comparisonResultResource, id, body, user, (values, existing) => ({
      decidedBy: user.id,
      decidedAt: new Date(),
      marked: carriesMark(String(existing.outcome), String(values.decision ?? existing.decision)),
    }));
    const [filed]: { scopePath: string }[] = await this.db.query(
      `SELECT scope_path AS "scopePath" FROM comparison_results WHERE comparison_id = $1 AND id = $2`,
      [record.comparisonId, record.id],
    );
    await this.refreshMarked(Number(record.comparisonId), filed ? [filed.scopePath] : []);
    return record;
  }

  /**
   * The run's summary follows the decisions: the `marked` counts of the schools whose
   * results changed are recounted and the differences carried up the tree, and the totals
   * kept on the run are rebuilt. Serialised per run with the run's own summary step.
   */
  private async refreshMarked(runId: number, schoolPaths: string[]): Promise<void> {
    if (!schoolPaths.length) return;
    await this.db.transaction(async (manager) => {
      await manager.query(SUMMARY_LOCK_BY_ID_SQL, [runId]);
      // Not summed up yet (a first run in progress): the run will count the decision itself.
      const [run] = await manager.query(`SELECT summary FROM comparisons WHERE id = $1`, [runId]);
      if (!run?.summary) return;
      await manager.query(REFRESH_MARKED_SQL, [runId, schoolPaths]);
      const summary = await readStoredSummary(manager, runId, Number(run.summary.totals?.identitiesCompared ?? 0));
      await manager.query(`UPDATE comparisons SET summary = $2 WHERE id = $1`, [runId, summary]);
    });
  }

  /**
   * Bulk confirm: every listed result of the run that a school decides (an exact or a
   * questionable match: verification progress waits on both), pending and in the caller's
   * scope, becomes confirmed in one statement (who decided, when, the mark, as in
   * `decide`), each with its audit row written by the same statement; the rest are skipped.
   */
  async confirmMany(id: number, body: Record<string, unknown>, user: SessionUser): Promise<{ confirmed: number; skipped: number }> {
    if (!comparisonResultResource.access.update.includes(user.role)) throw ApiException.forbidden();
    const { ids, reason } = bulkConfirmInput(body);
    // A run the caller cannot read answers exactly as a missing one.
    await this.findRun(this.db.manager, id, user);
    const snapshot = (t: string) =>
      `jsonb_build_object('decision', ${t}.decision, 'decisionReason', ${t}.decision_reason, 'decidedBy', ${t}.decided_by, 'marked', ${t}.marked)`;
    const [{ confirmed, schoolPaths }]: { confirmed: number; schoolPaths: string[] | null }[] = await this.db.query(
      `WITH changed AS (
         UPDATE comparison_results AS t
            SET decision = 'confirmed', decision_reason = COALESCE($4, t.decision_reason), decided_by = $3, decided_at = now(),
                marked = ${markSql(`'confirmed'`, 't.outcome')}, version = t.version + 1, updated_at = now()
          WHERE t.comparison_id = $1 AND t.id = ANY($2::int[]) AND t.outcome IN ('matched', 'questionable') AND t.decision = 'pending'
            AND t.scope_path LIKE $5
          RETURNING t.id, t.scope_path, t.decision, t.decision_reason, t.decided_by, t.marked),
       schools AS (SELECT array_agg(DISTINCT scope_path) AS paths FROM changed),
       audited AS (
         INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
         SELECT now(), $3, 'update', $6, c.id::text, ${snapshot('o')},
                ${snapshot('c')}, c.scope_path
           -- o is the table as the statement found it: the values before the update.
           FROM changed c JOIN comparison_results o ON o.comparison_id = $1 AND o.id = c.id
         RETURNING 1)
       SELECT (SELECT count(*)::int FROM audited) AS confirmed, (SELECT paths FROM schools) AS "schoolPaths"`,
      [id, ids, user.id, reason, `${escapeLike(user.scopePath)}%`, comparisonResultResource.name],
    );
    await this.refreshMarked(id, schoolPaths ?? []);
    return { confirmed, skipped: ids.length - confirmed };
  }

  /**
   * A run the user may read (its region contains theirs, or lies in it), else 404; to
   * `write` (start it), the run must lie in the user's own subtree, else 403.
   */
  private async findRun(manager: EntityManager, id: number, user: SessionUser, access: 'read' | 'write' = 'read'): Promise<RunRow> {
    const [run]: RunRow[] = await manager.query(
      `SELECT c.id, c.region_id AS "regionId", c.list_ids AS "listIds", c.status, c.scope_path AS "scopePath",
              r.scope_path AS "regionPath"
         FROM comparisons c JOIN regions r ON r.id = c.region_id WHERE c.id = $1`,
      [id],
    );
    if (!run || !inReadScope(comparisonResource, run.scopePath, user)) throw ApiException.notFound();
    if (access === 'write' && !inScope(run.scopePath, user)) throw ApiException.outOfScope();
    return run;
  }
}
