import type { Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
import { launchBrowser } from '../support/browser';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

/**
 * 电话回访 in the panel: the county draws a campaign of its own (抽样) and sees its families;
 * school1 records a call on a phone-sized screen; the city reads the coverage of the demo
 * term and drills into a county.
 */
describe('panel: follow-up campaigns, a call recorded on a phone, coverage', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let campaign: Rec;

  const login = (username: string): Promise<Page> => loginToPanel(stack.baseUrl, username, browsers);

  beforeAll(async () => {
    stack = await startStack();
    const county = await stack.api.login('yuzhou');
    campaign = await apiOk(stack.api, 'POST', '/api/follow-up-campaigns', county, {
      name: '玉州区春季电话回访', regionId: '450902', kind: 'phone', year: 2026, term: 'spring', samplePerSchool: 2, dueDate: '2026-06-30',
    });
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('the county draws its campaign and sees the families to contact', async () => {
    const page = await login('yuzhou');
    await page.goto(`${stack.baseUrl}/#/follow-up-campaigns/${campaign.id}/show`);
    await page.getByText('尚未抽样：点击“抽样”生成回访名单').waitFor();
    await page.getByTestId('campaign-draw').click();
    await page.getByText('随机抽取 2 名', { exact: false }).waitFor();
    const drawn = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/follow-up-campaigns/${campaign.id}/draw`));
    await page.getByRole('button', { name: '确定' }).click();
    const body = await (await drawn).json();
    expect(body.drawn).toBeGreaterThan(0);
    await page.getByText(`已抽取 ${body.drawn} 户，待学校回访`).waitFor();
    await page.getByTestId('campaign-progress').getByText(`已回访 0 / ${body.drawn} 户`).waitFor();
    await page.getByTestId('campaign-close').waitFor();
    await page.screenshot({ path: '/tmp/panel-shots/follow-up-campaign.png', fullPage: true });
  }, 120_000);

  it('school1 records a call on a phone-sized screen and returns to the campaign', async () => {
    // A phone from the start: the login page and the panel at 390 × 844.
    const browser = await launchBrowser();
    browsers.push(browser);
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(stack.baseUrl);
    await page.getByRole('textbox', { name: '用户名' }).fill('school1');
    await page.getByRole('textbox', { name: '密码' }).fill('Zizhu@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('您的身份是', { exact: false }).waitFor();
    await page.goto(`${stack.baseUrl}/#/follow-up-campaigns/${campaign.id}/show`);
    const row = page.getByTestId('campaign-follow-ups').locator('.RaDatagrid-tbody tr').first();
    await row.waitFor();
    await row.click();
    await page.waitForURL(/#\/follow-up-record\/\d+$/);
    await page.getByTestId('amount-paid').waitFor();
    expect(await page.getByTestId('amount-paid').innerText()).toMatch(/^[\d,]+\.\d\d 元$/);
    await page.getByRole('radio', { name: '联系上', exact: true }).check();
    await page.getByRole('textbox', { name: '回访对象' }).fill('学生母亲');
    await page.getByRole('radio', { name: '与发放一致' }).check();
    await page.getByRole('radio', { name: '满意', exact: true }).check();
    await page.screenshot({ path: '/tmp/panel-shots/follow-up-record-phone.png', fullPage: true });
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/api\/follow-ups\/\d+$/.test(r.url()));
    await page.getByRole('button', { name: '保存回访记录' }).click();
    const stored = await (await saved).json();
    expect(stored).toMatchObject({ status: 'done', reached: true, amountCheck: 'confirmed', satisfaction: 'satisfied' });
    await page.waitForURL(new RegExp(`#/follow-up-campaigns/${campaign.id}/show$`));
    await page.getByText('回访记录已保存').waitFor();
  }, 120_000);

  it('the city reads the demo term’s coverage from the menu and drills into 玉州区', async () => {
    const admin = await stack.api.login('admin');
    const expected = await apiOk(stack.api, 'GET', '/api/outreach-coverage?year=2026&term=spring', admin);
    const page = await login('admin');
    await page.getByRole('menuitem', { name: '告知覆盖情况' }).click();
    await page.waitForURL(/#\/outreach\/coverage$/);
    await page.getByTestId('coverage-year').fill('2026');
    await page.getByRole('combobox', { name: '学期' }).click();
    await page.getByRole('option', { name: '春季学期' }).click();
    const total = page.getByTestId('coverage-row-total');
    await total.getByText('玉林市 · 合计').waitFor();
    // The term chosen, the figures reload: the total's recipients become the API's.
    await total.locator('td').nth(1).getByText(String(expected.total.recipients), { exact: true }).waitFor();
    await page.getByTestId('coverage-campaigns').getByText(/春季学期资助政策电话回访/).waitFor();
    await page.screenshot({ path: '/tmp/panel-shots/coverage-city.png', fullPage: true });

    await page.getByTestId('coverage-regions').getByRole('button', { name: '玉州区' }).click();
    await page.getByTestId('coverage-row-total').getByText('玉州区 · 合计').waitFor();
    const yuzhou = expected.regions.find((r: Rec) => r.regionId === '450902');
    expect(await page.getByTestId('coverage-row-total').locator('td').nth(1).innerText()).toBe(String(yuzhou.recipients));
    await page.screenshot({ path: '/tmp/panel-shots/coverage-county.png', fullPage: true });
    await page.getByTestId('coverage-schools').getByText('玉林市第一中学').waitFor();
  }, 120_000);
});
