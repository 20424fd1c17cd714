/**
 * Reconciliation benchmark (on demand, never in CI: `npx nx run tools:bench-reconciliation`).
 * Loads BENCH_LINES (3,000,000) payment lines — 10 programs × 3 years × 2 terms over the
 * demo city's 37 schools in 7 counties; 90 % paid, 4 % failed, 3 % returned, 3 % pending —
 * plus allocations per program × term × county × source and 10,000 refunds, into a
 * database of its own (zizhu_bench_funds), built by SQL (generate_series), not the API.
 * Then times, as the API runs them, the summary by program × term × county (and with
 * sources, and a county's own), and drill-down pages of lines (the generic list of
 * `disbursements` filtered to one cell, first page and a deep one, with its count).
 * Also times the exceptions list (对账异常, read from the fund_exceptions table the writes keep
 * current) city-wide, filtered and for a county, goal 2 s, and what keeping it current
 * costs a bank result of 10,000 lines.
 * BENCH_REUSE=1 keeps an already loaded database; DATABASE_URL picks the server (default: the
 * benchmarks' embedded PostgreSQL, as a newcomer gets). Ends with one line per timed request:
 *   RESULT reconciliation-<request> <median ms> ms goal <2000 | 100> <met|missed>
 * (the exceptions list's lines are named reconciliation-exceptions-list-…).
 */
import { disbursementResource } from '@zizhu/funds';
import type { SessionUser } from '@zizhu/schema';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DemoSeedService } from '@zizhu/api/database/seed/demo-seed.service';
import { dataSourceOptions } from '@zizhu/api/database/data-source-options';
import { configurePgTypes } from '@zizhu/api/engine/database/pg-types';
import { parseListQuery } from '@zizhu/api/engine/rest/query-parser';
import { ResourceReader } from '@zizhu/api/engine/rest/resource-reader.service';
import { ResourceBehaviours } from '@zizhu/api/engine/rest/resource-behaviours.service';
import type { DiscoveryService } from '@nestjs/core';
import { FundExceptionsService } from '@zizhu/api/modules/funds/fund-exceptions.service';
import { ReconciliationService } from '@zizhu/api/modules/funds/reconciliation.service';
import { AuditService } from '@zizhu/api/engine/audit/audit.service';
import { withDatabase } from '@zizhu/api/testing/test-server';
import { withBenchServer } from './bench-database';
import { loadNote, resultLine, resultName } from './latency';
import { serverSettingsNote } from './server-settings-note';

const LINES = Number(process.env.BENCH_LINES ?? 3_000_000);
const DATABASE = 'zizhu_bench_funds';
const PROGRAMS = 10;
const REPEAT = 5;
const REUSE = process.env.BENCH_REUSE === '1';

const results: string[] = [];

const finance: SessionUser = { id: 7, username: 'finance', displayName: '财务', role: 'finance', scopePath: '450900.', scopeLabel: '玉林市' };

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`${label.padEnd(44)} ${((performance.now() - start) / 1000).toFixed(2).padStart(8)} s`);
  return result;
}

/** Best and median of REPEAT runs, in ms (the first run warms the cache). */
async function measure(label: string, limitMs: number, work: () => Promise<unknown>): Promise<boolean> {
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const pass = median <= limitMs;
  results.push(resultLine(resultName(`reconciliation-${label}`), median, 'ms', limitMs));
  console.log(`${label.padEnd(52)} median ${median.toFixed(0).padStart(6)} ms  best ${times[0].toFixed(0).padStart(6)} ms  (≤ ${limitMs} ms: ${pass ? 'ok' : 'SLOW'})`);
  return pass;
}

async function load(db: DataSource): Promise<void> {
  await new DemoSeedService(db).seedIfEmpty(1000);
  await db.query(
    `INSERT INTO programs (name, code, category, region_id, stages, term_kind, first_year, active, tiers, funding_shares, eligibility_rule, auto_enrol,
                           application_fields, approval_steps, deadlines, scope_path, version)
     SELECT '基准项目' || k, 'BENCH-' || k, 'grant', '450900', '{senior}', 'semester', 2015, true,
            '[{"code":"T1","label":"一档","amount":125000},{"code":"T2","label":"二档","amount":100000}]'::jsonb,
            '[{"source":"central","percent":60},{"source":"provincial","percent":30},{"source":"city","percent":10}]'::jsonb,
            '{"combinator":"and","rules":[]}'::jsonb, false, '[]'::jsonb, '[]'::jsonb, '[]'::jsonb, '450900.', 1
       FROM generate_series(1, $1) k`,
    [PROGRAMS],
  );
  await db.query(
    `INSERT INTO disbursement_batches (title, program_id, year, term, region_id, method, date, line_count, total_amount, paid_amount, skipped_no_account, scope_path, version)
     SELECT 'bench', p.id, 2015 + y, t, '450900', 'aidCard', make_date(2015 + y, 10, 15), 0, 0, 0, 0, '450900.', 1
       FROM programs p, generate_series(0, 2) y, unnest(ARRAY['spring', 'autumn']) t`,
  );
  // Loaded as a migration of old data would be, with the exceptions table's triggers off;
  // the table is then built from scratch in one set-based pass (timed below).
  await db.query(`ALTER TABLE disbursements DISABLE TRIGGER USER`);
  await timed(`load ${LINES.toLocaleString()} payment lines`, () =>
    db.query(
      `WITH sc AS (SELECT s.id, s.scope_path, split_part(s.scope_path, '.', 2) AS county, row_number() OVER (ORDER BY s.id) - 1 AS k, count(*) OVER () AS n FROM schools s),
            st AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM students),
            b AS (SELECT id, program_id, year, term, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM disbursement_batches)
       INSERT INTO disbursements (serial_no, batch_id, student_id, program_id, year, term, school_id, region_id, amount, date, method, account, status, scope_path, version)
       SELECT 'B' || g, b.id, st.id, b.program_id, b.year, b.term, sc.id, sc.county, CASE WHEN g % 7 = 0 THEN 125000 ELSE 100000 END,
              make_date(b.year, 11, 1 + (g % 28)), 'aidCard', '62170' || lpad(g::text, 14, '0'),
              CASE WHEN g % 100 < 90 THEN 'paid' WHEN g % 100 < 94 THEN 'failed' WHEN g % 100 < 97 THEN 'returned' ELSE 'pending' END,
              sc.scope_path, 1
         FROM generate_series(0, $1 - 1) g
         JOIN b ON b.k = g % b.n
         JOIN sc ON sc.k = (g / b.n) % sc.n
         JOIN st ON st.k = g % st.n`,
      [LINES],
    ),
  );
  await timed('load allocations and 10,000 refunds', async () => {
    await db.query(
      `INSERT INTO allocations (program_id, year, term, source, region_id, amount, document_number, date, scope_path, version)
       SELECT d.program_id, d.year, d.term, x.source, d.region_id, (sum(d.amount) * x.percent / 100 * 1.05)::bigint, '基准〔' || d.year || '〕' || d.program_id || '号',
              make_date(d.year, 9, 1), r.scope_path, 1
         FROM disbursements d JOIN regions r ON r.id = d.region_id,
              (VALUES ('central', 60), ('provincial', 30), ('city', 10)) x(source, percent)
        GROUP BY d.program_id, d.year, d.term, d.region_id, r.scope_path, x.source, x.percent`,
    );
    await db.query(
      `INSERT INTO refunds (disbursement_id, student_id, program_id, year, term, region_id, amount, date, receiving_account, reason, scope_path, version)
       SELECT id, student_id, program_id, year, term, region_id, amount, date + 30, '财政专户', '核查不符合条件', scope_path, 1
         FROM disbursements WHERE status = 'paid' AND id % 270 = 0 LIMIT 10000`,
    );
  });
  await db.query(`ALTER TABLE disbursements ENABLE TRIGGER USER`);
  await timed('analyze', () => db.query('ANALYZE'));
  await timed('build the exceptions table (every paid student)', () =>
    db.query(`SELECT fund_exceptions_refresh(array_agg(id), array_agg(NULL::integer), array_agg(NULL::integer), array_agg(NULL::text))
                FROM (SELECT DISTINCT student_id AS id FROM disbursements WHERE status = 'paid') s`),
  );
  await timed('analyze the exceptions table', () => db.query('ANALYZE fund_exceptions'));
}

/** On DATABASE_URL's server, or the embedded PostgreSQL a newcomer gets (bench-database.ts). */
async function benchmark(adminUrl: string): Promise<void> {
  configurePgTypes();
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const [{ exists }] = (await admin.query(`SELECT count(*) > 0 AS exists FROM pg_database WHERE datname = $1`, [DATABASE])).rows;
  const reuse = REUSE && exists;
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  }
  const db = new DataSource(dataSourceOptions(withDatabase(adminUrl, DATABASE)));
  await db.initialize();
  console.log(await serverSettingsNote(db));
  let ok = true;
  try {
    if (!reuse) {
      await db.runMigrations({ transaction: 'all' });
      await load(db);
    }
    const reconciliation = new ReconciliationService(db);
    // Outside Nest: no module's behaviour is discovered (payment lines read as declared).
    const reader = new ResourceReader(db, new ResourceBehaviours({ getProviders: () => [] } as unknown as DiscoveryService));
    const [{ region }] = await db.query(`SELECT region_id AS region FROM disbursements WHERE id = 1`);
    const [{ scope }] = await db.query(`SELECT scope_path AS scope FROM regions WHERE id = $1`, [region]);
    const county: SessionUser = { ...finance, id: 2, role: 'county', scopePath: scope };

    const summary = await reconciliation.summary({ groupBy: 'program,term,region' }, finance);
    console.log(`summary: ${summary.rows.length} rows, paid ${summary.totals.paid} fen in ${summary.totals.paidLines} lines, execution ${summary.totals.executionRateBp} bp`);
    ok = (await measure('summary program × term × county (city)', 2000, () => reconciliation.summary({ groupBy: 'program,term,region' }, finance))) && ok;
    ok = (await measure('summary program × term × county × source (city)', 2000, () => reconciliation.summary({ groupBy: 'program,term,region,source' }, finance))) && ok;
    ok = (await measure('summary program × term (a county)', 2000, () => reconciliation.summary({ groupBy: 'program,term' }, county))) && ok;

    const cell = { programId: 1, year: 2016, term: 'autumn', regionId: region };
    const page = (filter: Record<string, unknown>, range: [number, number], sort = ['id', 'ASC']) =>
      reader.list(disbursementResource, parseListQuery(disbursementResource, { filter: JSON.stringify(filter), range: JSON.stringify(range), sort: JSON.stringify(sort) }), finance);
    const first = await page({ ...cell, status: 'paid' }, [0, 49]);
    console.log(`drill-down cell: ${first.total} paid lines`);
    ok = (await measure('drill-down: a cell, paid, first page of 50', 100, () => page({ ...cell, status: 'paid' }, [0, 49]))) && ok;
    ok = (await measure('drill-down: a cell, paid, page 100 of 50', 100, () => page({ ...cell, status: 'paid' }, [4950, 4999]))) && ok;
    ok = (await measure('drill-down: a cell, all statuses, first page', 100, () => page(cell, [0, 49]))) && ok;
    ok = (await measure('drill-down: a cell, failed, by date', 100, () => page({ ...cell, status: 'failed' }, [0, 49], ['date', 'DESC']))) && ok;

    const exceptions = new FundExceptionsService(db, reconciliation, new AuditService());
    const [{ stored }] = await db.query('SELECT count(*)::int AS stored FROM fund_exceptions');
    console.log(`exceptions table: ${stored.toLocaleString()} line exceptions kept current`);
    const cityWide = await exceptions.list({}, finance);
    console.log(`  ${cityWide.exceptions.length} exceptions listed city-wide, of ${cityWide.totalCapped ? 'more than ' : ''}${cityWide.total}`);
    ok = (await measure('exceptions list, whole city (all kinds)', 2000, () => exceptions.list({}, finance))) && ok;
    ok = (await measure('exceptions list, whole city, unexplained paidTwice', 2000, () => exceptions.list({ filter: JSON.stringify({ kind: 'paidTwice', explained: false }) }, finance))) && ok;
    ok = (await measure('exceptions list, one program and term', 2000, () => exceptions.list({ filter: JSON.stringify({ programId: 1, year: 2016, term: 'autumn' }) }, finance))) && ok;
    ok = (await measure('exceptions list, a county', 2000, () => exceptions.list({}, county))) && ok;
    // What keeping it current costs a write: a bank result settling 10,000 lines (and undoing it), in one transaction each.
    const settle = (from: string, to: string) =>
      db.query(`UPDATE disbursements SET status = $2 WHERE id IN (SELECT id FROM disbursements WHERE status = $1 AND id % 7 = 3 ORDER BY id LIMIT 10000)`, [from, to]);
    await timed('bank result: 10,000 lines paid → returned', () => settle('paid', 'returned'));
    await timed('bank result: 10,000 lines returned → paid', () => settle('returned', 'paid'));
    console.log(loadNote());
    for (const line of results) console.log(line);
  } finally {
    await db.destroy();
    await admin.end();
  }
  if (!ok) process.exitCode = 1;
}

withBenchServer(benchmark).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
