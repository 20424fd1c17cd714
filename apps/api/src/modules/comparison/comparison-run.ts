import type { EntityManager } from 'typeorm';
import {
  ATTACH_PARTITION_SQL,
  bindParams,
  CREATE_PARTITION_SQL,
  DELETE_STALE_SQL,
  EXACT_SQL,
  FILL_PARTITION_SQL,
  IDENTITIES_SQL,
  IDENTITIES_TABLE_SQL,
  INSERT_NEW_SQL,
  MATCHES_TABLE_SQL,
  MERGE_SQL,
  MERGE_TABLE_SQL,
  NAME_AND_BIRTH_DATE_SQL,
  resultsPartition,
  type RunParams,
  UNMATCHED_SQL,
  UPDATE_FOUND_SQL,
} from './comparison-match.sql';
import { buildSummary, type ComparisonSummary, SUMMARY_ROWS_SELECT, type SummaryTreeRow, toNodes } from './comparison-summary';
import { DELETE_SUMMARY_SQL, SUMMARY_LOCK_SQL, SUMMARY_TREE_SQL } from './comparison-summary.sql';

/** One statement of a run; `step` is what its `progress` reports (the panel names it). */
export interface RunStep {
  step: string;
  label: string;
  sql: string;
  /** A first run (no stored results) and a re-run take different merge statements. */
  when: 'always' | 'first' | 'rerun';
  /** ANALYZE after the step: fresh temp tables have no statistics (the planner guesses
   * tiny), nor has a run's new results table until autovacuum finds it after commit. */
  analyze?: string;
}

export const RUN_STEPS: readonly RunStep[] = [
  { step: 'identities', label: 'identities of the lists', sql: IDENTITIES_SQL, when: 'always', analyze: 'cmp_identities' },
  { step: 'exact', label: '(1) exact ID number', sql: EXACT_SQL, when: 'always' },
  { step: 'nameAndBirthDate', label: '(2) same name + birth date', sql: NAME_AND_BIRTH_DATE_SQL, when: 'always' },
  { step: 'unmatched', label: '(3) unmatched persons', sql: UNMATCHED_SQL, when: 'always', analyze: 'cmp_matches' },
  { step: 'insertNew', label: 'first run: results table', sql: CREATE_PARTITION_SQL, when: 'first' },
  { step: 'insertNew', label: 'first run: insert all', sql: FILL_PARTITION_SQL, when: 'first', analyze: '{{partition}}' },
  { step: 'compareStored', label: 'merge: pair with stored (re-run)', sql: MERGE_SQL, when: 'rerun', analyze: 'cmp_merge' },
  { step: 'deleteStale', label: 'merge: delete stale', sql: DELETE_STALE_SQL, when: 'rerun' },
  { step: 'updateFound', label: 'merge: update changed', sql: UPDATE_FOUND_SQL, when: 'rerun' },
  { step: 'insertNew', label: 'merge: insert new', sql: INSERT_NEW_SQL, when: 'rerun' },
  { step: 'summary', label: 'summary: wait for mark refreshes', sql: SUMMARY_LOCK_SQL, when: 'always' },
  { step: 'summary', label: 'summary: clear', sql: DELETE_SUMMARY_SQL, when: 'always' },
  { step: 'summary', label: 'summary: region tree', sql: SUMMARY_TREE_SQL, when: 'always' },
  // Last: it locks the tables its foreign keys reference until commit (see the statement).
  { step: 'attach', label: 'first run: attach (indexes, keys)', sql: ATTACH_PARTITION_SQL, when: 'first' },
];

/**
 * Settings for the run's own transaction only (SET LOCAL): hash joins and aggregates over
 * a million rows stay in memory instead of spilling in batches at the default 4 MB, as do
 * the attach's index sorts and foreign-key checks (maintenance_work_mem); JIT compilation
 * (seconds per statement on a busy 2-core machine) is not worth it for a handful of
 * statements that each run once. Every join of a run is an equality join over a million
 * rows, which the planner, misjudging the anti-joins' sizes, would otherwise sort-merge
 * (sorting all students by name and birth date: 3.9 s where the hash join takes 1.3 s).
 */
const RUN_SETTINGS = [`SET LOCAL work_mem = '256MB'`, `SET LOCAL maintenance_work_mem = '256MB'`, `SET LOCAL jit = off`, `SET LOCAL enable_mergejoin = off`];

/**
 * The statements of one run, in the caller's transaction, each passed through `around`
 * (the job reports progress, the benchmark times it). A first run builds and attaches its
 * results table; a re-run pairs the matches with the stored results once and writes only
 * the difference.
 */
export async function runComparisonSteps(
  manager: EntityManager,
  params: RunParams,
  around: (step: RunStep, index: number, work: () => Promise<void>) => Promise<void>,
): Promise<{ firstRun: boolean }> {
  for (const sql of RUN_SETTINGS) await manager.query(sql);
  await manager.query(IDENTITIES_TABLE_SQL);
  await manager.query(MATCHES_TABLE_SQL);
  await manager.query(MERGE_TABLE_SQL);
  // A run that has run before has its results table (possibly empty): merge into it.
  const [{ stored }] = await manager.query(`SELECT to_regclass($1) IS NOT NULL AS stored`, [resultsPartition(params.comparisonId)]);
  for (const [index, step] of RUN_STEPS.entries()) {
    if (step.when !== 'always' && (step.when === 'rerun') !== stored) continue;
    await around(step, index, async () => {
      await manager.query(...bindParams(step.sql, params));
      if (step.analyze) await manager.query(bindParams(`ANALYZE ${step.analyze}`, params)[0]);
    });
  }
  return { firstRun: !stored };
}

/**
 * The run's history line (comparison_executions), in its transaction once the steps are
 * done: what it found (from its matches) and what it changed (a first run adds every
 * result; a re-run what its merge found new, changed or stale).
 */
export async function recordExecution(
  manager: EntityManager,
  params: RunParams,
  run: { firstRun: boolean; startedBy: number | null; startedAt: Date; identitiesCompared: number },
): Promise<void> {
  const merged = (action: string) => `(SELECT count(*)::int FROM cmp_merge WHERE action = '${action}')`;
  const [{ id: executionId }]: { id: number }[] = await manager.query(
    `INSERT INTO comparison_executions (comparison_id, status, started_by, started_at, finished_at, identities_compared,
            matched, questionable, unmatched, added, changed, removed, scope_path)
     SELECT c.id, 'done', $2, $3, now(), $4, m.matched, m.questionable, m.unmatched,
            CASE WHEN $5 THEN m.total ELSE ${merged('new')} END, ${merged('changed')}, ${merged('stale')}, c.scope_path
       FROM comparisons c,
            (SELECT count(*)::int AS total, count(*) FILTER (WHERE outcome = 'matched')::int AS matched,
                    count(*) FILTER (WHERE outcome = 'questionable')::int AS questionable,
                    count(*) FILTER (WHERE outcome = 'unmatched')::int AS unmatched FROM cmp_matches) m
      WHERE c.id = $1
     RETURNING id`,
    [params.comparisonId, run.startedBy, run.startedAt, run.identitiesCompared, run.firstRun],
  );
  await manager.query(EXECUTION_COUNTS_SQL, [executionId, run.firstRun]);
}

/**
 * The same figures per path the results are filed under (a school, or an unmatched
 * person's region), for readers from below: $1 the execution, $2 whether it was a first run
 * (every match added). Identities are counted per path (a person matched in two schools
 * counts in each).
 */
const EXECUTION_COUNTS_SQL = `
INSERT INTO comparison_execution_counts (execution_id, scope_path, identities, matched, questionable, unmatched, added, changed, removed)
SELECT $1, scope_path,
       count(DISTINCT identity_id) FILTER (WHERE action IS NULL),
       count(*) FILTER (WHERE action IS NULL AND outcome = 'matched'),
       count(*) FILTER (WHERE action IS NULL AND outcome = 'questionable'),
       count(*) FILTER (WHERE action IS NULL AND outcome = 'unmatched'),
       CASE WHEN $2 THEN count(*) FILTER (WHERE action IS NULL) ELSE count(*) FILTER (WHERE action = 'new') END,
       count(*) FILTER (WHERE action = 'changed'),
       count(*) FILTER (WHERE action = 'stale')
  FROM (SELECT scope_path, identity_id, outcome, NULL AS action FROM cmp_matches
        UNION ALL
        SELECT scope_path, identity_id, outcome, action FROM cmp_merge) found
 GROUP BY scope_path`;

/**
 * The run's totals and county lines, kept on the run (the tree stays in its table). The
 * number of identities compared is the run's (counted from its temp table unless given).
 */
export async function readStoredSummary(manager: EntityManager, id: number, identitiesCompared?: number): Promise<ComparisonSummary> {
  const rows: SummaryTreeRow[] = await manager.query(
    `${SUMMARY_ROWS_SELECT} WHERE comparison_id = $1 AND level IN ('city', 'county')
      ORDER BY level = 'county', node_id, stage NULLS FIRST, identity_type_id NULLS FIRST`,
    [id],
  );
  const nodes = toNodes(rows);
  const types: { id: number; name: string }[] = await manager.query(`SELECT id, name FROM identity_types`);
  const n = identitiesCompared ?? (await manager.query(`SELECT count(*)::int AS n FROM cmp_identities`))[0].n;
  return buildSummary(nodes[0], nodes.filter((node) => node.level === 'county'), new Map(types.map((t) => [Number(t.id), t.name])), n);
}
