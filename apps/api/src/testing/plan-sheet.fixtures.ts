import ExcelJS from 'exceljs';

const MONTHLY = '每月 20 日前更新维护学生资助管理及建档立卡信息系统数据，28 日前上报当月月点评季通报表及相关报表';

/**
 * A county's monthly work plan shaped like seed 004 (title row, 时序 | 主要工作项目内容 |
 * 完成工作时间, numbered duties with the monthly line repeated every month, HTML left by a
 * converted document), with two rows whose deadline cannot be read and a closing note.
 */
export const SEED004_ROWS: (string | null)[][] = [
  ['玉州区 2026 年度学生资助工作月度工作计划', null, null],
  ['时 序', '主要工作项目内容', '完成工作时间'],
  ['元月至 二月份', `<ol style="list-style-type: none"> 1. ${MONTHLY}； 2. 撰写上年度资助工作总结及本年度年工作计划； 3. 谋划本年度工作。 </ol>`, '2 月 28 日'],
  ['三月份', `1. ${MONTHLY}； 2. 审核汇总 2026 年春季中职及普通高中学校、幼儿园国家助学金、免学费名单及需拨付资金；`, '3 月 31 日'],
  ['五月份', `1. ${MONTHLY}； 2. 发放中职、普通高中学生，幼儿园国家助学金及建档立卡学生资助资金，确保 5 月 25 日前完成资金发放； 3. 部署并开展春季学期资助大检查工作；`, '5 月 31 日'],
  ['九月份', `1. ${MONTHLY}； 2. 秋季建档立卡贫困家庭学生发放工作 9 月 24 日前完成； 3. 寄送致家长朋友的一封信。`, '9 月 30 日'],
  ['十一月', `1. ${MONTHLY}； 2. 完成全年各类助学金发放； 3. 11月底前完成电话随访和大走访活动`, '11 月 30 日'],
  ['十二月', '1. 做好教育扶贫、教育民生各项迎检工作', '待定'],
  ['（补充）', '做好2月30日前的报表报送', null],
  ['注：一并做好省市县教育、民生、扶贫等相关部门安排部署的其他工作', null, null],
];

/** The duties SEED004_ROWS gives, in order: title, recurrence, suggested rule. */
export const SEED004_DUTIES: [string, string, string][] = [
  ['每月20日前更新维护学生资助管理及建档立卡信息系统数据', 'FREQ=MONTHLY;BYMONTHDAY=20', 'recordsUpdated'],
  ['每月28日前上报当月月点评季通报表及相关报表', 'FREQ=MONTHLY;BYMONTHDAY=28', 'manual'],
  ['撰写上年度资助工作总结及本年度年工作计划', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28', 'manual'],
  ['谋划本年度工作', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28', 'manual'],
  ['审核汇总2026年春季中职及普通高中学校、幼儿园国家助学金、免学费名单及需拨付资金', 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31', 'manual'],
  ['发放中职、普通高中学生，幼儿园国家助学金及建档立卡学生资助资金，确保5月25日前完成资金发放', 'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25', 'rosterPaid'],
  ['部署并开展春季学期资助大检查工作', 'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=31', 'manual'],
  ['秋季建档立卡贫困家庭学生发放工作9月24日前完成', 'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=24', 'manual'],
  ['寄送致家长朋友的一封信', 'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30', 'lettersDelivered'],
  ['完成全年各类助学金发放', 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30', 'rosterPaid'],
  ['11月底前完成电话随访和大走访活动', 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1', 'manual'],
];

/** The sheet as a county would upload it: the title merged across the columns. */
export async function seed004Workbook(rows = SEED004_ROWS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('月度工作计划');
  for (const row of rows) sheet.addRow(row);
  sheet.mergeCells('A1:C1');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
