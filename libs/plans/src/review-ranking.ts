import type { MissedDuty, ReviewFigure, WeakIndicator } from '@zizhu/schema';

/** One unit (school) of a review before ranking: its figures by indicator code, and the duties of the period it missed. */
export interface UnitFigures {
  figures: Readonly<Record<string, ReviewFigure>>;
  missedDuties: readonly MissedDuty[];
}

/** What ranking adds to a unit. */
export interface UnitRanking {
  /** The weighted total, 0–100 with one decimal; null when no weighted indicator had anything to count. */
  total: number | null;
  /** 1 for the highest total; equal totals share a rank and the next rank skips (1, 2, 2, 4); null without a total. */
  rank: number | null;
  /** 工作滞后: a duty of the period missed, or a total below the lagging line. */
  lagging: boolean;
  /** Weighted indicators below the lagging line (what to improve), in the weights' order. */
  weakIndicators: WeakIndicator[];
}

export interface IndicatorWeight {
  code: string;
  weight: number;
}

/**
 * A share in percent with one decimal, rounded half up (`part` and `whole` are counts, so
 * the division is exact enough that x.x5 rounds up): null when there is nothing to count.
 */
export function percentShare(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/**
 * The weighted total of a unit: Σ weight × value / Σ weight over the indicators that have a
 * value — an indicator with nothing to count (no payments this month) neither helps nor
 * hurts, the others' weights are scaled up to make 100. Values carry one decimal, so the
 * sum is taken in tenths (integers) and rounded once, half up.
 */
export function weightedTotal(figures: Readonly<Record<string, ReviewFigure>>, weights: readonly IndicatorWeight[]): number | null {
  let tenths = 0;
  let weight = 0;
  for (const { code, weight: w } of weights) {
    const value = figures[code]?.value;
    if (value === null || value === undefined || w <= 0) continue;
    tenths += w * Math.round(value * 10);
    weight += w;
  }
  return weight ? Math.round(tenths / weight) / 10 : null;
}

/**
 * 排名: each unit's weighted total, its rank among all the units given (competition ranking
 * on the rounded totals: ties share a rank), and whether it is lagging. Returns the units
 * best first; equal totals, and units without a total (last), keep the order given.
 */
export function rankUnits<T extends UnitFigures>(units: readonly T[], weights: readonly IndicatorWeight[], laggingBelow: number): (T & UnitRanking)[] {
  const totals = units.map((unit) => weightedTotal(unit.figures, weights));
  const ranked: (T & UnitRanking)[] = units.map((unit, index) => {
    const total = totals[index];
    const rank = total === null ? null : 1 + totals.filter((other) => other !== null && other > total).length;
    const weakIndicators = weights
      .filter(({ code, weight }) => weight > 0 && isBelow(unit.figures[code]?.value, laggingBelow))
      .map(({ code }) => ({ code, value: unit.figures[code].value as number }));
    const lagging = unit.missedDuties.length > 0 || (total !== null && total < laggingBelow);
    return { ...unit, total, rank, lagging, weakIndicators };
  });
  const last = Number.MAX_SAFE_INTEGER;
  const order = ranked.map((_, index) => index).sort((a, b) => (ranked[a].rank ?? last) - (ranked[b].rank ?? last) || a - b);
  return order.map((index) => ranked[index]);
}

function isBelow(value: number | null | undefined, line: number): boolean {
  return value !== null && value !== undefined && value < line;
}
