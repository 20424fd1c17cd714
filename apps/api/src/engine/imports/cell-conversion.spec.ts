import { studentResource } from '@zizhu/students';
import { parseDateText, unquoteFormulaGuard } from '@zizhu/schema';
import { convertCell } from './cell-conversion';

describe('convertCell', () => {
  const f = studentResource.fields;

  it.each([
    ['an ID number typed as a number', f.idNumber, 450902201203150000, 'error'],
    ['an ID number in scientific notation', f.idNumber, '4.50902E+17', 'error'],
    ['a 19-digit card number typed as a number', f.bankAccount, 6217001234567890000, 'error'],
  ])('refuses %s, naming the lost digits', (_case, field, cell, outcome) => {
    expect(Object.keys(convertCell(field, cell))).toEqual([outcome]);
  });

  it.each([
    [f.stage, '普高', 'senior'],
    [f.stage, 'Vocational', 'vocational'],
    [f.status, '在读', 'enrolled'],
    [f.boarding, '是', true],
    [f.boarding, '否', false],
    [f.phone, 13812345678, '13812345678'],
    [f.name, null, null],
    [f.name, '   ', null],
  ])('reads %#', (field, cell, value) => {
    expect(convertCell(field, cell)).toEqual({ value });
  });

  it('passes unknown labels on for the API’s own message', () => {
    expect(convertCell(f.stage, '大学')).toEqual({ value: '大学' });
  });

  it('undoes the formula guard exports add', () => {
    expect(unquoteFormulaGuard("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unquoteFormulaGuard("'-5")).toBe('-5');
    expect(unquoteFormulaGuard("'quoted")).toBe("'quoted");
  });

  it.each([
    ['2012/3/5', '2012-03-05'],
    ['2012.03.05', '2012-03-05'],
    ['2012年3月5日', '2012-03-05'],
    ['20120305', '2012-03-05'],
    ['March', 'March'],
  ])('reads the date %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });
});
