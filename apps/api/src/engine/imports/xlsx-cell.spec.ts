import { CellFault, cellOf } from './xlsx-cell';

describe('cellOf: every kind of cell the streaming reader yields', () => {
  const fault = (kind: CellFault['kind'], text: string) => new CellFault(kind, text);

  it.each([
    ['empty', undefined, undefined, null],
    ['text', '黄小明', undefined, '黄小明'],
    ['a number', 12.5, undefined, 12.5],
    ['a boolean', true, undefined, true],
    ['rich text', { richText: [{ text: '黄' }, { text: '小明' }] }, undefined, '黄小明'],
    ['a hyperlink', { text: '高一', hyperlink: 'https://example.org' }, undefined, '高一'],
    ['a hyperlink over rich text', { text: { richText: [{ text: '高' }, { text: '一' }] }, hyperlink: 'x' }, undefined, '高一'],
    ['an error value', { error: '#N/A' }, undefined, fault('error', '#N/A')],
    ['a formula without a saved value', { formula: 'A1&B1' }, undefined, fault('formula', '=A1&B1')],
    ['a shared formula without a saved value', { sharedFormula: 'A2', result: undefined }, undefined, fault('formula', '=A2')],
    ['a formula with a saved text', { formula: 'A1&B1', result: '林一' }, undefined, '林一'],
    ['a formula with a saved number', { formula: '1+1', result: 2 }, '0', 2],
    ['a formula with a saved error (read as NaN)', { formula: 'NA()', result: Number.NaN }, undefined, fault('error', '#N/A')],
    ['a formula with a saved error object', { formula: 'NA()', result: { error: '#DIV/0!' } }, undefined, fault('error', '#DIV/0!')],
    ['an object of no known kind', { sharedString: 3 }, undefined, fault('unknown', '')],
  ])('%s', (_case, value, numFmt, expected) => {
    expect(cellOf(value, numFmt)).toEqual(expected);
  });

  it('turns a date-formatted formula result into a date, in 1900 and 1904 workbooks', () => {
    expect((cellOf({ formula: 'DATE(2012,3,15)', result: 40983 }, 'yyyy-mm-dd') as Date).toISOString()).toBe('2012-03-15T00:00:00.000Z');
    expect((cellOf({ formula: 'DATE(2012,3,15)', result: 39521 }, 'yyyy"年"m"月"d"日"', true) as Date).toISOString()).toBe('2012-03-15T00:00:00.000Z');
  });

  it('shows a fault as the text the cell showed', () => {
    expect(String(fault('error', '#N/A'))).toBe('#N/A');
  });
});
