import type { Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/**
 * 问题线索 in the panel: an overdue clue is flagged in school1's list; school1 answers it
 * (属实, its finding and rectification, an evidence file); the county sees the answer and
 * the file and accepts it, which closes the clue.
 */
describe('panel: a school answers a problem clue, the county accepts it', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let clue: Rec;
  let county = '';

  const login = (username: string): Promise<Page> => loginToPanel(stack.baseUrl, username, browsers);

  beforeAll(async () => {
    stack = await startStack();
    county = await stack.api.login('yuzhou');
    const school = await stack.api.login('school1');
    const [student] = await apiOk(stack.api, 'GET', '/api/students?sort=["id","ASC"]&range=[0,0]', school);
    clue = await apiOk(stack.api, 'POST', '/api/clues', county, {
      source: 'audit', kind: '浏览器测试：非寄宿生领取寄宿补助', description: '审计抽查：该生走读', schoolId: student.schoolId, studentId: student.id, dueDate: '2020-01-31',
    });
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('school1 sees the clue flagged overdue and answers it with an evidence file', async () => {
    const page = await login('school1');
    await page.goto(`${stack.baseUrl}/#/clues`);
    const row = page.locator('tr', { hasText: '浏览器测试：非寄宿生领取寄宿补助' });
    await row.getByTestId('overdue-flag').waitFor();
    await row.getByText('浏览器测试：非寄宿生领取寄宿补助').click();
    await page.getByTestId('clue-workflow').getByTestId('clue-overdue').waitFor();
    await page.getByRole('button', { name: '反馈核实情况' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '核实结论' }).click();
    await page.getByRole('option', { name: '属实', exact: true }).click();
    await dialog.getByLabel('核实情况').fill('经入户核实，该生为走读生');
    await dialog.getByRole('button', { name: '提交反馈' }).click();
    // Confirmed without a rectification: the API's message stays on its input.
    await dialog.getByText('线索属实，请填写整改情况').waitFor();
    await dialog.getByLabel('整改情况').fill('已停发并追回寄宿生补助 625 元');
    await dialog.getByTestId('file-input-evidenceFileId').locator('input[type=file]').setInputFiles({ name: '入户核实记录.pdf', mimeType: 'application/pdf', buffer: EVIDENCE_PDF });
    await dialog.getByText('入户核实记录.pdf').waitFor();
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/clues/${clue.id}/answer`));
    await dialog.getByRole('button', { name: '提交反馈' }).click();
    expect((await answered).status()).toBe(200);
    await page.getByTestId('clue-status').getByText('已反馈').waitFor();
    await page.getByText('等待区县审核学校的反馈').waitFor();
    await page.screenshot({ path: '/tmp/zizhu-clue-answered.png', fullPage: true });
  }, 120_000);

  it('the county sees the answer and its file, and accepts it', async () => {
    const page = await login('yuzhou');
    await page.goto(`${stack.baseUrl}/#/clues/${clue.id}`);
    await page.getByTestId('clue-workflow').waitFor();
    await page.getByText('入户核实记录.pdf').first().waitFor();
    await page.getByText('已停发并追回寄宿生补助 625 元').waitFor();
    await page.getByTestId('clue-history').getByText('经入户核实，该生为走读生').waitFor();
    await page.getByTestId('clue-workflow').getByRole('button', { name: '办结' }).click();
    const accepted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/clues/${clue.id}/accept`));
    await page.getByRole('dialog').getByRole('button', { name: '办结' }).click();
    expect((await accepted).status()).toBe(200);
    await page.getByTestId('clue-status').getByText('已办结').waitFor();
    expect(await page.getByTestId('clue-overdue').count()).toBe(0);
    await page.getByTestId('clue-history').getByText('办结', { exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/zizhu-clue-closed.png', fullPage: true });
    expect(await apiOk(stack.api, 'GET', `/api/clues/${clue.id}`, county)).toMatchObject({ status: 'closed', verdict: 'confirmed', overdue: false, evidenceFileId: expect.any(Number) });
  }, 120_000);
});
