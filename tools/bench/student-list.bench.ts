/**
 * Benchmark (run on demand: `npm run bench`): loads 1.5 million students into a database of
 * its own and prints p50/p95 latency of the main list requests over HTTP, as the panel
 * sends them. Goal: p95 ≤ 50 ms. Set BENCH_STUDENTS to change the size, DATABASE_URL to use
 * a running server (default: an embedded PostgreSQL), BENCH_REUSE=1 to keep loaded data.
 * Ends with one line per named request and one for the slowest panel combination:
 *   RESULT student-list-<request> <p95 ms> ms goal 50 <met|missed>
 *   RESULT student-list-every-combination-worst-p95 <ms> ms goal 50 <met|missed>
 */
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '@zizhu/api/app.factory';
import { DemoSeedService } from '@zizhu/api/database/seed/demo-seed.service';
import { DEMO_PASSWORD } from '@zizhu/api/database/seed/demo-users';
import { dataSourceOptions } from '@zizhu/api/database/data-source-options';
import { startEmbeddedPostgres } from '@zizhu/api/engine/database/embedded-postgres';
import { configurePgTypes } from '@zizhu/api/engine/database/pg-types';
import { withDatabase } from '@zizhu/api/testing/test-server';
import { formatRow, loadNote, measure, resultLine, resultName } from './latency';
import { serverSettingsNote } from './server-settings-note';
import { studentListMatrix } from './student-list-matrix';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_500_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const MATRIX_RUNS = Number(process.env.BENCH_MATRIX_RUNS ?? 20);
const GOAL_MS = 50;
const DATABASE = 'zizhu_bench';

async function main(): Promise<void> {
  configurePgTypes();
  const server = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres({ dataDir: process.env.ZIZHU_BENCH_PGDATA ?? '/tmp/zizhu-bench-pg/data', port: 54330 });
  const url = withDatabase(server.url, DATABASE);
  await prepare(server.url, url);

  const app = await createApp({ databaseUrl: url, seedDemoData: false, logger: false, adminDist: '/nonexistent' });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const token = async (username: string) =>
    (await post(`${base}/api/auth/login`, { username, password: DEMO_PASSWORD })).token;
  const admin = await token('admin');
  const county = await token('yuzhou');
  const [school] = await get(`${base}/api/schools?range=[0,0]&sort=["code","DESC"]`, admin);

  const list = (tokenValue: string, query: Record<string, unknown>) => () => {
    const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)]));
    return get(`${base}/api/students?${params}`, tokenValue);
  };
  const cases: [string, () => Promise<unknown>][] = [
    ['first page (default sort, whole city)', list(admin, { range: [0, 24] })],
    ['deep page (page 4001 by name)', list(admin, { range: [100_000, 100_024], sort: ['name', 'ASC'] })],
    ['filter by school, sorted by name', list(admin, { range: [0, 24], filter: { schoolId: school.id }, sort: ['name', 'ASC'] })],
    ['search by name (q = 黄)', list(admin, { range: [0, 24], filter: { q: '黄' } })],
    ['search by full name (q = 黄子涵)', list(admin, { range: [0, 24], filter: { q: '黄子涵' } })],
    ['sort by name, first page', list(admin, { range: [0, 24], sort: ['name', 'ASC'] })],
    ['county officer, first page (scoped)', list(county, { range: [0, 24] })],
    ['county officer, stage filter (scoped)', list(county, { range: [0, 24], filter: { stage: 'primary' } })],
  ];
  console.log(`\n${STUDENTS.toLocaleString()} students, ${RUNS} requests each, HTTP round trip on loopback; ${loadNote()}`);
  const results: string[] = [];
  for (const [name, operation] of cases) {
    const figures = await measure(RUNS, operation);
    console.log(formatRow(name, figures, GOAL_MS));
    results.push(resultLine(resultName(`student-list-${name}`), figures.p95, 'ms', GOAL_MS));
  }

  // Every sort × filter × role combination the panel's student list offers, derived from
  // the declaration, so a new sortable or filterable field is measured without editing this.
  const matrix = await studentListMatrix({ list, admin, county, schoolToken: await token('school1'), sample: (await get(`${base}/api/students?range=[0,0]`, admin))[0] });
  console.log(`\nevery panel combination (${matrix.length}), ${MATRIX_RUNS} requests each; ${loadNote()}`);
  let worst = { name: '', p95: 0 };
  for (const [name, operation] of matrix) {
    const figures = await measure(MATRIX_RUNS, operation);
    if (figures.p95 > GOAL_MS || process.env.BENCH_VERBOSE) console.log(formatRow(name, figures, GOAL_MS));
    if (figures.p95 > worst.p95) worst = { name, p95: figures.p95 };
  }
  console.log(`slowest combination: ${worst.name} (p95 ${worst.p95.toFixed(1)} ms); ${loadNote()}`);
  for (const line of results) console.log(line);
  console.log(resultLine('student-list-every-combination-worst-p95', worst.p95, 'ms', GOAL_MS));
  await app.close();
  await server.stop();
}

async function prepare(serverUrl: string, url: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).rowCount;
  if (exists && process.env.BENCH_REUSE) {
    await admin.end();
    console.log(`reusing ${DATABASE}`);
    return;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  console.log(await serverSettingsNote(db));
  await db.runMigrations({ transaction: 'all' });
  const start = Date.now();
  await new DemoSeedService(db).seedIfEmpty(STUDENTS);
  console.log(`loaded ${STUDENTS.toLocaleString()} students in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  await db.destroy();
}

async function get<T = Record<string, unknown>[]>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function post(url: string, body: unknown): Promise<{ token: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json()) as { token: string };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
