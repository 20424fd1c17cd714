import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkListIds,
  chinaDate,
  comparisonResource,
  comparisonResultResource,
  parseListIds,
} from '@zizhu/identities';
import type { ComparisonProgress, ComparisonSummaryTree, SchoolProgress, SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { escapeLike } from '../../engine/rest/list-query';
import { inReadScope, inScope } from '../../engine/scope/scope';
import { markSql, type RunParams } from './comparison-match.sql';
import { countySubtotals, PROGRESS_SQL, schoolProgress } from './comparison-progress';
import { type ComparisonSummary, LEVELS, SUMMARY_ROWS_SELECT, toNodes } from './comparison-summary';
import { readStoredSummary } from './comparison-run';
import { ComparisonRunJob } from './comparison-run.job';
import { REFRESH_MARKED_SQL, SUMMARY_LOCK_BY_ID_SQL } from './comparison-summary.sql';
import { subtreeSummary } from './comparison-subtree-figures';
import { textParam } from '../../engine/rest/query-parser';
import type { BulkConfirmDto } from './dtos/bulk-confirm.dto';

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
export class ComparisonService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly runs: ComparisonRunJob,
  ) {}

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

  /** Resolves when the run is no longer running. */
  settled(id: number): Promise<void> {
    return this.runs.settled(id);
  }

  async summary(id: number, user: SessionUser): Promise<ComparisonSummary | null> {
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
   * After a decision on a result (see ComparisonResultBehaviour): the run's summary follows
   * it, out of the decision's transaction (the summary lock is taken after a run's own).
   */
  async refreshDecided(record: ApiRecord): Promise<void> {
    const [filed]: { scopePath: string }[] = await this.db.query(
      `SELECT scope_path AS "scopePath" FROM comparison_results WHERE comparison_id = $1 AND id = $2`,
      [record.comparisonId, record.id],
    );
    await this.refreshMarked(Number(record.comparisonId), filed ? [filed.scopePath] : []);
  }

  /**
   * The run's summary follows the decisions: the `marked` counts of the schools whose
   * results changed are recounted and the differences carried up the tree, and the totals
   * kept on the run are rebuilt. Serialised per run with the run's own summary step.
   */
  async refreshMarked(runId: number, schoolPaths: string[]): Promise<void> {
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
  async confirmMany(id: number, body: BulkConfirmDto, user: SessionUser): Promise<{ confirmed: number; skipped: number }> {
    const ids = [...new Set(body.ids)];
    const reason = body.reason?.trim() || null;
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
