import type { Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

/**
 * 补录审核 in the panel: the county approves one omission with the list's bulk action and
 * returns another from its page with a reason; school1 finds the returned one with that reason.
 */
describe('panel: the county reviews omissions', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let first: Rec;
  let second: Rec;
  let school = '';

  const login = (username: string): Promise<Page> => loginToPanel(stack.baseUrl, username, browsers);

  beforeAll(async () => {
    stack = await startStack();
    school = await stack.api.login('school1');
    const students = await apiOk(stack.api, 'GET', '/api/students?filter={"status":"enrolled"}&sort=["id","ASC"]&range=[0,1]', school);
    const [type] = await apiOk(stack.api, 'GET', '/api/identity-types?range=[0,0]', school);
    first = await apiOk(stack.api, 'POST', '/api/omissions', school, { studentId: students[0].id, identityTypeId: type.id, reason: '浏览器测试补录甲' });
    second = await apiOk(stack.api, 'POST', '/api/omissions', school, { studentId: students[1].id, identityTypeId: type.id, reason: '浏览器测试补录乙' });
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('the county approves one in bulk from the list and returns the other from its page, with a reason', async () => {
    const page = await login('yuzhou');
    await page.goto(`${stack.baseUrl}/#/omissions`);
    const firstRow = page.locator('tr', { hasText: '浏览器测试补录甲' });
    await firstRow.getByRole('checkbox').check();
    await page.getByRole('button', { name: '通过' }).click();
    const bulk = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/omissions/review'));
    await page.getByRole('dialog').getByRole('button', { name: '通过' }).click();
    expect(await (await bulk).json()).toEqual({ reviewed: 1, skipped: 0 });
    await firstRow.getByText('已通过').waitFor();

    await page.locator('tr', { hasText: '浏览器测试补录乙' }).getByText('浏览器测试补录乙').click();
    await page.getByRole('button', { name: '退回' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '退回' }).click();
    await dialog.getByText('退回时请填写退回原因').waitFor();
    await dialog.getByLabel('退回理由').fill('缺少民政部门出具的证明');
    const returned = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/omissions/${second.id}/review`));
    await dialog.getByRole('button', { name: '退回' }).click();
    expect((await returned).status()).toBe(200);
    await page.getByText('已退回').first().waitFor();
    await page.screenshot({ path: '/tmp/zizhu-omission-returned.png', fullPage: true });
    expect(await apiOk(stack.api, 'GET', `/api/omissions/${first.id}`, school)).toMatchObject({ status: 'approved' });
  }, 120_000);

  it('school1 sees the returned omission with the county’s reason', async () => {
    const page = await login('school1');
    await page.goto(`${stack.baseUrl}/#/omissions`);
    const row = page.locator('tr', { hasText: '浏览器测试补录乙' });
    await row.getByText('已退回').waitFor();
    await row.getByText('浏览器测试补录乙').click();
    await page.getByText('缺少民政部门出具的证明').waitFor();
    await page.screenshot({ path: '/tmp/zizhu-omission-school.png', fullPage: true });
  }, 120_000);
});
