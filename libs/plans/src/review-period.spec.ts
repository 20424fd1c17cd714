import { reviewAsOf, reviewPeriod, reviewTitle } from './review-period';

describe('review periods', () => {
  it.each([
    ['monthly', 2026, 2, '2026-02-01', '2026-02-28', '2026-02', '2026年2月'],
    ['monthly', 2028, 2, '2028-02-01', '2028-02-29', '2028-02', '2028年2月'],
    ['monthly', 2026, 12, '2026-12-01', '2026-12-31', '2026-12', '2026年12月'],
    ['quarterly', 2026, 1, '2026-01-01', '2026-03-31', '2026-Q1', '2026年第一季度'],
    ['quarterly', 2026, 3, '2026-07-01', '2026-09-30', '2026-Q3', '2026年第三季度'],
    ['quarterly', 2026, 4, '2026-10-01', '2026-12-31', '2026-Q4', '2026年第四季度'],
  ] as const)('%s %i/%i: %s to %s', (kind, year, period, start, end, key, label) => {
    expect(reviewPeriod(kind, year, period)).toEqual({ start, end, key, label: { zh: label, en: expect.any(String) } });
  });

  it('titles the review by region, period and kind', () => {
    expect(reviewTitle('monthly', '玉州区', reviewPeriod('monthly', 2026, 5))).toBe('玉州区2026年5月学生资助工作月点评');
    expect(reviewTitle('quarterly', '玉州区', reviewPeriod('quarterly', 2026, 3))).toBe('玉州区2026年第三季度学生资助工作季通报');
  });

  it('speaks for the data up to the period’s end, or today while it runs', () => {
    const may = reviewPeriod('monthly', 2026, 5);
    expect(reviewAsOf(may, '2026-12-07')).toBe('2026-05-31');
    expect(reviewAsOf(may, '2026-05-12')).toBe('2026-05-12');
  });
});
