import type { SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { escapeLike } from '../../engine/rest/list-query';
import { buildSummary, type ComparisonSummary, SUMMARY_ROWS_SELECT, toNodes } from './comparison-summary';

/**
 * A run read from below its region (a city-wide run, for a county or a school) carries the
 * reader's subtree's figures, never the run's: its summary starts at the reader's highest
 * node, and each execution's counts are the sums over the reader's paths. These replace
 * the stored city-wide values on every read (`writable: false` marks such records).
 */

/**
 * The summary of one run as a reader with this scope sees it: totals of their highest node
 * in the run (their county, or their school), and that node's lines by stage × type (in
 * `countyId`/`countyName`: the node's own id and name). Identities compared: the persons
 * whose results fall in the subtree (matched to its students or filed at its regions).
 */
export async function subtreeSummary(manager: EntityManager, runId: number, scopePath: string): Promise<ComparisonSummary> {
  const pattern = `${escapeLike(scopePath)}%`;
  const [top]: { level: string; nodeId: string }[] = await manager.query(
    `SELECT level, node_id AS "nodeId" FROM comparison_summary_rows
      WHERE comparison_id = $1 AND node_path LIKE $2 AND stage IS NULL AND identity_type_id IS NULL
      ORDER BY length(node_path), level = 'school' LIMIT 1`,
    [runId, pattern],
  );
  const nodes = top
    ? toNodes(
        await manager.query(
          `${SUMMARY_ROWS_SELECT} WHERE comparison_id = $1 AND level = $2 AND node_id = $3 ORDER BY stage NULLS FIRST, identity_type_id NULLS FIRST`,
          [runId, top.level, top.nodeId],
        ),
      )
    : [];
  const [{ n }] = await manager.query(
    `SELECT count(DISTINCT identity_id)::int AS n FROM comparison_results WHERE comparison_id = $1 AND scope_path LIKE $2`,
    [runId, pattern],
  );
  const types: { id: number; name: string }[] = await manager.query(`SELECT id, name FROM identity_types`);
  return buildSummary(nodes[0], nodes, new Map(types.map((t) => [Number(t.id), t.name])), n);
}

/** `GET /comparisons`, `GET /comparisons/:id`: a summary read from below is the reader's subtree's. */
export async function comparisonRecordsView(manager: EntityManager, records: ApiRecord[], user: SessionUser): Promise<void> {
  for (const record of records) {
    if (record.writable === false && record.summary != null) record.summary = await subtreeSummary(manager, Number(record.id), user.scopePath);
  }
}

const EXECUTION_COUNTS = ['matched', 'questionable', 'unmatched', 'added', 'changed', 'removed'] as const;

/** `GET /comparison-executions` (and its export): counts read from below are the sums over the reader's subtree. */
export async function executionRecordsView(manager: EntityManager, records: ApiRecord[], user: SessionUser): Promise<void> {
  const fromBelow = records.filter((r) => r.writable === false && r.status === 'done');
  if (!fromBelow.length) return;
  const mine = `scope_path LIKE $2`;
  const rows: Record<string, number>[] = await manager.query(
    `SELECT execution_id AS "executionId", COALESCE(sum(identities) FILTER (WHERE ${mine}), 0)::int AS "identitiesCompared",
            ${EXECUTION_COUNTS.map((c) => `COALESCE(sum(${c}) FILTER (WHERE ${mine}), 0)::int AS "${c}"`).join(', ')}
       FROM comparison_execution_counts WHERE execution_id = ANY($1::int[])
      GROUP BY execution_id`,
    [fromBelow.map((r) => Number(r.id)), `${escapeLike(user.scopePath)}%`],
  );
  const sums = new Map(rows.map((row) => [Number(row.executionId), row]));
  for (const record of fromBelow) {
    const sum = sums.get(Number(record.id));
    // No breakdown at all: an execution that found nothing (zeros), or one recorded before
    // breakdowns were kept (figures unknown below the run's region: none rather than the city's).
    const unknown = !sum && Number(record.identitiesCompared ?? 0) > 0;
    for (const key of ['identitiesCompared', ...EXECUTION_COUNTS]) record[key] = unknown ? null : (sum?.[key] ?? 0);
  }
}
