import type { MissedDuty, ReviewFigure } from '@zizhu/schema';
import { percentShare, rankUnits, weightedTotal } from './review-ranking';

const figure = (value: number | null): ReviewFigure => ({ value, counts: {} });
const unit = (name: string, values: Record<string, number | null>, missedDuties: MissedDuty[] = []) => ({
  name,
  figures: Object.fromEntries(Object.entries(values).map(([code, value]) => [code, figure(value)])),
  missedDuties,
});
const WEIGHTS = [
  { code: 'duties', weight: 40 },
  { code: 'payments', weight: 30 },
  { code: 'notification', weight: 30 },
];
const missed: MissedDuty = { dutyId: 7, title: '每月20日前更新维护学生资助管理信息系统数据', dueDate: '2026-05-20' };

describe('review ranking', () => {
  describe('percentShare', () => {
    it.each([
      [1, 3, 33.3],
      [2, 3, 66.7],
      [1, 8, 12.5],
      [1, 16, 6.3], // 6.25 rounds half up
      [0, 5, 0],
      [5, 5, 100],
    ])('%i of %i is %d %%', (part, whole, expected) => {
      expect(percentShare(part, whole)).toBe(expected);
    });

    it('is null with nothing to count', () => {
      expect(percentShare(0, 0)).toBeNull();
    });
  });

  describe('weightedTotal', () => {
    it('weighs each indicator: 0.4 × 90 + 0.3 × 80 + 0.3 × 50 = 75', () => {
      expect(weightedTotal(unit('a', { duties: 90, payments: 80, notification: 50 }).figures, WEIGHTS)).toBe(75);
    });

    it('leaves out an indicator with nothing to count and scales the others up to 100', () => {
      // (40 × 90 + 30 × 50) / 70 = 72.857… → 72.9
      expect(weightedTotal(unit('a', { duties: 90, payments: null, notification: 50 }).figures, WEIGHTS)).toBe(72.9);
    });

    it('ignores indicators weighted 0 and ones the weights do not name', () => {
      const weights = [...WEIGHTS, { code: 'inspection', weight: 0 }];
      expect(weightedTotal(unit('a', { duties: 100, payments: 100, notification: 100, inspection: 10, other: 0 }).figures, weights)).toBe(100);
    });

    it('rounds once, half up, in tenths', () => {
      // (1 × 80.1 + 1 × 80.2) / 2 = 80.15 → 80.2
      expect(weightedTotal(unit('a', { x: 80.1, y: 80.2 }).figures, [{ code: 'x', weight: 1 }, { code: 'y', weight: 1 }])).toBe(80.2);
    });

    it('is null when no weighted indicator has a value', () => {
      expect(weightedTotal(unit('a', { duties: null, payments: null, notification: null }).figures, WEIGHTS)).toBeNull();
    });
  });

  describe('rankUnits', () => {
    it('ranks by total, best first; equal totals share a rank and the next skips (1, 2, 2, 4)', () => {
      const ranked = rankUnits(
        [
          unit('c', { duties: 70, payments: 70, notification: 70 }),
          unit('a', { duties: 100, payments: 100, notification: 100 }),
          unit('b1', { duties: 80, payments: 80, notification: 80 }),
          unit('b2', { duties: 80, payments: 80, notification: 80 }),
        ],
        WEIGHTS,
        60,
      );
      expect(ranked.map((u) => [u.name, u.total, u.rank])).toEqual([
        ['a', 100, 1],
        ['b1', 80, 2],
        ['b2', 80, 2],
        ['c', 70, 4],
      ]);
    });

    it('ties on the rounded total: 80.04 and 79.96 both show 80.0 and share the rank', () => {
      const ranked = rankUnits([unit('x', { duties: 80.1, payments: 80, notification: 80 }), unit('y', { duties: 79.9, payments: 80, notification: 80 })], WEIGHTS, 60);
      expect(ranked.map((u) => [u.name, u.total, u.rank])).toEqual([
        ['x', 80, 1],
        ['y', 80, 1],
      ]);
    });

    it('puts units without a total last, unranked, in the order given', () => {
      const ranked = rankUnits([unit('none1', { duties: null }), unit('some', { duties: 10 }), unit('none2', {})], WEIGHTS, 60);
      expect(ranked.map((u) => [u.name, u.rank, u.total])).toEqual([
        ['some', 1, 10],
        ['none1', null, null],
        ['none2', null, null],
      ]);
    });

    it('lags below the line, and with a missed duty whatever the total; lists the weak indicators', () => {
      const ranked = rankUnits(
        [
          unit('good', { duties: 100, payments: 90, notification: 60 }),
          unit('missedOne', { duties: 95, payments: 100, notification: 100 }, [missed]),
          unit('low', { duties: 50, payments: 40, notification: 90 }),
          unit('none', {}),
        ],
        WEIGHTS,
        60,
      );
      // Missing a duty makes a unit lagging; it does not move it down the ranking.
      expect(ranked.map((u) => u.name)).toEqual(['missedOne', 'good', 'low', 'none']);
      const [missedOne, good, low, none] = ranked;
      expect([good.name, good.lagging, good.weakIndicators]).toEqual(['good', false, []]);
      expect([missedOne.name, missedOne.total, missedOne.lagging, missedOne.missedDuties]).toEqual(['missedOne', 98, true, [missed]]);
      // 0.4 × 50 + 0.3 × 40 + 0.3 × 90 = 59: below 60
      expect([low.name, low.total, low.lagging, low.weakIndicators]).toEqual([
        'low',
        59,
        true,
        [
          { code: 'duties', value: 50 },
          { code: 'payments', value: 40 },
        ],
      ]);
      expect([none.name, none.lagging]).toEqual(['none', false]);
    });

    it('a total exactly on the line is not lagging', () => {
      const [unitOnLine] = rankUnits([unit('line', { duties: 60, payments: 60, notification: 60 })], WEIGHTS, 60);
      expect(unitOnLine.lagging).toBe(false);
    });

    it('the weights decide the order: the same figures rank the other way round', () => {
      const units = [unit('dutiful', { duties: 100, payments: 20, notification: 50 }), unit('payer', { duties: 20, payments: 100, notification: 50 })];
      expect(rankUnits(units, WEIGHTS, 0).map((u) => u.name)).toEqual(['dutiful', 'payer']);
      const paymentsFirst = [
        { code: 'duties', weight: 10 },
        { code: 'payments', weight: 60 },
        { code: 'notification', weight: 30 },
      ];
      expect(rankUnits(units, paymentsFirst, 0).map((u) => [u.name, u.total])).toEqual([
        ['payer', 77],
        ['dutiful', 37],
      ]);
    });
  });
});
