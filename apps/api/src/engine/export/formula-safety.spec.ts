import { neutralizeFormula, startsFormula } from './formula-safety';

describe('formula safety of exported text', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")'],
    ['=cmd|\' /C calc\'!A0'],
    ['+1+1'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['＝1+1'],
    ['＋1'],
    ['－1'],
    ['＠SUM(1)'],
  ])('prefixes %j with an apostrophe', (value) => {
    expect(startsFormula(value)).toBe(true);
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });

  it.each([['黄子涵'], ['4509**********1234'], ['450902200803151234'], ['1+1'], [' =1'], ["'=1"], ['a=b'], [''], ['-5'], ['-12.50']])(
    'leaves %j as it is',
    (value) => {
      expect(startsFormula(value)).toBe(false);
      expect(neutralizeFormula(value)).toBe(value);
    },
  );
});
