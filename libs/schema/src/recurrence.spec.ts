import {
  describeRecurrence,
  nextRecurrenceDates,
  recurrenceChoice,
  recurrenceDates,
  recurrencePeriods,
  recurrenceProblem,
  recurrenceRule,
} from './recurrence';

describe('duty recurrence', () => {
  it('monthly on the 20th from the plan year’s start, whatever the time zone', () => {
    expect(recurrenceDates('FREQ=MONTHLY;BYMONTHDAY=20', '2026-01-01', '2026-04-30')).toEqual(['2026-01-20', '2026-02-20', '2026-03-20', '2026-04-20']);
  });

  it('yearly on 05-25, and the last day of November', () => {
    expect(recurrenceDates('FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25', '2026-01-01', '2027-12-31')).toEqual(['2026-05-25', '2027-05-25']);
    expect(recurrenceDates('FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1', '2026-01-01', '2026-12-31')).toEqual(['2026-11-30']);
  });

  it('a period runs from the day after the previous due date; the first from the start', () => {
    expect(recurrencePeriods('FREQ=MONTHLY;BYMONTHDAY=20', '2026-01-01', '2026-03-31')).toEqual([
      { periodStart: '2026-01-01', dueDate: '2026-01-20' },
      { periodStart: '2026-01-21', dueDate: '2026-02-20' },
      { periodStart: '2026-02-21', dueDate: '2026-03-20' },
    ]);
    expect(recurrencePeriods('FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1', '2026-01-01', '2026-06-30')).toEqual([
      { periodStart: '2026-01-01', dueDate: '2026-03-31' },
      { periodStart: '2026-04-01', dueDate: '2026-06-30' },
    ]);
  });

  it('the next dates after a day, from a fixed start (not from now)', () => {
    expect(nextRecurrenceDates('FREQ=MONTHLY;BYMONTHDAY=28', '2026-01-01', '2026-02-28', 3)).toEqual(['2026-03-28', '2026-04-28', '2026-05-28']);
    expect(nextRecurrenceDates('FREQ=MONTHLY;BYMONTHDAY=28', '2026-03-01', '2025-06-01', 1)).toEqual(['2026-03-28']);
  });

  it.each([
    ['', '请填写重复规则'],
    ['BYMONTHDAY=20', 'FREQ='],
    ['FREQ=HOURLY', '每天'],
    ['FREQ=MONTHLY;FOO=1', '无法识别'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', '没有任何日期'],
    ['DTSTART:20260101;FREQ=DAILY', '开始日期'],
  ])('refuses %j', (rule, words) => {
    expect(recurrenceProblem(rule)?.zh).toContain(words);
  });

  it.each(['FREQ=MONTHLY;BYMONTHDAY=20', 'rrule:freq=yearly;bymonth=5;bymonthday=25', 'FREQ=WEEKLY;BYDAY=FR', 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1'])('accepts %j', (rule) => {
    expect(recurrenceProblem(rule)).toBeNull();
  });

  it('the picker’s choices make rules and read them back; others are custom', () => {
    for (const choice of [{ kind: 'monthly', day: 20 }, { kind: 'yearly', month: 5, day: 25 }, { kind: 'quarterEnd' }, { kind: 'weekly', weekday: 'MO' }] as const) {
      expect(recurrenceChoice(recurrenceRule(choice))).toEqual(choice);
    }
    expect(recurrenceChoice('FREQ=DAILY;INTERVAL=10')).toEqual({ kind: 'custom', rule: 'FREQ=DAILY;INTERVAL=10' });
    expect(describeRecurrence('FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25').zh).toBe('每年5月25日');
    expect(describeRecurrence('FREQ=MONTHLY;BYMONTHDAY=-1').zh).toBe('每月最后一天');
  });
});
