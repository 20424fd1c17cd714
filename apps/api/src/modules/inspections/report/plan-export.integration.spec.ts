import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { insertFinding, insertInspection, insertPlan, insertPublishedChecklist } from '../../../testing/inspection-report.fixtures';
import { startTestApp, type TestApp } from '../../../testing/test-app';

const PLAN_NAME = '2026年春季资助工作专项检查';

/** A plan's inspections as .xlsx, read back with exceljs: columns, values, scope, language and the formula guard. */
describe('inspection plan export (xlsx)', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let planId: number;

  const download = async (user: string, lang: 'zh-CN' | 'en' = 'zh-CN') => {
    const response = await fetch(`${api.baseUrl}/api/inspection-plans/${planId}/export.xlsx`, { headers: { authorization: `Bearer ${token[user]}`, 'accept-language': lang } });
    const buffer = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) return { status: response.status, headers: response.headers, sheet: undefined, rows: [] as ExcelJS.CellValue[][] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows: ExcelJS.CellValue[][] = [];
    // Empty cells are holes in exceljs's values: read them as null.
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1), (value) => value ?? null)));
    return { status: response.status, headers: response.headers, sheet, rows };
  };

  beforeAll(async () => {
    api = await startTestApp();
    const db = api.app.get(DataSource);
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'finance']) token[user] = await api.login(user);
    const versionId = await insertPublishedChecklist(db, 'RPT-XLSX');
    planId = await insertPlan(db, versionId, PLAN_NAME);
    const submitted = await insertInspection(db, {
      planId,
      versionId,
      schoolId: 1,
      status: 'submitted',
      answers: { values: { paidOnTime: 'yes', publicity: 'partial', archive: false } },
    });
    // What a user typed as a team may look like a formula: it is written as text.
    await insertInspection(db, { planId, versionId, schoolId: 2, status: 'started', team: '=HYPERLINK("http://evil.example","点我")' });
    await insertFinding(db, { inspectionId: submitted, itemKey: 'archive', recordKey: 'item:archive', severity: 'high', description: '未建立一人一档', status: 'open', dueInDays: -1 });
    await insertFinding(db, { inspectionId: submitted, itemKey: 'lateCount', recordKey: 'item:lateCount', severity: 'medium', description: '台账不一致', status: 'closed', dueInDays: -5 });
    await insertFinding(db, { inspectionId: submitted, itemKey: 'publicity', recordKey: 'item:publicity', severity: 'low', description: '公示不全', status: 'answered', dueInDays: 10 });
  }, 120_000);
  afterAll(() => api.close());

  it('successful: one row per inspection with its scores by section, findings and rectifications', async () => {
    const { status, headers, sheet, rows } = await download('yuzhou');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="inspection-plan-${planId}-\\d{4}-\\d{2}-\\d{2}\\.xlsx"; filename\\*=UTF-8''`));
    expect(decodeURIComponent(headers.get('content-disposition')!.split("UTF-8''")[1])).toMatch(new RegExp(`^${PLAN_NAME}-检查结果-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    expect(sheet?.name).toBe('检查结果');

    expect(rows[0][0]).toBe(PLAN_NAME);
    expect(rows[1][0]).toBe('检查表：资助工作专项检查表（第 1 版）　检查方式：抽查　检查时间：2026-04-01 至 2026-04-30');
    expect(rows[2]).toEqual([
      '学校',
      '学校代码',
      '状态',
      '计划检查日期',
      '开始时间',
      '提交时间',
      '检查组长',
      '检查组成员',
      '总分',
      '是否合格',
      '资金发放',
      '档案管理',
      '发现问题',
      '整改未办结',
      '整改已办结',
      '整改逾期',
    ]);
    expect(rows).toHaveLength(5);
    const [school1, school2] = rows.slice(3);
    expect(school1).toEqual([
      '玉林市第一中学',
      '2145020107',
      '已提交',
      new Date('2026-04-18T00:00:00Z'),
      // Beijing wall time: 09:30 and 14:00.
      new Date('2026-04-18T09:30:00Z'),
      new Date('2026-04-18T14:00:00Z'),
      '市督查员',
      '张建国、李卫东',
      50,
      '否',
      75,
      0,
      3,
      2,
      1,
      1,
    ]);
    // Under way: no score or verdict yet (the last submit's would mislead), no findings.
    expect(school2.slice(0, 3)).toEqual(['玉林市第一职业中等专业学校', '2145020114', '检查中']);
    expect(school2.slice(8)).toEqual([null, null, null, null, 0, 0, 0, 0]);
    expect(school2[7]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(sheet?.getRow(5).getCell(8).formula).toBeUndefined();
  });

  it('successful: headers in English on request', async () => {
    const { sheet, rows } = await download('admin', 'en');
    expect(sheet?.name).toBe('Inspections');
    expect(rows[1][0]).toMatch(/^Checklist: 资助工作专项检查表 \(version 1\) {3}Mode: Spot check {3}Dates: 2026-04-01 to 2026-04-30$/);
    expect(rows[2].slice(0, 3)).toEqual(['School', 'School code', 'Status']);
    expect(rows[3][2]).toBe('Submitted');
    expect(rows[3][9]).toBe('No');
  });

  it('successful: a school reads its own inspection of the plan only', async () => {
    const { status, rows } = await download('school1');
    expect(status).toBe(200);
    expect(rows.slice(3).map((row) => row[0])).toEqual(['玉林市第一中学']);
  });

  it.each([
    ['a county the plan is not of', 'rongxian', 404],
    ['a role that reads no plans', 'finance', 403],
  ])('failing: %s (%s) gets %s', async (_who, user, status) => {
    expect((await download(user)).status).toBe(status);
  });
});
