import type { Page } from 'playwright-core';
import { type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

/**
 * The side menu is grouped by area of work, per role: a group with nothing the role may open
 * is hidden, the funds pages (资金对账, 对账异常) sit in 资金 for the roles that read them. A
 * created record opens on its own page, not the list.
 */
describe('panel: the grouped menu per role, and create → the record', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];

  const login = (username: string): Promise<Page> => loginToPanel(stack.baseUrl, username, browsers);
  /** The menu's group headers, top to bottom. */
  const groups = async (page: Page) => (await page.locator('[data-testid^="menu-group-"]').allInnerTexts()).map((t) => t.trim());
  /** The entries under one group header (up to the next header). */
  const entriesOf = (page: Page, group: string) =>
    page.getByTestId(`menu-group-${group}`).evaluate((header) => {
      const names: string[] = [];
      for (let node = header.nextElementSibling; node && !node.matches('[data-testid^="menu-group-"]'); node = node.nextElementSibling) {
        names.push((node as HTMLElement).innerText.trim());
      }
      return names;
    });

  beforeAll(async () => {
    stack = await startStack();
  }, 300_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('shows a school officer the groups it works in, without the funds pages it may not read', async () => {
    const page = await login('school1');
    await page.getByTestId('menu-group-students').waitFor();
    await page.screenshot({ path: '/tmp/panel-shots/menu-school.png', fullPage: true });
    expect(await groups(page)).toEqual(['学生与学校', '大数据比对', '资助项目与名单', '资金', '督查检查', '工作计划与告知', '系统']);
    expect((await entriesOf(page, 'tasks')).slice(0, 3)).toEqual(['工作计划', '工作任务', '任务完成情况']);
    expect(await entriesOf(page, 'students')).toEqual(['行政区划', '学校', '学生']);
    expect(await entriesOf(page, 'tasks')).toEqual(expect.arrayContaining(['告知书模板', '致家长的一封信', '告知书生成记录']));
    expect(await entriesOf(page, 'funds')).not.toContain('资金对账');
    expect(await entriesOf(page, 'system')).not.toContain('用户');
  }, 120_000);

  it('puts 资金对账 and 对账异常 first in 资金 for finance; the entry opens the page', async () => {
    const page = await login('finance');
    await page.getByTestId('menu-group-funds').waitFor();
    await page.screenshot({ path: '/tmp/panel-shots/menu-finance.png', fullPage: true });
    const funds = await entriesOf(page, 'funds');
    expect(funds.slice(0, 2)).toEqual(['资金对账', '对账异常']);
    expect(funds).toContain('发放批次');
    // Finance reads no work plan: the group is not shown.
    expect(await groups(page)).not.toContain('工作计划与告知');
    await page.getByRole('menuitem', { name: '对账异常', exact: true }).click();
    await page.waitForURL(/#\/funds\/exceptions$/);
    await page.getByRole('heading', { level: 1, name: '对账异常', exact: true }).waitFor();
  }, 120_000);

  it('shows the administrator 系统 with users and the audit log', async () => {
    const page = await login('admin');
    await page.getByTestId('menu-group-system').waitFor();
    expect(await entriesOf(page, 'system')).toEqual(['用户', '操作日志', '导入记录', '导出记录']);
    // Work plans first, their reviews, then telling families: letters (告知书模板 first), follow-ups and their coverage.
    const tasks = await entriesOf(page, 'tasks');
    expect(tasks.slice(0, 9)).toEqual(['工作计划', '工作任务', '任务完成情况', '月点评与季通报', '点评结果', '点评权重', '告知书模板', '致家长的一封信', '告知书生成记录']);
    expect(tasks.slice(9)).toEqual(expect.arrayContaining(['回访活动', '回访记录', '告知覆盖情况']));
  }, 120_000);

  it('opens a record on its page once created (a clue the county files)', async () => {
    const page = await login('yuzhou');
    await page.goto(`${stack.baseUrl}/#/clues/create`);
    await page.getByRole('combobox', { name: '线索来源' }).click();
    await page.getByRole('option', { name: '审计', exact: true }).click();
    await page.getByRole('textbox', { name: '问题类型' }).fill('寄宿生补助发放给非寄宿生');
    await page.getByRole('textbox', { name: '线索描述' }).fill('审计抽查发现');
    await page.getByRole('combobox', { name: '学校' }).fill('玉林市第一中学');
    await page.getByRole('option', { name: '玉林市第一中学', exact: true }).click();
    await page.getByLabel('核实期限').fill('2027-03-31');
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/clues'));
    await page.getByRole('button', { name: '保存' }).click();
    const clue = await (await created).json();
    await page.waitForURL(new RegExp(`#/clues/${clue.id}/show$`));
    await page.getByText('寄宿生补助发放给非寄宿生').first().waitFor();
  }, 120_000);
});
