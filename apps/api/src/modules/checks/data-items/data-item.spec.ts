import { currentTerm, percent } from './data-item';

describe('data item helpers', () => {
  it.each([
    ['2025-03-01', { year: 2025, term: 'spring' }],
    ['2025-08-31', { year: 2025, term: 'spring' }],
    ['2025-09-01', { year: 2025, term: 'autumn' }],
    ['2026-02-28', { year: 2025, term: 'autumn' }],
  ])('the term under way on %s', (today, term) => {
    expect(currentTerm(today)).toEqual(term);
  });

  it('shares in percent with one decimal; nothing to count is null', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 2)).toBe(100);
    expect(percent(0, 0)).toBeNull();
  });
});
