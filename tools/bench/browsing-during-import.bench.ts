/**
 * Browsing during an import (on demand: `npx nx run tools:bench-browsing`). BENCH_PEOPLE (50)
 * simulated people — city, county and school officers — browse the student list of
 * BENCH_STUDENTS (1,500,000) students: list pages, school and stage filters, a name search,
 * a record, the schema, 2–5 s apart, arriving over 5 s. The API runs in child processes of
 * its own, so this process's CPU is not the API's: a `web` instance serving the people and a
 * `worker` instance running the import at background priority (ZIZHU_ROLE), or, with
 * BENCH_WORKER=0, one instance doing both.
 *   Phase A: BENCH_BROWSE_SECONDS (60) of browsing alone.
 *   Phase B: a BENCH_IMPORT_ROWS (100,000)-row .xlsx roster uploaded and committed as the
 *            panel does (HTTP upload, polling, commit), browsing on until it is committed.
 * Prints p50/p95/p99 and errors per phase, the import's times, the load average and the
 * server's settings, ending with
 *   RESULT browsing-p95-before-import <ms> ms goal 200 <met|missed>   (informative)
 *   RESULT browsing-p95-during-import <ms> ms goal 200 <met|missed>
 *   RESULT browsing-errors-during-import <n> count goal 0 <met|missed>
 * BENCH_REUSE=1 reuses the loaded database (zizhu_bench_load; each run's import upserts
 * into it), DATABASE_URL picks the server (default: an embedded PostgreSQL), BENCH_DIR
 * where the roster file is written (once; shared with the import benchmark).
 */
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DemoSeedService } from '@zizhu/api/database/seed/demo-seed.service';
import { type ApiProcess, startApiProcess, stopApiProcess } from './api-process';
import { benchServer, preparedDatabase } from './bench-database';
import { getJson, login } from './bench-http';
import { type BrowsingAccount, type BrowsingSample, startBrowsing } from './browsing-people';
import { loadNote, percentiles, resultLine } from './latency';
import { importAsPanel } from './panel-import';
import { writeRosterFiles } from './roster-file';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_500_000);
const BROWSE_SECONDS = Number(process.env.BENCH_BROWSE_SECONDS ?? 60);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50);
const WITH_WORKER = process.env.BENCH_WORKER !== '0';
const DIR = process.env.BENCH_DIR ?? '/tmp/zizhu-bench';
const DATABASE = 'zizhu_bench_load';
const GOAL_MS = 200;
const ACCOUNTS: [string, BrowsingAccount['level']][] = [
  ['admin', 'city'],
  ['yuzhou', 'county'],
  ['rongxian', 'county'],
  ['school1', 'school'],
  ['school2', 'school'],
];

async function main(): Promise<void> {
  const server = await benchServer();
  const url = await preparedDatabase(server.url, DATABASE, async (db) => {
    await new DemoSeedService(db).seedIfEmpty(STUDENTS);
    return `${STUDENTS.toLocaleString()} students`;
  });
  mkdirSync(DIR, { recursive: true });
  console.log(`writing the ${IMPORT_ROWS.toLocaleString()}-row roster to ${roster(IMPORT_ROWS)} (once)…`);
  await writeRosterFiles(IMPORT_ROWS, roster(IMPORT_ROWS), `${DIR}/roster-${IMPORT_ROWS}.csv`);

  const api = await startApiProcess(url, WITH_WORKER ? 'web' : 'all');
  const worker = WITH_WORKER ? await startApiProcess(url, 'worker') : undefined;
  try {
    console.log(worker ? `instances: web (pid ${api.child.pid}), worker (pid ${worker.child.pid}, background priority)` : `one instance (pid ${api.child.pid}) serving and importing`);
    await run(api);
  } finally {
    if (worker) await stopApiProcess(worker);
    await stopApiProcess(api);
    await server.stop();
  }
}

async function run(api: ApiProcess): Promise<void> {
  const accounts: BrowsingAccount[] = [];
  for (const [username, level] of ACCOUNTS) {
    const token = await login(api.base, username);
    const schools = await getJson<{ id: number }[]>(`${api.base}/api/schools?range=[0,49]`, token);
    accounts.push({ username, level, token, schoolIds: schools.map((school) => school.id) });
  }
  const samples: BrowsingSample[] = [];
  let phase = 'before';
  console.log(`\n${PEOPLE} people (${ACCOUNTS.map(([name, level]) => `${name}: ${level}`).join(', ')}, in turn), API process pid ${api.child.pid}`);
  console.log(`phase A: browsing for ${BROWSE_SECONDS} s, no import`);
  const browsing = startBrowsing({ base: api.base, accounts, people: PEOPLE, arrivalMs: 5_000, thinkMs: [2_000, 5_000], phase: () => phase, record: (s) => samples.push(s) });
  await sleep(BROWSE_SECONDS * 1000);
  const loadBefore = loadNote();

  phase = 'during';
  console.log(`phase B: importing ${IMPORT_ROWS.toLocaleString()} rows while browsing`);
  const admin = accounts[0].token;
  let imported: Awaited<ReturnType<typeof importAsPanel>>;
  try {
    imported = await importAsPanel(api.base, admin, 'students', roster(IMPORT_ROWS));
  } finally {
    phase = 'after';
    await browsing.stop();
  }
  const loadDuring = loadNote();

  const before = summary(samples, 'before');
  const during = summary(samples, 'during');
  console.log('');
  console.log(`${STUDENTS.toLocaleString()} students, ${PEOPLE} people, think time 2–5 s`);
  console.log(`phase A, browsing alone (${BROWSE_SECONDS} s):       ${before.line}; ${loadBefore}`);
  console.log(`phase B, during the import (${imported.seconds.total.toFixed(1)} s): ${during.line}; ${loadDuring}`);
  console.log(`import of ${IMPORT_ROWS.toLocaleString()} rows: upload ${imported.seconds.upload.toFixed(1)} s, validate ${imported.seconds.validate.toFixed(1)} s, commit ${imported.seconds.commit.toFixed(1)} s; ${JSON.stringify(imported.counts)}`);
  for (const [request, count] of byRequest(samples.filter((s) => s.phase === 'during'))) console.log(`  during, ${request}: ${count}`);
  for (const error of [...new Set(samples.filter((s) => s.error).map((s) => `${s.phase} ${s.request}: ${s.error}`))].slice(0, 10)) console.log(`  error: ${error}`);
  console.log(resultLine('browsing-p95-before-import', before.p95, 'ms', GOAL_MS));
  console.log(resultLine('browsing-p95-during-import', during.p95, 'ms', GOAL_MS));
  console.log(resultLine('browsing-errors-during-import', during.errors, 'count', 0));
}

/** The roster file of `rows` students (the import benchmark writes the same names). */
function roster(rows: number): string {
  return `${DIR}/roster-${rows}.xlsx`;
}

/** A phase's figures over its answered requests (errors counted apart), and a line to print. */
function summary(samples: BrowsingSample[], phase: string) {
  const inPhase = samples.filter((s) => s.phase === phase);
  const errors = inPhase.filter((s) => s.error).length;
  const figures = percentiles(inPhase.filter((s) => !s.error).map((s) => s.ms));
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const line = `${inPhase.length} requests, p50 ${ms(figures.p50)}, p95 ${ms(figures.p95)}, p99 ${ms(figures.p99)}, max ${ms(figures.max)}, ${errors} errors`;
  return { ...figures, errors, line };
}

/** Per kind of request: count and p95 (ms). */
function byRequest(samples: BrowsingSample[]): [string, string][] {
  const kinds = [...new Set(samples.map((s) => s.request))].sort();
  return kinds.map((kind) => {
    const of = samples.filter((s) => s.request === kind && !s.error).map((s) => s.ms);
    return [kind, `${of.length} requests, p95 ${percentiles(of).p95.toFixed(1)} ms`];
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
