import { codeLabel, compareStages, integerGrouping, parseFundExceptionKey } from './display-format';

describe('display formats', () => {
  it.each([
    [{ grouping: false }, false],
    [{ max: 2100 }, false],
    [{}, true],
    [{ max: 1_000_000 }, true],
    [{ grouping: false, max: 1_000_000 }, false],
  ])('groups thousands of %j: %s', (field, expected) => {
    expect(integerGrouping(field)).toBe(expected);
  });

  it('orders stages as schools do: 学前, 小学, 初中, 普高, 中职, then unknown ones', () => {
    expect(['vocational', 'senior', 'x', 'preschool', 'junior', 'primary'].sort(compareStages)).toEqual(['preschool', 'primary', 'junior', 'senior', 'vocational', 'x']);
  });

  it('names a code by the item of the list that holds it, else keeps the code', () => {
    const tiers = [
      { code: 'T1', label: '一档', amount: 125000 },
      { code: 'PRIMARY', label: '小学', amount: 50000 },
    ];
    const codeOf = { key: 'code', label: 'label' };
    expect(codeLabel(tiers, codeOf, 'T1')).toBe('一档');
    expect(codeLabel(tiers, codeOf, 'PRIMARY')).toBe('小学');
    expect(codeLabel(tiers, codeOf, 'T9')).toBe('T9');
    expect(codeLabel(undefined, codeOf, 'T1')).toBe('T1');
  });

  it.each([
    ['overAllocation:2:2026:spring:450903:central', { kind: 'overAllocation', programId: 2, year: 2026, term: 'spring', regionId: '450903', source: 'central' }],
    ['overAllocation:2:2026:spring:city:city', { kind: 'overAllocation', programId: 2, year: 2026, term: 'spring', regionId: null, source: 'city' }],
    ['paidTwice:3:2017:autumn:42', { kind: 'paidTwice', programId: 3, year: 2017, term: 'autumn', studentId: 42 }],
    ['amountMismatch:57', { kind: 'amountMismatch', lineId: 57 }],
    ['notEnrolled:8', { kind: 'notEnrolled', lineId: 8 }],
  ])('reads the exception key %s', (key, parts) => {
    expect(parseFundExceptionKey(key)).toEqual(parts);
  });

  it.each(['', 'amountMismatch', 'amountMismatch:x', 'paidTwice:3:2017', 'somethingElse:1', 'overAllocation:2:2026:spring:450903'])('refuses %j', (key) => {
    expect(parseFundExceptionKey(key)).toBeNull();
  });
});
