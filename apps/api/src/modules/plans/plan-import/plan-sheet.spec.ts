import type { SheetRow } from '../../../engine/imports/sheet-reader';
import { SEED004_DUTIES, SEED004_ROWS } from '../../../testing/plan-sheet.fixtures';
import { monthOf, numberedItems, PlanSheetHeaderError, readPlanSheet } from './plan-sheet';

async function* rowsOf(rows: (string | Date | null)[][]): AsyncGenerator<SheetRow> {
  for (const [i, cells] of rows.entries()) yield { number: i + 1, cells };
}

describe('the county plan sheet (seed 004)', () => {
  it('gives the monthly duties once and each month-specific one on its date, and reports what it cannot read', async () => {
    const sheet = await readPlanSheet(rowsOf(SEED004_ROWS));
    expect(sheet.duties.map((d) => [d.title, d.recurrence, d.completionRule])).toEqual(SEED004_DUTIES);
    expect(sheet.merged).toBe(8);
    expect(sheet.rows).toBe(7);
    expect(sheet.problems).toEqual([
      { row: 8, text: '做好教育扶贫、教育民生各项迎检工作', message: expect.objectContaining({ zh: expect.stringContaining('未能识别完成时限') }) },
      { row: 9, text: '做好2月30日前的报表报送', message: expect.objectContaining({ zh: '完成时限不是有效日期' }) },
    ]);
  });

  it('reads a deadline given as a date cell, a full date or a day in the row’s month; columns in any order', async () => {
    const sheet = await readPlanSheet(
      rowsOf([
        ['完成时限', '月份', '工作任务'],
        [new Date(Date.UTC(2026, 5, 30)), '六月份', '总结上半年资助工作'],
        ['2026-07-15', '七月', '做好生源地贷款办理工作'],
        ['25日', '八月份', '1. 对春季学期资金发放工作进行督查 2. 每月底前报送资助统计表'],
      ]),
    );
    expect(sheet.duties.map((d) => d.recurrence)).toEqual([
      'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30',
      'FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=15',
      'FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=25',
      'FREQ=MONTHLY;BYMONTHDAY=-1',
    ]);
  });

  it('a sheet without the three headers is refused', async () => {
    await expect(readPlanSheet(rowsOf([['姓名', '身份证号'], ['张三', '450902']]))).rejects.toBeInstanceOf(PlanSheetHeaderError);
  });

  it.each([
    ['元月至 二月份', 2],
    ['十一月', 11],
    ['十月份', 10],
    ['12月', 12],
    ['全年', null],
  ])('month of %j is %j', (text, month) => {
    expect(monthOf(text)).toBe(month);
  });

  it('numbered items in order only: a year or a decimal is no marker', () => {
    expect(numberedItems('1. 发放 1.5 万元； 2. 2026 年总结。')).toEqual(['发放 1.5 万元', '2026 年总结']);
    expect(numberedItems('没有编号的一项任务。')).toEqual(['没有编号的一项任务']);
  });
});
