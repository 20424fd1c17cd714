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
import { createApp } from '@zizhu/api/app.factory';
import { DemoSeedService } from '@zizhu/api/database/seed/demo-seed.service';
import { benchServer, preparedDatabase } from './bench-database';
import { getJson, listReaders, login, studentList } from './bench-http';
import { resultLine, resultName } from './latency';
import { studentListCases } from './student-list-cases';
import { studentListMatrix } from './student-list-matrix';
import { runStudentList } from './student-list-run';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_500_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const MATRIX_RUNS = Number(process.env.BENCH_MATRIX_RUNS ?? 20);
const GOAL_MS = 50;
const DATABASE = 'zizhu_bench';

async function main(): Promise<void> {
  const server = await benchServer();
  const url = await preparedDatabase(server.url, DATABASE, async (db) => {
    await new DemoSeedService(db).seedIfEmpty(STUDENTS);
    return `${STUDENTS.toLocaleString()} students`;
  });

  const app = await createApp({ databaseUrl: url, seedDemoData: false, logger: false, adminDist: '/nonexistent' });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const admin = await login(base, 'admin');
  const county = await login(base, 'yuzhou');
  const [school] = await getJson(`${base}/api/schools?range=[0,0]&sort=["code","DESC"]`, admin);
  const list = studentList(base);

  // Every sort × filter × role combination the panel's student list offers, derived from
  // the declaration, so a new sortable or filterable field is measured without editing this.
  const readers = await listReaders(base, admin, [['city', admin], ['county', county], ['school', await login(base, 'school1')]]);
  const { named, worst } = await runStudentList({
    cases: studentListCases({ list, wide: admin, county, schoolId: school.id }),
    matrix: studentListMatrix({ list, readers }),
    runs: RUNS,
    matrixRuns: MATRIX_RUNS,
    goal: GOAL_MS,
    size: `${STUDENTS.toLocaleString()} students`,
  });
  for (const [name, figures] of named) console.log(resultLine(resultName(`student-list-${name}`), figures.p95, 'ms', GOAL_MS));
  console.log(resultLine('student-list-every-combination-worst-p95', worst.p95, 'ms', GOAL_MS));
  await app.close();
  await server.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
