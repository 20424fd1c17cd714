import { loadavg } from 'node:os';

/** p50/p95 of a repeated async operation, in milliseconds. */
export async function measure(runs: number, operation: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  await operation(); // warm-up: plan cache, connection pool
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await operation();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const { p50, p95, max } = percentiles(times);
  return { p50, p95, max };
}

/** Nearest-rank p50/p95/p99 and the maximum of some timings (ms); zeros for none. */
export function percentiles(timings: readonly number[]): { p50: number; p95: number; p99: number; max: number } {
  const times = [...timings].sort((a, b) => a - b);
  if (times.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0 };
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times[times.length - 1] };
}

export function formatRow(name: string, r: { p50: number; p95: number; max: number }, goal: number): string {
  const verdict = r.p95 <= goal ? 'ok' : 'OVER GOAL';
  return `${name.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms   max ${r.max.toFixed(1).padStart(7)} ms   ${verdict}`;
}

/** The machine-readable last lines every benchmark prints: `RESULT <name> <value> <unit> goal <goal> <met|missed>`. */
export function resultLine(name: string, value: number, unit: string, goal: number, lowerIsBetter = true): string {
  const met = lowerIsBetter ? value <= goal : value >= goal;
  return `RESULT ${name} ${Number(value.toFixed(1))} ${unit} goal ${goal} ${met ? 'met' : 'missed'}`;
}

/** A RESULT line's name from a figure's label: lower case, words joined by dashes. */
export function resultName(label: string): string {
  return label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** The 1-minute load average, printed beside figures: benchmarks need a quiet machine. */
export function loadNote(): string {
  return `load average (1 min): ${loadavg()[0].toFixed(2)}`;
}
