import { formatBasisPoints, formatYuan, parseYuan } from './money';

describe('money', () => {
  it.each([
    ['1250', 125000],
    ['1250.5', 125050],
    ['0.07', 7],
    ['1,128,483.50', 112848350],
    ['¥12.30', 1230],
    ['-3.2', -320],
    [12.3, 1230],
    [0.1 + 0.2, null], // 0.30000000000000004 is not an amount of yuan
  ])('reads %p as %p fen', (input, fen) => {
    expect(parseYuan(input)).toBe(fen);
  });

  it.each(['abc', '1.234', '', '1e5'])('refuses %p', (input) => {
    expect(parseYuan(input)).toBeNull();
  });

  it('writes basis points as a percentage, and groups yuan for reading', () => {
    expect(formatBasisPoints(8750)).toBe('87.50%');
    expect(formatBasisPoints(-5)).toBe('-0.05%');
    expect(formatYuan(112848350, { grouped: true })).toBe('1,128,483.50');
    expect(formatYuan(-99, { grouped: true })).toBe('-0.99');
  });

  it('writes fen as yuan with two decimals', () => {
    expect(formatYuan(112848350)).toBe('1128483.50');
    expect(formatYuan(7)).toBe('0.07');
    expect(formatYuan(-320)).toBe('-3.20');
  });
});
