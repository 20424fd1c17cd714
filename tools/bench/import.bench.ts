/**
 * Import benchmark (on demand: `npx nx run tools:bench-import`). Writes a roster of
 * BENCH_ROWS students (default 1.5 million) as .xlsx and .csv, then measures, each in a
 * child process of its own so memory figures do not mix, on a fresh database each:
 *   - exceljs's streaming reader alone reading the .xlsx (a baseline),
 *   - the `COPY` floor: the same students as stored values `COPY`ed into `students` (its
 *     indexes and foreign keys), what writing these rows costs at least on this server,
 *   - the import of the .xlsx and of the .csv, upload → committed, committed while read
 *     (one pass; BENCH_PREVIEW=1 also times the preview-then-commit path),
 *   - the same .xlsx imported again over the floor's rows: every row unchanged.
 * Prints times, ratios and peak RSS, ending with
 *   RESULT import-xlsx-vs-floor <ratio> x goal 1.2 <met|missed>      (÷ the slower of reader and COPY floor)
 *   RESULT import-csv-vs-copy-floor <ratio> x goal 1.2 <met|missed>
 *   RESULT reimport-unchanged-vs-reader <ratio> x goal 1.25 <met|missed>
 *   RESULT import-peak-rss <MB> MB goal 512 <met|missed>
 * DATABASE_URL selects the server (default: an embedded one, as a newcomer gets), BENCH_DATABASE
 * the database made on it.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { buildRegionTree, buildSchools, DEMO_SEED, generateStudents } from '@zizhu/demo-data';
import { studentResource } from '@zizhu/students';
import { DemoSeedService } from '@zizhu/api/database/seed/demo-seed.service';
import { dataSourceOptions } from '@zizhu/api/database/data-source-options';
import { startEmbeddedPostgres } from '@zizhu/api/engine/database/embedded-postgres';
import { configurePgTypes } from '@zizhu/api/engine/database/pg-types';
import { copyText } from '@zizhu/api/engine/database/copy-loader';
import { withDatabase } from '@zizhu/api/testing/test-server';
import { apiNodeFlags } from './api-node-flags';
import { loadNote, resultLine } from './latency';
import { writeRosterFiles } from './roster-file';
import { serverSettingsNote } from './server-settings-note';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_500_000);
const DIR = process.env.BENCH_DIR ?? '/tmp/zizhu-bench';
const DATABASE = process.env.BENCH_DATABASE ?? 'zizhu_bench_import';

/** Peak RSS of this process while `work` runs, sampled every 50 ms. */
async function measured<T>(work: () => Promise<T>): Promise<{ seconds: number; peakMb: number; result: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = process.hrtime.bigint();
  const result = await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(timer);
  return { seconds, peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20), result };
}

async function readerOnly(path: string): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      void row;
      rows++;
    }
    break;
  }
  return rows;
}

async function serverUrl(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  return startEmbeddedPostgres({ dataDir: `${DIR}/pg/data`, port: 54331 });
}

async function freshDatabase(server: string): Promise<string> {
  const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = withDatabase(server, DATABASE);
  configurePgTypes();
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  console.log(await serverSettingsNote(db));
  await db.runMigrations({ transaction: 'all' });
  await new DemoSeedService(db).seedIfEmpty(0);
  await db.destroy();
  return url;
}

type ImportPath = 'direct' | 'preview';

/** Imports the file through the job service as an upload would, committed while read or previewed then committed. */
async function importFile(url: string, path: string, how: ImportPath): Promise<unknown> {
  const { createApp } = await import('@zizhu/api/app.factory');
  const { ImportJobService } = await import('@zizhu/api/engine/imports/import-job.service');
  const { SessionService } = await import('@zizhu/api/engine/auth/session.service');
  const app = await createApp({ databaseUrl: url, seedDemoData: false, logger: false, adminDist: '/nonexistent' });
  // The import's own log line (its steps' times) goes to the bench's output; the rest stays quiet.
  app.useLogger({ log: (message: string, context?: string) => context === 'Imports' && console.error(`  ${message}`), error: (message: string) => console.error(message), warn: () => undefined });
  await app.init(); // starts the job queue the import's steps run on
  const jobs = app.get(ImportJobService);
  const sessions = app.get(SessionService);
  const { token } = await sessions.login('admin', 'Zizhu@2026', '127.0.0.1');
  const user = await sessions.authenticate(token);
  const kind = path.endsWith('.csv') ? 'csv' : 'xlsx';
  const copy = `${path}.upload`;
  execFileSync('cp', [path, copy]);
  const started = Date.now();
  // The job reads the file by its name's extension, as an upload's.
  const options = { commitWhileReading: how === 'direct', allOrNothing: false };
  const id = await jobs.start(user, studentResource, `roster.${kind}`, { path: copy, kind }, 'upsert', options);
  await jobs.settled(id);
  if (how === 'preview') {
    const validatedAt = Date.now();
    await jobs.commit(id, user, false);
    await jobs.settled(id);
    console.error(`validate ${((validatedAt - started) / 1000).toFixed(1)} s, commit ${((Date.now() - validatedAt) / 1000).toFixed(1)} s`);
  }
  const seconds = (Date.now() - started) / 1000;
  const done = await jobs.describe(id, user, 'en');
  await app.close();
  const { total, invalid, unchanged, inserted, updated } = done.counts;
  return { seconds, status: done.status, total, invalid, unchanged, inserted, updated, message: done.message };
}

async function rawCopy(url: string, csvPath: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TEMP TABLE roster_copy (a text, b text, c text, d text, e text, f text, g text, h text, i text, j text, k text, l text)');
  await pipeline(createReadStream(csvPath), client.query(copyFrom(`COPY roster_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)));
  const { rows } = await client.query('SELECT count(*)::int AS n FROM roster_copy');
  await client.end();
  return rows[0].n;
}

const STUDENT_COLUMNS = ['id_number', 'name', 'gender', 'birth_date', 'school_id', 'stage', 'grade', 'class_name', 'status',
  'household_region_id', 'boarding', 'guardian_name', 'phone', 'bank_account', 'scope_path', 'version'];

/** The floors of what an import does besides writing its rows, each one set-based statement over all rows (seconds). */
interface StepFloors {
  /** the file's values COPYed into an unindexed temporary table (the import stages each batch so) */
  stage: number;
  /** every staged key looked up in `students` by its unique index and every field compared (the import matches each batch so) */
  match: number;
  /** every key kept in an indexed temporary table (how later batches find duplicates) */
  remember: number;
  /** one `import_records` link row per record (the audit decision of issue 16) */
  links: number;
}

/**
 * The `COPY` floor: the same students written straight into `students` (its indexes and
 * foreign keys) by COPY from a file of stored values — what any commit of these rows costs
 * at least on this server. Then the floors of an import's other steps over the same rows
 * (StepFloors), each timed alone; the link rows are rolled back, the rest is temporary.
 */
async function writeFloor(url: string): Promise<{ studentsCopy: number; rows: number; steps: StepFloors }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const schools: { id: number; code: string; scope_path: string }[] = (await client.query('SELECT id, code, scope_path FROM schools')).rows;
  const byCode = new Map(schools.map((school) => [school.code, school]));
  const regions = buildRegionTree();
  const demoSchools = buildSchools(regions);
  const tsv = `${DIR}/students-${ROWS}.tsv`;
  if (!existsSync(tsv)) {
    const out = createWriteStream(tsv);
    for (const st of generateStudents({ schools: demoSchools, regions, count: ROWS, seed: DEMO_SEED + 7 })) {
      const school = byCode.get(demoSchools[st.schoolId - 1].code)!;
      const values = [st.idNumber, st.name, st.gender, st.birthDate, school.id, st.stage, st.grade, st.className, st.status,
        st.householdRegionId, st.boarding, st.guardianName, st.phone, st.bankAccount, school.scope_path, 1];
      if (!out.write(values.map(copyText).join('\t') + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(() => r()));
  }
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  await pipeline(createReadStream(tsv), client.query(copyFrom(`COPY students (${STUDENT_COLUMNS.join(', ')}) FROM STDIN`)));
  const studentsCopy = seconds();
  const { rows } = await client.query('SELECT count(*)::int AS n FROM students');
  await client.query('VACUUM ANALYZE students'); // as autovacuum would before anyone imports the file again
  const steps = await stepFloors(client, tsv);
  await client.end();
  return { studentsCopy, rows: rows[0].n, steps };
}

async function stepFloors(client: Client, tsv: string): Promise<StepFloors> {
  const timed = async (work: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    await work();
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  const compared = STUDENT_COLUMNS.filter((c) => !['scope_path', 'version'].includes(c));
  await client.query(`CREATE TEMP TABLE staged AS SELECT ${STUDENT_COLUMNS.join(', ')} FROM students WITH NO DATA`);
  await client.query(`ALTER TABLE staged ADD row_number serial`);
  const stage = await timed(() => pipeline(createReadStream(tsv), client.query(copyFrom(`COPY staged (${STUDENT_COLUMNS.join(', ')}) FROM STDIN`))));
  await client.query('ANALYZE staged');
  await client.query('BEGIN');
  // Batches of 2,000 against 1.5 M stored rows are matched by index probes, not hashed: so here.
  await client.query('SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off');
  const match = await timed(() =>
    client.query(`SELECT count(*) FILTER (WHERE (${compared.map((c) => `s.${c}`).join(', ')}) IS DISTINCT FROM (${compared.map((c) => `k.${c}`).join(', ')}))
                  FROM staged k JOIN students s ON s.id_number = k.id_number`),
  );
  await client.query('COMMIT');
  await client.query('CREATE TEMP TABLE seen (business_key text PRIMARY KEY, row_number int NOT NULL)');
  const remember = await timed(() => client.query('INSERT INTO seen SELECT id_number, row_number FROM staged ON CONFLICT (business_key) DO NOTHING'));
  await client.query('BEGIN');
  const links = await timed(() =>
    client.query(`INSERT INTO import_records (resource, record_id, import_id, outcome, before) SELECT 'students', id::text, 0, 'inserted', NULL FROM students`),
  );
  await client.query('ROLLBACK');
  await client.query('DROP TABLE staged, seen');
  return { stage, match, remember, links };
}

/** One measurement in this (child) process; prints JSON. */
async function child(what: string, path: string): Promise<void> {
  const server = await serverUrl();
  // Imported again over the floor's database: the rows are there already, as the file holds them.
  const url = what === 'reader' ? '' : what === 'reimport' ? withDatabase(server.url, DATABASE) : await freshDatabase(server.url);
  const run = {
    reader: () => readerOnly(path),
    import: () => importFile(url, path, 'direct'),
    preview: () => importFile(url, path, 'preview'),
    reimport: () => importFile(url, path, 'direct'),
    copy: () => rawCopy(url, path),
    floor: () => writeFloor(url),
  }[what as 'reader' | 'import' | 'preview' | 'reimport' | 'copy' | 'floor'];
  const result = await measured(run);
  await server.stop();
  console.log(JSON.stringify(result));
}

async function main(): Promise<void> {
  const [what, path] = process.argv.slice(2);
  if (what && what !== 'write') return child(what, path);
  mkdirSync(DIR, { recursive: true });
  const xlsx = `${DIR}/roster-${ROWS}.xlsx`;
  const csv = `${DIR}/roster-${ROWS}.csv`;
  console.log(`writing ${ROWS.toLocaleString()}-row roster files to ${DIR} (once)…`);
  await writeRosterFiles(ROWS, xlsx, csv);
  if (what === 'write') return; // files only (`… import.bench.ts write`)
  const runChild = (w: string, p: string) => {
    // The imports run in the API's own process here: started with the API's flags.
    const flags = ['import', 'preview', 'reimport'].includes(w) ? apiNodeFlags() : [];
    const output = execFileSync(process.execPath, [...flags, ...process.execArgv, __filename, w, p], { env: process.env, maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
    return JSON.parse(output.trim().split('\n').pop()!) as { seconds: number; peakMb: number; result: unknown };
  };
  type Measured = { seconds: number; peakMb: number; result: unknown };
  const reader = runChild('reader', xlsx);
  const floor = runChild('floor', csv) as Measured & { result: { studentsCopy: number; rows: number; steps: StepFloors } };
  const reimport = runChild('reimport', xlsx);
  const importXlsx = runChild('import', xlsx);
  const importCsv = runChild('import', csv);
  const copy = runChild('copy', csv);
  const previews = process.env.BENCH_PREVIEW === '1' ? { xlsx: runChild('preview', xlsx), csv: runChild('preview', csv) } : null;
  const floorSeconds = floor.result.studentsCopy;
  // An import's time is its own (upload → committed), not the test app's start around it.
  for (const run of [importXlsx, importCsv, reimport]) run.seconds = (run.result as { seconds: number }).seconds;
  const slower = Math.max(reader.seconds, floorSeconds);
  const line = (name: string, r: Measured) =>
    `${name.padEnd(52)} ${r.seconds.toFixed(1).padStart(7)} s   peak RSS ${String(r.peakMb).padStart(5)} MB   ${r.result && typeof r.result === 'object' ? JSON.stringify(r.result) : ''}`;
  console.log(`\n${ROWS.toLocaleString()} students`);
  console.log(line('exceljs streaming reader alone (.xlsx)', reader));
  console.log(`${'COPY floor: stored values into students'.padEnd(52)} ${floorSeconds.toFixed(1).padStart(7)} s   (${floor.result.rows.toLocaleString()} rows)`);
  console.log(line('raw COPY of the .csv into an unindexed table', copy));
  const { steps } = floor.result;
  console.log(`floors of an import's other steps, each one statement over all ${ROWS.toLocaleString()} rows:`);
  console.log(`  stage the values (COPY into a temporary table)   ${steps.stage.toFixed(1).padStart(7)} s`);
  console.log(`  match: look up every key and compare the fields  ${steps.match.toFixed(1).padStart(7)} s`);
  console.log(`  remember every key (indexed temporary table)      ${steps.remember.toFixed(1).padStart(7)} s`);
  console.log(`  one import link row per record                    ${steps.links.toFixed(1).padStart(7)} s`);
  const importFloor = floorSeconds + steps.stage + steps.match + steps.remember + steps.links;
  console.log(`  the COPY floor and these: ${importFloor.toFixed(1)} s = ${(importFloor / floorSeconds).toFixed(2)} × the COPY floor`);
  console.log(line('import .xlsx, committed while read', importXlsx));
  console.log(`  ratio to the slower of reader and COPY floor (${slower.toFixed(1)} s): ${(importXlsx.seconds / slower).toFixed(2)} (goal ≤ 1.2)`);
  console.log(line('import .csv, committed while read', importCsv));
  console.log(`  ratio to the COPY floor: ${(importCsv.seconds / floorSeconds).toFixed(2)} (goal ≤ 1.2)`);
  console.log(line('import .xlsx again, every row unchanged', reimport));
  console.log(`  ratio to the reader: ${(reimport.seconds / reader.seconds).toFixed(2)} (goal ≤ 1.25)`);
  if (previews) {
    console.log(line('import .xlsx, previewed then committed', previews.xlsx));
    console.log(line('import .csv, previewed then committed', previews.csv));
  }
  console.log(loadNote());
  console.log(resultLine('import-xlsx-vs-floor', importXlsx.seconds / slower, 'x', 1.2));
  console.log(resultLine('import-csv-vs-copy-floor', importCsv.seconds / floorSeconds, 'x', 1.2));
  console.log(resultLine('reimport-unchanged-vs-reader', reimport.seconds / reader.seconds, 'x', 1.25));
  console.log(resultLine('import-peak-rss', Math.max(importXlsx.peakMb, importCsv.peakMb, reimport.peakMb), 'MB', 512));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
