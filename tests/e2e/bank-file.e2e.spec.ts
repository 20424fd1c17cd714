import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { approvedRoster, fundProgram, studentsOf } from '@zizhu/api/testing/funds.fixtures';
import type { Json } from '@zizhu/api/testing/test-app';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

/**
 * A batch's page for finance: its figures under labels that say what they count, its
 * payment lines, the student left out for want of an account (and why), and the bank
 * payment file downloaded with full account numbers.
 */
describe('panel: finance opens a payment batch and downloads the bank file', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let page: Page;
  let batch: Rec;
  let students: Rec[];
  let lines: Rec[];
  const today = new Date().toISOString().slice(0, 10);

  const api = (method: string, path: string, token: string, body?: unknown) => apiOk(stack.api, method, path, token, body);

  beforeAll(async () => {
    stack = await startStack();
    const [admin, school1, yuzhou, finance] = await Promise.all(['admin', 'school1', 'yuzhou', 'finance'].map((u) => stack.api.login(u)));
    const program = await api('POST', '/api/programs', admin, fundProgram({ code: 'E2E-BANK', name: '代发测试助学金' }));
    students = await studentsOf(stack.api, school1, 1, 4);
    // The fourth student has no aid card yet: the batch leaves them out.
    const last = await api('GET', `/api/students/${students[3].id}`, admin);
    await api('PUT', `/api/students/${last.id}`, admin, { bankAccount: null, version: last.version });
    await approvedRoster(stack.api, [school1, school1, yuzhou, finance], { programId: program.id, year: 2017, term: 'autumn', schoolId: 1 }, students.map((s, i) => ({ studentId: s.id, tier: i === 0 ? 'T1' : 'T2' })));
    batch = await api('POST', '/api/disbursement-batches', finance, { programId: program.id, year: 2017, term: 'autumn', method: 'aidCard', date: today });
    lines = await api('GET', `/api/disbursements?filter=${encodeURIComponent(JSON.stringify({ batchId: batch.id }))}&sort=["id","ASC"]`, admin);
    page = await loginToPanel(stack.baseUrl, 'finance', browsers);
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('shows the batch’s figures, its lines and the student left out with the reason', async () => {
    await page.goto(`${stack.baseUrl}/#/disbursement-batches/${batch.id}/show`);
    await page.getByText('应发笔数').first().waitFor();
    for (const label of ['应发金额', '成功笔数', '成功金额', '失败笔数']) await page.getByText(label, { exact: true }).first().waitFor();
    const table = page.getByTestId('batch-lines');
    await table.locator('tbody tr').nth(2).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    for (const line of lines) await table.getByText(line.serialNo, { exact: true }).waitFor();

    const leftOut = page.getByTestId('batch-left-out');
    await leftOut.getByText('缺少资助卡号/银行账号').waitFor();
    expect(await leftOut.locator('tbody tr').count()).toBe(1);
    await leftOut.getByText(students[3].name).waitFor();
    await page.getByTestId('left-out-help').waitFor();
    await page.screenshot({ path: '/tmp/zizhu-funds-batch.png', fullPage: true });
  }, 120_000);

  it('downloads the bank payment file with full accounts and the totals', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '银行代发文件（Excel）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^银行代发-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    const accounts = lines.map((_, i) => sheet.getRow(i + 2).getCell(4).value);
    // The list masks accounts for finance; the admin's list has them whole, as the bank file must.
    expect(accounts).toEqual(lines.map((l) => l.account));
    expect(accounts.every((a) => /^\d{8,32}$/.test(String(a)))).toBe(true);
    expect([sheet.getRow(5).getCell(2).value, sheet.getRow(5).getCell(3).value, sheet.getRow(5).getCell(5).value]).toEqual(['合计', '3 笔', 3250]);
  }, 120_000);
});
