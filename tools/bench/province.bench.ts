/**
 * Province benchmark (on demand: `npx nx run tools:bench-province`): BENCH_STUDENTS
 * (10,000,000) students over a province-sized tree — 14 cities, ~111 counties, ~590 schools
 * (province-tree.ts) — loaded by COPY into a database of its own (zizhu_bench_province;
 * minutes at full size; BENCH_REUSE=1 keeps an earlier run's), analyzed, then the student
 * list benchmark's requests over HTTP (the API in a child process): its named requests as the
 * province officer and a county officer (BENCH_RUNS, 100 each), and every panel combination
 * as the province, city, county and school officers (BENCH_MATRIX_RUNS, 20 each). Prints
 * p50/p95, the load average and the server's settings, ending with the slowest p95 of all:
 *   RESULT province-student-list-p95 <ms> ms goal 50 <met|missed>
 * DATABASE_URL picks the server (default: an embedded PostgreSQL).
 */
import { startApiProcess, stopApiProcess } from './api-process';
import { benchServer, preparedDatabase } from './bench-database';
import { getJson, listReaders, login, studentList } from './bench-http';
import { resultLine } from './latency';
import { loadProvince, PROVINCE_USER } from './province-load';
import { studentListCases } from './student-list-cases';
import { studentListMatrix } from './student-list-matrix';
import { runStudentList } from './student-list-run';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const MATRIX_RUNS = Number(process.env.BENCH_MATRIX_RUNS ?? 20);
const GOAL_MS = 50;
const DATABASE = 'zizhu_bench_province';

async function main(): Promise<void> {
  const server = await benchServer();
  const url = await preparedDatabase(server.url, DATABASE, (db) => loadProvince(db, STUDENTS));
  const api = await startApiProcess(url);
  try {
    const { base } = api;
    const province = await login(base, PROVINCE_USER);
    const county = await login(base, 'yuzhou');
    const [school] = await getJson(`${base}/api/schools?range=[0,0]&sort=["code","DESC"]`, province);
    const list = studentList(base);
    const readers = await listReaders(base, province, [['province', province], ['city', await login(base, 'admin')], ['county', county], ['school', await login(base, 'school1')]]);
    const { named, worst } = await runStudentList({
      cases: studentListCases({ list, wide: province, county, schoolId: school.id, area: 'province' }),
      matrix: studentListMatrix({ list, readers }),
      runs: RUNS,
      matrixRuns: MATRIX_RUNS,
      goal: GOAL_MS,
      size: `${STUDENTS.toLocaleString()} students in the province (API pid ${api.child.pid})`,
    });
    const slowest = named.reduce((a, b) => (b[1].p95 > a[1].p95 ? b : a));
    console.log(`slowest named request: ${slowest[0]} (p95 ${slowest[1].p95.toFixed(1)} ms)`);
    console.log(resultLine('province-student-list-p95', Math.max(worst.p95, slowest[1].p95), 'ms', GOAL_MS));
  } finally {
    await stopApiProcess(api);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
