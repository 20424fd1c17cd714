import { checkDeadline, chinaDate } from './comparison.resource';

describe('comparison deadline', () => {
  it("reckons today in China's time zone (UTC+8)", () => {
    expect(chinaDate(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(chinaDate(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
  });

  it.each([
    ['no deadline', null, undefined, null],
    ['today', '2026-11-22', undefined, null],
    ['within a year', '2027-11-22', undefined, null],
    ['a passed deadline left unchanged', '2026-10-01', '2026-10-01', null],
    ['yesterday', '2026-11-21', undefined, 'deadline'],
    ['moved into the past', '2026-10-02', '2026-10-01', 'deadline'],
    ['beyond a year', '2027-11-24', undefined, 'deadline'],
  ])('%s', (_, deadline, previous, field) => {
    expect(checkDeadline(deadline, '2026-11-22', previous)?.field ?? null).toBe(field);
  });
});
