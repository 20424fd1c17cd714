import { listQuery, startTestApp, type Json, type TestApp } from '../../../testing/test-app';
import { SEED004_DUTIES, SEED004_ROWS, seed004Workbook } from '../../../testing/plan-sheet.fixtures';
import { xlsxOf } from '../../../testing/import-files';

type Rec = Record<string, Json>;

/**
 * 导入计划表: a seed-004-shaped workbook into a draft plan gives its duties for review (the
 * monthly ones once, the others on their dates, nothing lost: unreadable rows reported with
 * their text); what is refused: a published plan, another county's, a file that is not a
 * plan sheet, a sheet past the limits.
 */
describe('importing a county plan sheet', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  const call = (method: string, path: string, user: string, body?: unknown) => api.request(method, path, { token: token[user], body });
  let plan: Rec;

  async function upload(planId: number, file: Buffer, name = '月度工作计划.xlsx', user = 'yuzhou') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), name);
    const response = await fetch(`${api.baseUrl}/api/work-plans/${planId}/import`, { method: 'POST', headers: { authorization: `Bearer ${token[user]}` }, body: form });
    return { status: response.status, body: (await response.json()) as Rec };
  }

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['yuzhou', 'rongxian']) token[user] = await api.login(user);
    plan = (await call('POST', '/api/work-plans', 'yuzhou', { name: '导入测试计划', year: 2026, regionId: '450902' })).body;
  }, 120_000);
  afterAll(() => api.close());

  it('creates the draft duties in sheet order and reports the rows it could not read, with their text', async () => {
    const imported = await upload(plan.id, await seed004Workbook());
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rows: 7, created: SEED004_DUTIES.length, merged: 8 });
    expect(imported.body.problems.map((p: Rec) => [p.row, p.text])).toEqual([
      [8, '做好教育扶贫、教育民生各项迎检工作'],
      [9, '做好2月30日前的报表报送'],
    ]);
    expect(imported.body.problems[0].message.zh).toContain('未能识别完成时限');
    const duties = (await call('GET', `/api/duties${listQuery({ filter: { planId: plan.id }, sort: ['id', 'ASC'], range: [0, 99] })}`, 'yuzhou')).body;
    expect(duties.map((d: Rec) => [d.title, d.recurrence, d.completionRule])).toEqual(SEED004_DUTIES);
    expect(duties[0]).toMatchObject({ level: 'school', startDate: '2026-01-01', appliesTo: null });
  });

  it('a published plan takes no sheet; nor does another county’s', async () => {
    const other = (await call('POST', '/api/work-plans', 'yuzhou', { name: '已发布', year: 2026, regionId: '450902' })).body;
    await call('POST', '/api/duties', 'yuzhou', { planId: other.id, title: '任务', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=20' });
    expect((await call('POST', `/api/work-plans/${other.id}/publish`, 'yuzhou')).status).toBe(200);
    expect((await upload(other.id, await seed004Workbook())).status).toBe(409);
    expect((await upload(plan.id, await seed004Workbook(), '计划.xlsx', 'rongxian')).status).toBe(404);
  });

  it.each([
    ['a file that is not .xlsx', async () => Buffer.from('月份,工作任务,完成时限\n'), '计划.csv', '.xlsx'],
    ['a sheet without the plan’s headers', () => xlsxOf([['姓名', '身份证号'], ['张三', '450902']]), '名单.xlsx', '未找到表头'],
    ['an unreadable file', async () => Buffer.from('not a workbook'), '坏文件.xlsx', '无法读取'],
    ['more than 500 rows', () => xlsxOf([SEED004_ROWS[1], ...Array.from({ length: 520 }, (_, i) => ['三月份', `任务${i}`, '3月31日'])]), '大.xlsx', '500'],
  ])('refuses %s, naming the file, and adds nothing', async (_case, file, name, words) => {
    const draft = (await call('POST', '/api/work-plans', 'yuzhou', { name: '拒绝测试', year: 2026, regionId: '450902' })).body;
    const refused = await upload(draft.id, await file(), name);
    expect(refused.status).toBe(422);
    expect(refused.body.errors.file).toContain(words);
    expect((await call('GET', `/api/duties${listQuery({ filter: { planId: draft.id } })}`, 'yuzhou')).body).toEqual([]);
  });
});
