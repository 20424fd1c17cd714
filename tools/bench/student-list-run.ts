import { formatRow, loadNote, measure } from './latency';

type Case = [string, () => Promise<unknown>];
type Figures = { p50: number; p95: number; max: number };

/**
 * Measures the named requests (`runs` each, every row printed) and then every panel
 * combination (`matrixRuns` each, printing those over the goal, or all with BENCH_VERBOSE=1).
 * Answers each named request's figures and the slowest combination.
 */
export async function runStudentList(options: { cases: Case[]; matrix: Case[]; runs: number; matrixRuns: number; goal: number; size: string }) {
  const { cases, matrix, runs, matrixRuns, goal, size } = options;
  console.log(`\n${size}, ${runs} requests each, HTTP round trip on loopback; ${loadNote()}`);
  const named: [string, Figures][] = [];
  for (const [name, operation] of cases) {
    const figures = await measure(runs, operation);
    console.log(formatRow(name, figures, goal));
    named.push([name, figures]);
  }
  console.log(`\nevery panel combination (${matrix.length}), ${matrixRuns} requests each; ${loadNote()}`);
  let worst = { name: '', p50: 0, p95: 0 };
  for (const [name, operation] of matrix) {
    const figures = await measure(matrixRuns, operation);
    if (figures.p95 > goal || process.env.BENCH_VERBOSE) console.log(formatRow(name, figures, goal));
    if (figures.p95 > worst.p95) worst = { name, p50: figures.p50, p95: figures.p95 };
  }
  console.log(`slowest combination: ${worst.name} (p50 ${worst.p50.toFixed(1)} ms, p95 ${worst.p95.toFixed(1)} ms); ${loadNote()}`);
  return { named, worst };
}
