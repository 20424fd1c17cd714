/**
 * Comparison benchmark (on demand, never in CI: `npx nx run tools:bench-comparison`).
 * Loads BENCH_STUDENTS (1,500,000) enrolled students and BENCH_IDENTITIES (1,000,000)
 * identity rows on four lists into a database of its own (zizhu_bench_comparison), then
 * times each statement of a city-wide run, and a re-run (which keeps decisions), through the
 * job's own step list (`runComparisonSteps`). BENCH_REUSE=1 keeps a loaded database and
 * only clears the results, to iterate on the run without reloading 2.5 M rows.
 * The rows are built by SQL (generate_series), not through the API: ID numbers are unique
 * but carry no valid check digit, which the match does not look at.
 * Identities: 40 % are students (2 % of all with a differently written name), 5 % share
 * a student's name and birth date under another ID number, the rest match no one (rows
 * that happen to repeat a person on the same list are skipped).
 * DATABASE_URL picks the server (default: the benchmarks' embedded PostgreSQL, as a newcomer gets).
 * Ends with
 *   RESULT comparison-first-run <s> s goal 10 <met|missed>
 *   RESULT comparison-re-run <s> s goal 10 <met|missed>
 */
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DemoSeedService } from '@zizhu/api/database/seed/demo-seed.service';
import { dataSourceOptions } from '@zizhu/api/database/data-source-options';
import { configurePgTypes } from '@zizhu/api/engine/database/pg-types';
import { resultsPartition, type RunParams } from '@zizhu/api/modules/comparison/comparison-match.sql';
import { readStoredSummary, runComparisonSteps } from '@zizhu/api/modules/comparison/comparison-run';
import { withDatabase } from '@zizhu/api/testing/test-server';
import { withBenchServer } from './bench-database';
import { loadNote, resultLine } from './latency';
import { serverSettingsNote } from './server-settings-note';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_500_000);
const IDENTITIES = Number(process.env.BENCH_IDENTITIES ?? 1_000_000);
const DATABASE = 'zizhu_bench_comparison';
const DEMO_SEED_STUDENTS = 1000;
/** A city-wide run, first or again, within ten seconds. */
const GOAL_SECONDS = 10;

/** Student n's ID number: county, a birth date among ~16 years, a serial (unique up to 60 M). */
const STUDENT_ID = (n: string) => `'450902' || to_char(date '2005-01-01' + (${n} % 6000), 'YYYYMMDD') || lpad((${n} / 6000)::text, 4, '0')`;
const STUDENT_NAME = (n: string) =>
  `(ARRAY['黄','李','陈','梁','刘','林','张','王'])[1 + (${n} / 60000) % 8] || (ARRAY['子涵','海燕','国强','小红','一鸣','欣怡','浩然','思远','雨桐','俊杰'])[1 + (${n} / 6000) % 10]`;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`${label.padEnd(34)} ${((performance.now() - start) / 1000).toFixed(2).padStart(8)} s`);
  return result;
}

async function load(db: DataSource): Promise<RunParams> {
  // The demo city's regions, schools, types and users; a thousand demo students beside the
  // bench's, as the demo's own inspections draw their samples from students.
  await new DemoSeedService(db).seedIfEmpty(DEMO_SEED_STUDENTS);
  await timed(`load ${STUDENTS.toLocaleString()} students`, () =>
    db.query(
      `INSERT INTO students (id_number, name, gender, birth_date, school_id, stage, status, boarding, scope_path, version)
       SELECT ${STUDENT_ID('g')}, ${STUDENT_NAME('g')}, 'male', date '2005-01-01' + (g % 6000), sc.id, 'primary', 'enrolled', false, sc.scope_path, 1
         FROM generate_series(0, $1 - 1) g
         JOIN (SELECT id, scope_path, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM schools) sc ON sc.k = g % sc.n
       -- A demo student may hold one of the generated numbers: the bench's row is left out.
       ON CONFLICT (id_number) DO NOTHING`,
      [STUDENTS],
    ),
  );
  const [{ id: typeId }] = await db.query(`SELECT id FROM identity_types ORDER BY priority LIMIT 1`);
  const lists: { id: number }[] = await db.query(
    `INSERT INTO identity_lists (name, department, identity_type_id, region_id, batch_date, scope_path, version)
     SELECT 'bench ' || k, 'civilAffairs', $1, '450900', date '2026-09-01', '450900.', 1 FROM generate_series(1, 4) k RETURNING id`,
    [typeId],
  );
  await timed(`load ${IDENTITIES.toLocaleString()} identities`, () =>
    db.query(
      `INSERT INTO identities (list_id, id_number, name, birth_date, scope_path, version)
       SELECT ($2::int[])[1 + g % 4],
              CASE WHEN g % 100 < 40 THEN ${STUDENT_ID('s')}
                   WHEN g % 100 < 45 THEN '450902' || to_char(date '2005-01-01' + (s % 6000), 'YYYYMMDD') || 'B' || lpad(((g / 100) % 1000)::text, 3, '0')
                   ELSE '450981' || to_char(date '1960-01-01' + (g % 9000), 'YYYYMMDD') || lpad(((g / 9000) % 10000)::text, 4, '0') END,
              CASE WHEN g % 100 < 2 THEN ${STUDENT_NAME('s')} || '某' ELSE ${STUDENT_NAME('s')} END,
              CASE WHEN g % 100 < 45 THEN date '2005-01-01' + (s % 6000) ELSE date '1960-01-01' + (g % 9000) END, '450900.', 1
         FROM generate_series(0, $1 - 1) g, LATERAL (SELECT ((g * 7919::bigint) % $3)::int AS s) pick
       ON CONFLICT DO NOTHING`,
      [IDENTITIES, lists.map((l) => l.id), STUDENTS],
    ),
  );
  await db.query('VACUUM ANALYZE');
  const [{ id }] = await db.query(
    `INSERT INTO comparisons (name, region_id, list_ids, status, scope_path, version) VALUES ('bench', '450900', $1, 'draft', '450900.', 1) RETURNING id`,
    [lists.map((l) => l.id).join(',')],
  );
  return { comparisonId: id, pattern: '450900.%', listIds: lists.map((l) => l.id), regionId: '450900' };
}

/** A run exactly as the job does it (same steps, same settings), each step timed. */
async function run(db: DataSource, params: RunParams, title: string): Promise<number> {
  console.log(`\n${title}`);
  const start = performance.now();
  await db.transaction(async (manager) => {
    await runComparisonSteps(manager, params, (step, _, work) => timed(step.label, work));
    await timed('summary: totals kept on the run', () => readStoredSummary(manager, params.comparisonId));
  });
  const [counts] = await db.query(
    `SELECT count(*) FILTER (WHERE outcome = 'matched')::int AS matched, count(*) FILTER (WHERE outcome = 'questionable')::int AS questionable,
            count(*) FILTER (WHERE outcome = 'unmatched')::int AS unmatched FROM comparison_results WHERE comparison_id = $1`,
    [params.comparisonId],
  );
  const seconds = (performance.now() - start) / 1000;
  console.log(`${'total (with commit)'.padEnd(34)} ${seconds.toFixed(2).padStart(8)} s   ${JSON.stringify(counts)}`);
  return seconds;
}

/** With BENCH_REUSE=1, the loaded students and lists of a previous run are kept; only results go. */
async function reuse(db: DataSource): Promise<RunParams | null> {
  const [run] = await db.query(`SELECT id, list_ids AS "listIds" FROM comparisons WHERE name = 'bench' ORDER BY id LIMIT 1`);
  if (!run) return null;
  await db.query(`DROP TABLE IF EXISTS ${resultsPartition(run.id)}`);
  await db.query('TRUNCATE comparison_summary_rows');
  const listIds = String(run.listIds).split(',').map(Number);
  return { comparisonId: run.id, pattern: '450900.%', listIds, regionId: '450900' };
}

/** On DATABASE_URL's server, or the embedded PostgreSQL a newcomer gets (bench-database.ts). */
async function benchmark(adminUrl: string): Promise<void> {
  configurePgTypes();
  const reusing = process.env.BENCH_REUSE === '1';
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const [exists] = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE])).rows;
  if (!reusing || !exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  }
  await admin.end();
  const db = new DataSource(dataSourceOptions(withDatabase(adminUrl, DATABASE)));
  await db.initialize();
  console.log(await serverSettingsNote(db));
  try {
    await db.runMigrations({ transaction: 'all' });
    const params = (reusing && (await reuse(db))) || (await load(db));
    const first = await run(db, params, 'first run');
    await db.query(`UPDATE comparison_results SET decision = 'confirmed' WHERE comparison_id = $1 AND id % 3 = 0`, [params.comparisonId]);
    // What autovacuum does in the days between two real runs: the first run's foreign-key
    // checks locked every referenced student and identity row, and its results are new.
    await db.query('VACUUM ANALYZE comparison_results, students, identities');
    const again = await run(db, params, 're-run (a third decided)');
    console.log(loadNote());
    console.log(resultLine('comparison-first-run', first, 's', GOAL_SECONDS));
    console.log(resultLine('comparison-re-run', again, 's', GOAL_SECONDS));
  } finally {
    await db.destroy();
  }
}

withBenchServer(benchmark).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
