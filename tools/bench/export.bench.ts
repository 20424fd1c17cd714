/**
 * Export benchmark (on demand: `npx nx run tools:bench:export`). Compares
 *   (a) exceljs's streaming writer alone, writing N student rows (the same columns and
 *       values, cycled from 5,000 real rows) to a file, with
 *   (b) the whole HTTP export of all N students (`GET /api/students/export`) saved to a file,
 * and samples the API process's resident memory during (b). Goals: (b) ≤ 1.3 × (a), peak
 * RSS ≤ 512 MB. The API runs in a child process so only its memory is measured. Ends with
 *   RESULT export-xlsx-vs-writer-ratio <ratio> x goal 1.3 <met|missed>
 *   RESULT export-api-peak-rss <MB> MB goal 512 <met|missed>
 *
 * BENCH_REUSE=1 reuses an earlier run's database (zizhu_bench_export) or copies the list
 * benchmark's (zizhu_bench); otherwise BENCH_STUDENTS (1,500,000) are loaded into
 * zizhu_bench_export. DATABASE_URL picks the server (default: an embedded PostgreSQL).
 */
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { SessionUser } from '@zizhu/schema';
import { studentResource } from '@zizhu/students';
import { DemoSeedService } from '@zizhu/api/database/seed/demo-seed.service';
import { DEMO_PASSWORD } from '@zizhu/api/database/seed/demo-users';
import { dataSourceOptions } from '@zizhu/api/database/data-source-options';
import { startEmbeddedPostgres } from '@zizhu/api/engine/database/embedded-postgres';
import { configurePgTypes } from '@zizhu/api/engine/database/pg-types';
import { exportColumns } from '@zizhu/api/engine/export/export-columns';
import { exportQuery } from '@zizhu/api/engine/export/export-query';
import { addXlsxRow, xlsxCaughtUp, xlsxSheet, xlsxValue } from '@zizhu/api/engine/export/xlsx-sheet.writer';
import { parseListQuery } from '@zizhu/api/engine/rest/query-parser';
import { presentRecord } from '@zizhu/api/engine/rest/record-presenter';
import { withDatabase } from '@zizhu/api/testing/test-server';
import { type ApiProcess, hwmMb, rssMb, startApiProcess, stopApiProcess } from './api-process';
import { loadNote, resultLine } from './latency';
import { serverSettingsNote } from './server-settings-note';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_500_000);
const OWN_DATABASE = 'zizhu_bench_export';
const SHARED_DATABASE = 'zizhu_bench';
const SAMPLE_ROWS = 5_000;
/** Rows between two waits for the zip to catch up, as the API writes them. */
const SLICE = 500;
const GOAL_RATIO = 1.3;
const GOAL_RSS_MB = 512;
const OUT_DIR = join(tmpdir(), 'zizhu-bench-export');

async function main(): Promise<void> {
  configurePgTypes();
  const server = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres({ dataDir: process.env.ZIZHU_BENCH_PGDATA ?? '/tmp/zizhu-bench-pg/data', port: 54330 });
  const database = await prepare(server.url);
  const url = withDatabase(server.url, database);
  mkdirSync(OUT_DIR, { recursive: true });

  const api = await startApiProcess(url);
  try {
    const token = await login(api.base);
    const students = await count(url);
    console.log(`\n${students.toLocaleString()} students in ${database}; API process pid ${api.child.pid}`);

    const xlsx = await timedDownload(api, token, 'xlsx');
    const csv = await timedDownload(api, token, 'csv');
    const exported = await lastExportRows(api.base, token);
    const writerOnly = await exceljsAlone(url, students);

    const ratio = xlsx.seconds / writerOnly.seconds;
    const peak = Math.max(xlsx.peakRssMb, csv.peakRssMb);
    console.log('');
    console.log(`(a) exceljs streaming writer alone, ${students.toLocaleString()} rows   ${writerOnly.seconds.toFixed(1)} s   ${mb(writerOnly.bytes)} MB file`);
    console.log(`(b) HTTP export, xlsx, ${exported.toLocaleString()} rows (audited)      ${xlsx.seconds.toFixed(1)} s   ${mb(xlsx.bytes)} MB file   first byte ${xlsx.firstByteMs.toFixed(0)} ms   peak RSS ${xlsx.peakRssMb.toFixed(0)} MB`);
    console.log(`    HTTP export, csv (UTF-8)                       ${csv.seconds.toFixed(1)} s   ${mb(csv.bytes)} MB file   first byte ${csv.firstByteMs.toFixed(0)} ms   peak RSS ${csv.peakRssMb.toFixed(0)} MB`);
    console.log(`ratio (b)/(a): ${ratio.toFixed(2)}   goal ≤ ${GOAL_RATIO}   ${ratio <= GOAL_RATIO ? 'ok' : 'OVER GOAL'}`);
    console.log(`API peak RSS during exports: ${peak.toFixed(0)} MB (process lifetime high-water mark ${hwmMb(api.child).toFixed(0)} MB)   goal ≤ ${GOAL_RSS_MB} MB   ${peak <= GOAL_RSS_MB ? 'ok' : 'OVER GOAL'}`);
    console.log(loadNote());
    console.log(resultLine('export-xlsx-vs-writer-ratio', ratio, 'x', GOAL_RATIO));
    console.log(resultLine('export-api-peak-rss', peak, 'MB', GOAL_RSS_MB));
  } finally {
    await stopApiProcess(api);
    rmSync(OUT_DIR, { recursive: true, force: true });
    await server.stop();
  }
}

/** (b): one export over HTTP into a file, with the server's RSS sampled every 100 ms. */
async function timedDownload(api: ApiProcess, token: string, format: 'xlsx' | 'csv') {
  const path = join(OUT_DIR, `students.${format}`);
  let peakRssMb = rssMb(api.child);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(api.child))), 100);
  const start = process.hrtime.bigint();
  const response = await fetch(`${api.base}/api/students/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) throw new Error(`export: ${response.status} ${await response.text()}`);
  const firstByteMs = Number(process.hrtime.bigint() - start) / 1e6;
  await pipeline(Readable.fromWeb(response.body as WebReadableStream), createWriteStream(path));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  return { seconds, firstByteMs, peakRssMb, bytes: statSync(path).size };
}

/**
 * (a): the same sheet (columns, styles, options) fed pre-converted cell values, cycled from
 * 5,000 real rows, pausing every 500 rows until the zip has caught up, as the API does (without
 * it exceljs piles up uncompressed XML).
 */
async function exceljsAlone(url: string, rows: number) {
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  console.log(await serverSettingsNote(db));
  const [admin] = await db.query(`SELECT id, username, display_name AS "displayName", role, scope_path AS "scopePath" FROM users WHERE username = 'admin'`);
  const user: SessionUser = { ...admin, scopeLabel: '' };
  const { sql, params } = exportQuery(studentResource, parseListQuery(studentResource, {}), user);
  const sample: Record<string, unknown>[] = await db.query(`${sql} LIMIT ${SAMPLE_ROWS}`, params);
  await db.destroy();
  const columns = exportColumns(studentResource, 'zh');
  const values = sample.map((row) => {
    const record = presentRecord(studentResource, row, user);
    return columns.map((c) => xlsxValue(c.kind, c.value(record)));
  });

  const path = join(OUT_DIR, 'writer-only.xlsx');
  const file = createWriteStream(path);
  const start = process.hrtime.bigint();
  const { workbook, sheet, styles } = xlsxSheet(file, columns, studentResource.label.zh);
  for (let written = 0; written < rows; ) {
    const end = Math.min(rows, written + SLICE);
    for (; written < end; written++) addXlsxRow(sheet, styles, values[written % values.length]);
    await xlsxCaughtUp(sheet, file);
  }
  sheet.commit();
  await workbook.commit();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, bytes: statSync(path).size };
}

/**
 * The database to export from: with BENCH_REUSE=1 an earlier run's, or else a copy of the
 * list benchmark's (CREATE DATABASE … TEMPLATE: a file copy, seconds). A copy, because the
 * API migrates the database it serves and the list benchmark's must stay as it is.
 * Otherwise the students are loaded afresh.
 */
async function prepare(serverUrl: string): Promise<string> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  const exists = async (name: string) =>
    Boolean((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) &&
    (await count(withDatabase(serverUrl, name)).catch(() => 0)) > 0;
  try {
    if (process.env.BENCH_REUSE && (await exists(OWN_DATABASE))) {
      console.log(`reusing ${OWN_DATABASE}`);
      return OWN_DATABASE;
    }
    await admin.query(`DROP DATABASE IF EXISTS ${OWN_DATABASE} WITH (FORCE)`);
    if (process.env.BENCH_REUSE && (await exists(SHARED_DATABASE))) {
      const start = Date.now();
      await admin.query(`CREATE DATABASE ${OWN_DATABASE} TEMPLATE ${SHARED_DATABASE}`);
      console.log(`copied ${SHARED_DATABASE} into ${OWN_DATABASE} in ${((Date.now() - start) / 1000).toFixed(1)} s`);
      return OWN_DATABASE;
    }
    await admin.query(`CREATE DATABASE ${OWN_DATABASE}`);
  } finally {
    await admin.end();
  }
  const db = new DataSource(dataSourceOptions(withDatabase(serverUrl, OWN_DATABASE)));
  await db.initialize();
  await db.runMigrations({ transaction: 'all' });
  const start = Date.now();
  await new DemoSeedService(db).seedIfEmpty(STUDENTS);
  console.log(`loaded ${STUDENTS.toLocaleString()} students in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  await db.destroy();
  return OWN_DATABASE;
}

async function count(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT count(*)::int AS n FROM students')).rows[0].n;
  } finally {
    await client.end();
  }
}

async function login(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** Rows of the newest export, from its audit row: proof the whole list went out. */
async function lastExportRows(base: string, token: string): Promise<number> {
  const query = new URLSearchParams({ filter: JSON.stringify({ action: 'export', resource: 'students' }), sort: '["id","DESC"]', range: '[0,1]' });
  const response = await fetch(`${base}/api/audit-log?${query}`, { headers: { authorization: `Bearer ${token}` } });
  const [csv, xlsx] = (await response.json()) as { after: { rows: number; complete: boolean } }[];
  if (!csv.after.complete || !xlsx.after.complete || csv.after.rows !== xlsx.after.rows) throw new Error('an export did not complete');
  return xlsx.after.rows;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
