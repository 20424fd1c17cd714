/** p50/p95 of a repeated async operation, in milliseconds. */
export async function measure(runs: number, operation: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  await operation(); // warm-up: plan cache, connection pool
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await operation();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1] };
}

export function formatRow(name: string, r: { p50: number; p95: number; max: number }, goal: number): string {
  const verdict = r.p95 <= goal ? 'ok' : 'OVER GOAL';
  return `${name.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms   max ${r.max.toFixed(1).padStart(7)} ms   ${verdict}`;
}
