/**
 * Drawing a sample item's students when an inspection starts (亮卡检查, 入户核实): how many
 * come from each program (a stratum), and how a drawn student's name is shown. The API
 * draws the students themselves with one set-based query per item.
 */

/** One stratum: a program and how many of its recipients could be drawn. */
export interface SampleStratum {
  key: number;
  size: number;
}

/**
 * How many students to draw from each stratum for a sample of `n`: proportional to the
 * stratum's size, at least one from every stratum while `n` allows (the largest strata when
 * it does not), never more than a stratum holds, `min(n, all)` in total. Rounding goes to
 * the strata furthest below their exact share (ties: the larger stratum, then the lower key).
 */
export function allocateSample(strata: readonly SampleStratum[], n: number): Map<number, number> {
  const present = strata.filter((s) => s.size > 0).sort((a, b) => b.size - a.size || a.key - b.key);
  const total = present.reduce((sum, s) => sum + s.size, 0);
  const wanted = Math.max(0, Math.min(Math.floor(n), total));
  const quotas = new Map(present.map((s) => [s.key, 0]));
  if (wanted < present.length) {
    for (const s of present.slice(0, wanted)) quotas.set(s.key, 1);
    return quotas;
  }
  const exact = new Map(present.map((s) => [s.key, (wanted * s.size) / total]));
  for (const s of present) quotas.set(s.key, Math.min(s.size, Math.max(1, Math.floor(exact.get(s.key)!))));
  const below = (s: SampleStratum) => exact.get(s.key)! - quotas.get(s.key)!;
  let placed = [...quotas.values()].reduce((a, b) => a + b, 0);
  // Each pass moves one place; the order of `present` settles ties (larger stratum, lower key).
  while (placed < wanted) {
    const next = present.filter((s) => quotas.get(s.key)! < s.size).reduce((best, s) => (below(s) > below(best) ? s : best));
    quotas.set(next.key, quotas.get(next.key)! + 1);
    placed += 1;
  }
  while (placed > wanted) {
    const next = present.filter((s) => quotas.get(s.key)! > 1).reduce((best, s) => (below(s) < below(best) ? s : best));
    quotas.set(next.key, quotas.get(next.key)! - 1);
    placed -= 1;
  }
  return quotas;
}

/**
 * A name as a sample shows it: its first character and, from three characters on, its last
 * (张三 → 张*, 张小明 → 张*明, 欧阳小明 → 欧**明).
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
