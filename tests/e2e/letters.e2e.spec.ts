import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
import { launchBrowser } from '../support/browser';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

const SHOTS = '/tmp/panel-shots';
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });

/**
 * 致家长的一封信 in the panel: school1 prints its letters of the demo term and the PDF holds
 * each student's name and amount; a parent, with no login, opens the page the letter's QR
 * code links to on a phone and sees what was paid to their child.
 */
describe('panel: letters to families and the families’ own query', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let letter: Rec;
  let student: Rec;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
    const [admin, school] = await Promise.all(['admin', 'school1'].map((u) => stack.api.login(u)));
    const filter = encodeURIComponent(JSON.stringify({ schoolId: 1, year: 2026, term: 'spring' }));
    [letter] = await apiOk(stack.api, 'GET', `/api/letters?filter=${filter}&sort=["id","ASC"]&range=[0,0]`, school);
    // The administrator reads ID numbers in full: the parent knows their child's.
    student = await apiOk(stack.api, 'GET', `/api/students/${letter.studentId}`, admin);
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('school1 prints the term’s letters: one PDF holding the student’s name and amount', async () => {
    const page: Page = await loginToPanel(stack.baseUrl, 'school1', browsers);
    await page.goto(`${stack.baseUrl}/#/letters`);
    await page.getByRole('button', { name: '打印告知书' }).click();
    const dialog = page.getByTestId('print-letters-dialog');
    await dialog.getByTestId('letters-year').fill('2026');
    await dialog.getByRole('combobox', { name: '学期' }).click();
    await page.getByRole('option', { name: '春季学期' }).click();
    await page.screenshot({ path: `${SHOTS}/letters-print-dialog.png` });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('告知书-玉林市第一中学-2026年春季学期.pdf');
    const text = execFileSync('pdftotext', [await download.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(`学生：${student.name}`);
    expect(text).toContain(`资助金额合计：${yuan(letter.total)}元`);
    await dialog.getByText('打印文件已生成', { exact: false }).waitFor();
  }, 180_000);

  it('school1 reads a letter’s payments and text, and marks letters delivered from the list', async () => {
    const page = await loginToPanel(stack.baseUrl, 'school1', browsers);
    await page.goto(`${stack.baseUrl}/#/letters/${letter.id}/show`);
    const payments = page.getByTestId('letter-payments');
    await payments.waitFor();
    await payments.getByText(yuan(letter.payments[0].amount)).first().waitFor();
    await page.getByText('致家长的一封信', { exact: false }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/letter-show.png`, fullPage: true });

    const filter = encodeURIComponent(JSON.stringify({ status: 'generated' }));
    await page.goto(`${stack.baseUrl}/#/letters?filter=${filter}`);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const generated = async () => {
      const response = await stack.api.request('GET', `/api/letters?filter=${encodeURIComponent(JSON.stringify({ schoolId: 1, status: 'generated' }))}`, { token: await stack.api.login('school1') });
      return Number(response.headers.get('content-range')?.split('/')[1]);
    };
    const before = await generated();
    await rows.first().locator('input[type="checkbox"]').check();
    await page.getByRole('button', { name: '登记送达/回执' }).click();
    const dialog = page.getByTestId('mark-letters-dialog');
    await dialog.getByTestId('mark-date').fill('2026-05-20');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('已登记 1 封', { exact: false }).waitFor();
    expect(await generated()).toBe(before - 1);
  }, 120_000);

  it('a parent on a phone, without logging in, sees the payment of their child', async () => {
    const browser = await launchBrowser();
    browsers.push(browser);
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.baseUrl}/#/aid-query`);
    await page.getByRole('heading', { name: '学生资助发放查询' }).waitFor();
    await page.getByRole('textbox', { name: '学生姓名' }).fill(student.name);
    await page.getByRole('textbox', { name: '学生身份证号' }).fill(student.idNumber);
    await page.getByRole('button', { name: '查询' }).click();
    const result = page.getByTestId('aid-query-result');
    await result.waitFor();
    for (const payment of letter.payments ?? (await apiOk(stack.api, 'GET', `/api/letters/${letter.id}`, await stack.api.login('school1'))).payments) {
      await result.getByText(payment.program).first().waitFor();
      await result.getByText(`${yuan(payment.amount)} 元`).first().waitFor();
    }
    await result.getByText('2026年春季学期', { exact: false }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/aid-query-phone.png`, fullPage: true });
    // No login was asked for: the page stayed where the QR code leads.
    expect(page.url()).toMatch(/#\/aid-query$/);
  }, 120_000);
});
