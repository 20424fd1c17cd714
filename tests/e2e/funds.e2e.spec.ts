import type { Page } from 'playwright-core';
import { approvedRoster, bankFile, fundProgram, studentsOf } from '@zizhu/api/testing/funds.fixtures';
import type { Json } from '@zizhu/api/testing/test-app';
import { launchBrowser } from '../support/browser';
import { apiOk } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

/**
 * Funds in the panel: finance opens the reconciliation (nothing paid yet, 0.00 %), imports
 * the bank's result file on the batch — a file with a bad row is refused whole and its rows
 * listed — and after the good file sees the execution rate change; the home page shows the
 * funds dashboard; an exception is explained, and opened as a problem clue.
 */
describe('panel: bank result import moves the execution rate', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let batch: Rec;
  let lines: Rec[];
  let roster: Rec;
  let yuzhou = '';
  let financeToken = '';
  const today = new Date().toISOString().slice(0, 10);

  const api = (method: string, path: string, token: string, body?: unknown) => apiOk(stack.api, method, path, token, body);

  beforeAll(async () => {
    stack = await startStack();
    const [admin, school1, county, finance] = await Promise.all(['admin', 'school1', 'yuzhou', 'finance'].map((u) => stack.api.login(u)));
    yuzhou = county;
    const program = await api('POST', '/api/programs', admin, fundProgram({ code: 'E2E-FUND', name: '浏览器测试助学金' }));
    const students = await studentsOf(stack.api, school1, 1, 3);
    roster = await approvedRoster(stack.api, [school1, school1, yuzhou, finance], { programId: program.id, year: 2017, term: 'autumn', schoolId: 1 }, students.map((s, i) => ({ studentId: s.id, tier: i === 0 ? 'T1' : 'T2' })));
    // 3,250.00 yuan to pay; 6,500.00 allocated: paid in full it is 50.00 %.
    for (const [source, amount] of [['central', 390000], ['provincial', 195000], ['city', 65000]] as const) {
      await api('POST', '/api/allocations', finance, { programId: program.id, year: 2017, term: 'autumn', source, regionId: '450902', amount, documentNumber: '玉财教〔2017〕88号', date: '2017-09-01' });
    }
    financeToken = finance;
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(stack.baseUrl);
    await page.getByRole('textbox', { name: '用户名' }).fill('finance');
    await page.getByRole('textbox', { name: '密码' }).fill('Zizhu@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('您的身份是', { exact: false }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  // The program's own row: the demo city has funds of its own (2026 spring) in the totals.
  const programRate = async () => {
    await page.goto(`${stack.baseUrl}/#/funds/reconciliation`);
    const cell = page.locator('[data-row^="浏览器测试助学金|"] [data-figure="rate"]');
    await cell.waitFor();
    return (await cell.textContent())?.trim();
  };

  it('shows the funds dashboard on the home page', async () => {
    await page.getByTestId('funds-dashboard').waitFor();
    await page.getByTestId('program-chart').waitFor();
    expect(await page.locator('[data-program="浏览器测试助学金"]').getAttribute('data-allocated')).toBe('650000');
    await page.screenshot({ path: '/tmp/zizhu-funds-dashboard.png', fullPage: true });
  }, 120_000);

  it('creates the payment batch from the approved roster with the ordinary form', async () => {
    await page.goto(`${stack.baseUrl}/#/disbursement-batches/create`);
    await page.getByRole('combobox', { name: '资助项目' }).fill('浏览器测试');
    await page.getByRole('option', { name: '浏览器测试助学金' }).click();
    await page.getByRole('spinbutton', { name: '年度' }).fill('2017');
    await page.getByRole('combobox', { name: '学期' }).click();
    await page.getByRole('option', { name: '秋季学期', exact: true }).click();
    await page.getByRole('combobox', { name: '发放区域' }).fill('玉林市');
    await page.getByRole('option', { name: '玉林市', exact: true }).click();
    await page.getByRole('combobox', { name: '发放方式' }).click();
    await page.getByRole('option', { name: '资助卡', exact: true }).click();
    await page.getByLabel('发放日期').fill(today);
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/disbursement-batches'));
    await page.getByRole('button', { name: '保存' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    batch = (await response.json()) as Rec;
    expect(batch).toMatchObject({ lineCount: 3, totalAmount: 325000 });
    lines = (await api('GET', `/api/disbursements?filter=${encodeURIComponent(JSON.stringify({ batchId: batch.id }))}&sort=["id","ASC"]`, financeToken)) as unknown as Rec[];
  }, 120_000);

  it('refuses a bank file with a bad row, then applies the good one and the rate moves from 0 % to 50 %', async () => {
    expect(await programRate()).toBe('0.00%');
    await page.screenshot({ path: '/tmp/zizhu-funds-reconciliation-before.png', fullPage: true });

    await page.goto(`${stack.baseUrl}/#/disbursement-batches/${batch.id}/show`);
    await page.getByRole('button', { name: '导入银行回盘' }).click();
    const bad = await bankFile([
      [lines[0].serialNo, '', '1250.00', '成功', null, today],
      [lines[1].serialNo, '', '1000.00', '失败', null, today],
    ]);
    await page.getByTestId('bank-result-file').setInputFiles({ name: '回盘.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    const errors = page.getByTestId('bank-result-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('第 4 行');
    await page.screenshot({ path: '/tmp/zizhu-funds-bank-refused.png', fullPage: true });

    const good = await bankFile(lines.map((l) => [l.serialNo, '', (l.amount / 100).toFixed(2), '成功', null, today]));
    await page.getByTestId('bank-result-file').setInputFiles({ name: '回盘.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
    await page.getByText('回盘已导入：成功 3 笔', { exact: false }).waitFor();

    expect(await programRate()).toBe('50.00%');
    await page.screenshot({ path: '/tmp/zizhu-funds-reconciliation-after.png', fullPage: true });
  }, 120_000);

  it('lists an exception with its line, and finance explains it', async () => {
    // After payment the county moves the first student to the lower tier: paid 1,250.00, roster now 1,000.00.
    await api('POST', `/api/rosters/${roster.id}/amendments`, yuzhou, { entryId: lines[0].rosterEntryId, tier: 'T2', reason: '档次认定有误' });
    await page.goto(`${stack.baseUrl}/#/funds/exceptions`);
    const row = page.locator(`[data-key="amountMismatch:${lines[0].id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('1,250.00');
    await row.getByRole('button', { name: '说明' }).click();
    await page.getByTestId('explain-note').fill('已追回差额250元');
    await page.getByRole('button', { name: '保存' }).click();
    await row.getByText('已追回差额250元').waitFor();
    await page.screenshot({ path: '/tmp/zizhu-funds-exceptions.png', fullPage: true });
    await page.reload();
    await page.locator(`[data-key="amountMismatch:${lines[0].id}"]`).getByText('已追回差额250元').waitFor();
  }, 120_000);

  it('opens a problem clue from the exception, shown in the generated clue pages', async () => {
    const row = page.locator(`[data-key="amountMismatch:${lines[0].id}"]`);
    await row.getByRole('button', { name: '开立线索' }).click();
    await page.getByTestId('clue-due-date').fill('2027-01-31');
    const opened = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/funds/exceptions/clue'));
    await page.getByRole('dialog').getByRole('button', { name: '开立线索' }).click();
    const clue = (await (await opened).json()) as Rec;
    expect(clue).toMatchObject({ status: 'open', schoolId: 1, dueDate: '2027-01-31' });
    await row.getByRole('link', { name: `#${clue.id} 待核实` }).click();
    await page.getByText('资金对账异常').first().waitFor();
    expect(page.url()).toContain(`/clues/${clue.id}/show`);
    await page.screenshot({ path: '/tmp/zizhu-funds-clue.png', fullPage: true });
  }, 120_000);
});
