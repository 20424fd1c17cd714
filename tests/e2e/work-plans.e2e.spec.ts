import type { Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** China's date, `days` from today. */
function chinaDay(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * 工作计划 in the panel: 玉州区 writes a plan with a monthly duty the data decides (records
 * updated) and a manual one (the monthly report), both due three days from now, and
 * publishes it; school1 finds the report on its home page and submits evidence; the county
 * sees the completion table, school1's cell waiting for review, and accepts it.
 */
describe('panel: a county publishes a work plan, a school submits evidence, the county follows completion', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let county: Page;
  let plan: Rec;
  // Both duties fall due three days from now, in the plan's year.
  const due = chinaDay(3);
  const year = Number(due.slice(0, 4));
  const day = Number(due.slice(8, 10));

  beforeAll(async () => {
    stack = await startStack();
    county = await loginToPanel(stack.baseUrl, 'yuzhou', browsers);
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  async function addDuty(title: string, rule: string | null): Promise<void> {
    await county.getByTestId('plan-duties').getByRole('link', { name: '添加任务' }).click();
    await county.getByLabel('任务', { exact: false }).first().fill(title);
    await county.getByTestId('recurrence-day').fill(String(day));
    await county.getByTestId('recurrence-preview').getByText(due, { exact: false }).waitFor();
    if (rule) {
      await county.getByRole('combobox', { name: '完成判定' }).click();
      await county.getByRole('option', { name: rule }).click();
    }
    const created = county.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/duties'));
    await county.getByRole('button', { name: '保存' }).click();
    expect((await created).status()).toBe(201);
    // The new duty's page; back to its plan.
    await county.getByText(title).first().waitFor();
    await county.goto(`${stack.baseUrl}/#/work-plans/${plan.id}/show`);
    await county.getByTestId('plan-duties').getByText(title).waitFor();
  }

  it('玉州区 writes a plan with an automatic and a manual duty and publishes it', async () => {
    await county.goto(`${stack.baseUrl}/#/work-plans/create`);
    await county.getByLabel('计划名称', { exact: false }).first().fill('浏览器测试：月度工作计划');
    await county.getByLabel('年度', { exact: false }).first().fill(String(year));
    await county.getByLabel('制定单位', { exact: false }).first().fill('玉州');
    await county.getByRole('option', { name: '玉州区' }).first().click();
    const created = county.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/work-plans'));
    await county.getByRole('button', { name: '保存' }).click();
    plan = await (await created).json();
    await county.getByTestId('plan-duties').waitFor();

    await addDuty('浏览器测试：更新维护系统数据', '自动：学生信息本期已更新或确认');
    await addDuty('浏览器测试：上报月点评表', null);

    const published = county.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/work-plans/${plan.id}/publish`));
    await county.getByTestId('plan-publish').click();
    expect((await published).status()).toBe(200);
    // Published, the table fills with each unit's occurrences at once.
    await county.getByTestId('completion-table').locator('tr', { hasText: '玉林市第一中学' }).waitFor();
    const duties: Rec[] = await apiOk(stack.api, 'GET', `/api/duties?filter=${encodeURIComponent(JSON.stringify({ planId: plan.id }))}`, await stack.api.login('yuzhou'));
    expect(duties.map((d) => [d.completionRule, d.recurrence])).toEqual([
      ['recordsUpdated', `FREQ=MONTHLY;BYMONTHDAY=${day}`],
      ['manual', `FREQ=MONTHLY;BYMONTHDAY=${day}`],
    ]);
  }, 180_000);

  it('school1 finds the report due soon on its home page and submits evidence', async () => {
    const school = await loginToPanel(stack.baseUrl, 'school1', browsers);
    const soon = school.getByTestId('my-duties-dueSoon');
    const line = soon.locator('li', { hasText: '浏览器测试：上报月点评表' });
    await line.waitFor();
    await soon.locator('li', { hasText: '浏览器测试：更新维护系统数据' }).waitFor();
    expect(await soon.locator('li', { hasText: '浏览器测试：更新维护系统数据' }).getByRole('button').count()).toBe(0);
    await line.getByRole('button', { name: '提交佐证' }).click();
    const dialog = school.getByRole('dialog');
    await dialog.getByTestId('file-input-evidenceFileId').locator('input[type=file]').setInputFiles({ name: '月点评表.pdf', mimeType: 'application/pdf', buffer: EVIDENCE_PDF });
    await dialog.getByText('月点评表.pdf', { exact: false }).first().waitFor();
    await dialog.getByLabel('完成情况说明').fill('已盖章上报');
    const submitted = school.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/duty-occurrences\/\d+\/submit$/.test(r.url()));
    await dialog.getByRole('button', { name: '提交佐证' }).click();
    expect((await submitted).status()).toBe(200);
    await school.getByText('已提交，等待审核').waitFor();
    await soon.locator('li', { hasText: '浏览器测试：上报月点评表' }).waitFor({ state: 'detached' });
    await school.screenshot({ path: '/tmp/zizhu-work-plan-school.png', fullPage: true });
  }, 120_000);

  it('the county sees the completion table with school1’s report waiting for review, and accepts it', async () => {
    await county.goto(`${stack.baseUrl}/#/work-plans/${plan.id}/show`);
    const table = county.getByTestId('completion-table');
    await table.waitFor();
    const row = table.locator('tr', { hasText: '玉林市第一中学' });
    await row.waitFor();
    // By month: both duties due in the month ahead, neither finished yet (the months before, missed).
    await row.getByText('0/2').first().waitFor();
    await county.getByTestId('plan-completion').getByRole('combobox').click();
    await county.getByRole('option', { name: '浏览器测试：上报月点评表' }).click();
    const cell = row.getByText('待审核');
    await cell.waitFor();
    await county.screenshot({ path: '/tmp/zizhu-work-plan-completion.png', fullPage: true });
    await cell.click();
    const workflow = county.getByTestId('occurrence-workflow');
    await workflow.getByText('等待计划制定单位审核').waitFor();
    await workflow.getByRole('button', { name: '审核通过' }).click();
    const accepted = county.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/duty-occurrences\/\d+\/accept$/.test(r.url()));
    await county.getByRole('dialog').getByRole('button', { name: '审核通过' }).click();
    expect((await accepted).status()).toBe(200);
    await county.getByTestId('occurrence-status').getByText('按时完成').waitFor();
  }, 120_000);
});
