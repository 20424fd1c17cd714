import { allowedTransition, headerColumns, outcomeOf, readBankRow } from './bank-result-rows';

describe('bank result rows', () => {
  const columns = headerColumns(['序号', '流水号 *', '户名', '金额（元）', '处理结果', '失败原因', '入账日期'])!;

  it('finds the header by the banks’ usual names, and only with a serial and a result', () => {
    expect(columns).toEqual({ serialNo: 1, amount: 3, status: 4, reason: 5, date: 6 });
    expect(headerColumns(['XX银行代发回盘'])).toBeNull();
    expect(headerColumns(['流水号', '金额'])).toBeNull();
  });

  it.each([
    ['成功', 'paid'],
    ['入账成功', 'paid'],
    [' 失败 ', 'failed'],
    ['退票', 'returned'],
    ['FAILED', 'failed'],
    ['处理中', null],
  ])('reads %s as %s', (word, outcome) => expect(outcomeOf(word)).toBe(outcome));

  it('reads yuan text and numbers exactly into fen, and dates in the usual spellings', () => {
    const row = readBankRow({ number: 5, cells: [1, 'B1-000001', '张三', '1,250.10', '成功', null, '2017/11/30'] }, columns)!;
    expect(row).toMatchObject({ row: 5, serialNo: 'B1-000001', status: 'paid', amount: 125010, date: '2017-11-30', errors: [] });
    expect(readBankRow({ number: 6, cells: [2, 'B1-000002', '', 0.29, '成功', null, null] }, columns)!.amount).toBe(29);
  });

  it('reports every fault of a row by its column', () => {
    const row = readBankRow({ number: 7, cells: [3, null, '', '12.345', '处理中', null, '2017-02-30'] }, columns)!;
    expect(row.errors.map((e) => e.column)).toEqual(['流水号', '发放结果', '金额', '入账日期']);
    const failed = readBankRow({ number: 8, cells: [4, 'B1-000004', '', null, '失败', null, null] }, columns)!;
    expect(failed.errors.map((e) => e.column)).toEqual(['失败原因']);
    expect(readBankRow({ number: 9, cells: [null, '', null] }, columns)).toBeNull();
  });

  it('lets a pending line take any result and a paid one only bounce back', () => {
    expect(allowedTransition('pending', 'failed')).toBe(true);
    expect(allowedTransition('paid', 'returned')).toBe(true);
    expect(allowedTransition('paid', 'failed')).toBe(false);
    expect(allowedTransition('failed', 'paid')).toBe(false);
    expect(allowedTransition('failed', 'failed')).toBe(true);
  });
});
