import type { Page } from 'playwright-core';
import { PLANTED, plantInspections } from '@zizhu/api/testing/inspection-statistics.fixtures';
import { type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

/**
 * The county's and the city's home pages show the inspection figures of their region: on
 * planted plans (the city's spring inspection of three counties, 玉州区's own plan), the
 * latest plan first, the charts drawn, and the figures the API computes; a county with no
 * inspection in a plan sees the empty state.
 */
describe('panel: inspection figures on the home page', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];

  const login = (username: string): Promise<Page> => loginToPanel(stack.baseUrl, username, browsers);
  const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
  const choosePlan = async (page: Page, name: string) => {
    await page.getByRole('combobox', { name: '检查计划' }).click();
    await page.getByRole('option', { name }).click();
  };

  beforeAll(async () => {
    stack = await startStack();
    await plantInspections(stack.api.databaseUrl);
  }, 300_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('玉州区: its own plan first (nothing done yet), then the city’s plan with its figures and charts', async () => {
    const page = await login('yuzhou');
    await page.getByTestId('inspection-stats').waitFor();
    expect(await page.getByRole('combobox', { name: '检查计划' }).innerText()).toBe('玉州区2026年资助抽查');
    expect(await text(page, 'stats-progress-value')).toBe('0 / 1');
    await choosePlan(page, '2026年春季学生资助专项检查');
    const yuzhou = PLANTED.cityPlan.yuzhou;
    expect(await text(page, 'stats-progress-value')).toBe(`${yuzhou.done} / ${yuzhou.planned}`);
    expect(await text(page, 'stats-average-value')).toBe('85.5');
    expect(await text(page, 'stats-findings-total')).toBe('共 3 个问题');
    expect(await page.getByTestId('stats-rate').getAttribute('data-rate')).toBe('3333');
    expect(await text(page, 'stats-overdue-value')).toBe('1');
    for (const chart of ['chart-regions', 'chart-sections', 'chart-findings', 'chart-rectification']) {
      expect(await page.getByTestId(chart).locator('svg').count()).toBeGreaterThan(0);
    }
    // Axis labels are drawn (the charts cut a label that does not fit its axis to nothing).
    const axisLabels = (chart: string) => page.getByTestId(chart).locator('.MuiChartsAxis-tickLabel').allTextContents();
    expect(await axisLabels('chart-sections')).toEqual(expect.arrayContaining(['资金发放', '档案管理', '100']));
    expect(await axisLabels('chart-regions')).toEqual(expect.arrayContaining([expect.stringMatching(/街道|镇/), '1']));
    await page.getByTestId('inspection-stats').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/panel-shots/home-county-inspections.png', fullPage: true });
  }, 120_000);

  it('the city: every county’s progress, the whole plan’s figures', async () => {
    const page = await login('admin');
    await page.getByTestId('inspection-stats').waitFor();
    await choosePlan(page, '2026年春季学生资助专项检查');
    const total = PLANTED.cityPlan.total;
    expect(await text(page, 'stats-progress-value')).toBe(`${total.done} / ${total.planned}`);
    expect(await text(page, 'stats-average-value')).toBe('77.0');
    expect(await text(page, 'stats-rate')).toBe('整改率（已办结 2 / 5）');
    const regions = await text(page, 'chart-regions');
    for (const county of ['玉州区', '容县']) expect(regions).toContain(county);
    await page.screenshot({ path: '/tmp/panel-shots/home-city-inspections.png', fullPage: true });
  }, 120_000);
});
