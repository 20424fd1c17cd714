import fc from 'fast-check';
import { allocateSample, maskName } from './inspection-sampling';

const quotas = (strata: [number, number][], n: number) => Object.fromEntries(allocateSample(strata.map(([key, size]) => ({ key, size })), n));

describe('allocateSample', () => {
  it.each([
    ['in proportion, the small program still drawn', [[3, 77], [2, 10]], 10, { 3: 9, 2: 1 }],
    ['exact proportions', [[1, 30], [2, 20], [3, 10]], 6, { 1: 3, 2: 2, 3: 1 }],
    ['one each before proportions', [[1, 98], [2, 1], [3, 1]], 3, { 1: 1, 2: 1, 3: 1 }],
    ['the largest programs first when the size is smaller than the programs', [[1, 5], [2, 50], [3, 20]], 2, { 1: 0, 2: 1, 3: 1 }],
    ['everyone when the size exceeds the recipients', [[1, 2], [2, 3]], 50, { 1: 2, 2: 3 }],
    ['no one from an empty program', [[1, 0], [2, 4]], 3, { 2: 3 }],
    ['nothing to draw', [], 5, {}],
  ] as [string, [number, number][], number, Record<number, number>][])('%s', (_name, strata, n, expected) => {
    expect(quotas(strata, n)).toEqual(expected);
  });

  it('draws min(n, all), within each program’s size, at least one each when n allows, close to proportion', () => {
    const strata = fc.uniqueArray(fc.record({ key: fc.integer({ min: 1, max: 1000 }), size: fc.integer({ min: 0, max: 200 }) }), { selector: (s) => s.key, maxLength: 8 });
    fc.assert(
      fc.property(strata, fc.integer({ min: 0, max: 60 }), (given, n) => {
        const result = allocateSample(given, n);
        const present = given.filter((s) => s.size > 0);
        const total = present.reduce((sum, s) => sum + s.size, 0);
        const wanted = Math.min(n, total);
        const drawn = [...result.values()].reduce((a, b) => a + b, 0);
        if (drawn !== wanted) return false;
        for (const s of present) {
          const q = result.get(s.key) ?? 0;
          if (q < 0 || q > s.size) return false;
          if (wanted >= present.length && q < 1) return false;
          const exact = (wanted * s.size) / total;
          if (wanted >= present.length && (q > Math.max(1, Math.ceil(exact)) || exact - q >= present.length)) return false;
        }
        return given.every((s) => s.size > 0 || !result.get(s.key));
      }),
    );
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张小明', '张*明'],
    ['欧阳小明', '欧**明'],
    ['李', '李'],
    [' 王五 ', '王*'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
