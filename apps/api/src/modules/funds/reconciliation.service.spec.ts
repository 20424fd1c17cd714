import { parseFilter, parseGroupBy, rateBp } from './reconciliation.service';

describe('reconciliation parameters and rates', () => {
  it('takes groupBy as a list or JSON, in a fixed order, and refuses unknown dimensions', () => {
    expect(parseGroupBy('source,program')).toEqual(['program', 'source']);
    expect(parseGroupBy('["region"]')).toEqual(['region']);
    expect(parseGroupBy(undefined)).toEqual(['program', 'term', 'region', 'source']);
    expect(() => parseGroupBy('program,student')).toThrow();
  });

  it('checks every filter key and value', () => {
    expect(parseFilter('{"programId":"3","year":2017,"term":"autumn","regionId":"450902","source":"city"}')).toEqual({ programId: 3, year: 2017, term: 'autumn', regionId: '450902', source: 'city' });
    expect(parseFilter('{"regionId":null}')).toEqual({ regionId: null });
    for (const bad of ['{"term":"winter"}', '{"source":"bank"}', '{"regionId":"45"}', '{"schoolId":1}', '{"programId":"x"}', '[1]', '{']) {
      expect(() => parseFilter(bad)).toThrow();
    }
  });

  it('rates in whole basis points, floored, exactly for any amount of fen', () => {
    expect(rateBp(325000, 633333)).toBe(5131);
    expect(rateBp(1, 3)).toBe(3333);
    expect(rateBp(2, 3)).toBe(6666);
    expect(rateBp(0, 100)).toBe(0);
    expect(rateBp(150, 100)).toBe(15000);
    expect(rateBp(-1, 3)).toBe(-3334);
    expect(rateBp(5, 0)).toBeNull();
    // Beyond 2^53 / 10000 a float product would round; BigInt does not.
    expect(rateBp(9_007_199_254_740, 9_007_199_254_741)).toBe(9999);
  });
});
