import { execFileSync } from 'node:child_process';
import { chinaDate } from '@zizhu/identities';
import type { Page } from 'playwright-core';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

/**
 * 月点评 / 季通报 in the panel, on the demo's issued reviews of 玉州区: the county computes and
 * issues a review of its own on the review's page, reads the chart and the ranking of the
 * quarterly bulletin and downloads it (the PDF read back with pdftotext); school1 sees its
 * own line on its home page and on the review's page, nobody else's.
 */
describe('panel: 月点评 and 季通报', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let quarterly: { id: number; title: string };
  let monthly: { id: number; title: string };

  const login = (username: string): Promise<Page> => loginToPanel(stack.baseUrl, username, browsers);

  beforeAll(async () => {
    stack = await startStack();
    const token = await stack.api.login('yuzhou');
    const reviews: { id: number; kind: string; title: string }[] = await apiOk(stack.api, 'GET', `/api/reviews?sort=${encodeURIComponent('["id","ASC"]')}`, token);
    quarterly = reviews.find((r) => r.kind === 'quarterly')!;
    monthly = reviews.find((r) => r.kind === 'monthly')!;
  }, 300_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('玉州区 computes and issues a review of one township on its page', async () => {
    const token = await stack.api.login('yuzhou');
    const month = Number(chinaDate(new Date()).slice(5, 7));
    const draft = await apiOk(stack.api, 'POST', '/api/reviews', token, { planId: (await apiOk(stack.api, 'GET', `/api/reviews/${monthly.id}`, token)).planId, kind: 'monthly', month, regionId: '450902001' });
    const page = await login('yuzhou');
    await page.goto(`${stack.baseUrl}/#/reviews/${draft.id}/show`);
    await page.getByText('尚未计算', { exact: false }).waitFor();
    expect(await page.getByTestId('review-issue').isDisabled()).toBe(true);
    await page.getByTestId('review-compute').click();
    await page.getByTestId('review-ranking').waitFor();
    // 玉城街道's two schools.
    expect(await page.getByTestId('review-ranking').locator('tbody tr').count()).toBe(2);
    await page.getByTestId('review-issue').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('已发布').first().waitFor();
    await page.getByTestId('review-compute').waitFor({ state: 'detached' });
  }, 120_000);

  it('玉州区 reads the quarterly bulletin’s chart and ranking, and downloads it', async () => {
    const page = await login('yuzhou');
    await page.goto(`${stack.baseUrl}/#/reviews/${quarterly.id}/show`);
    await page.getByTestId('review-ranking').waitFor();
    expect(await page.getByTestId('review-ranking').locator('tbody tr').count()).toBe(7);
    expect(await page.getByTestId('review-chart').locator('svg').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('review-ranking').innerText()).toContain('未完成：');
    await page.screenshot({ path: '/tmp/panel-shots/review-quarterly.png', fullPage: true });
    const saved = page.waitForEvent('download');
    await page.getByTestId('review-bulletin').click();
    const download = await saved;
    expect(download.suggestedFilename()).toBe(`${quarterly.title}.pdf`);
    const text = execFileSync('pdftotext', [await download.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(quarterly.title);
    expect(text).toContain('玉林市第一中学');
    expect(text).toContain('工作滞后单位');
  }, 180_000);

  it('school1 sees its own line on its home page and on the review’s page, nobody else’s', async () => {
    const page = await login('school1');
    const card = page.getByTestId('my-reviews');
    await card.getByText(quarterly.title).waitFor();
    expect(await card.getByText(monthly.title).count()).toBe(1);
    expect(await card.innerText()).toMatch(/第 \d 名 \/ 7/);
    await card.getByText(quarterly.title).click();
    await page.getByTestId('review-ranking').waitFor();
    const rows = page.getByTestId('review-ranking').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('玉林市第一中学');
    expect(await page.getByTestId('review-bulletin').count()).toBe(0);
    await page.screenshot({ path: '/tmp/panel-shots/review-school.png', fullPage: true });
  }, 120_000);
});
