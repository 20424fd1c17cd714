/**
 * Small seeded PRNG (mulberry32): the same seed always yields the same demo data,
 * so screenshots, tests and benchmarks are reproducible across machines.
 */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

// Module-level aliases: global lookups are slow inside vm contexts (jest), and this runs millions of times.
const imul = Math.imul;
const floor = Math.floor;

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => floor(next() * n),
    chance: (p) => next() < p,
    pick: (items) => items[floor(next() * items.length)],
  };
}

/**
 * Weighted choice by binary search over cumulative weights: O(log n) per draw and no
 * allocation, which matters when drawing millions of rows.
 */
export function weightedPicker(weights: readonly number[]): (random: Random) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    if (!(w >= 0)) throw new Error(`Weight ${i} must be a non-negative number`);
    total += w;
    cumulative[i] = total;
  });
  if (total <= 0) throw new Error('At least one weight must be positive');
  const last = weights.length - 1;
  return (random) => {
    const target = random.next() * total;
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
