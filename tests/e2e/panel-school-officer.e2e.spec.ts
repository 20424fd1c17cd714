import { ID_NUMBER_MESSAGES, idNumberCheckChar } from '@zizhu/schema';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startStack } from '../support/stack';

/**
 * A school officer (学校资助专干) keeps student records in the panel: finds a student,
 * mistypes an ID number and is stopped on the input itself, then corrects a grade.
 */
describe('panel: school officer edits a student', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  /** Writes the panel sent to the API, e.g. "PUT /api/students/12". */
  const writes: string[] = [];
  let studentPath = '';
  let studentName = '';

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    page = browser.page;
    page.on('request', (request) => {
      if (request.method() !== 'GET') writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** The record as the API gives it to the logged-in officer (masked where it masks). */
  const fetchStudent = (path: string): Promise<Record<string, unknown>> =>
    page.evaluate(async (url) => {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${localStorage.getItem('zizhu.token')}` } });
      return (await response.json()) as Record<string, unknown>;
    }, `/api${path}`);

  const rows = () => page.getByRole('table').locator('tbody').getByRole('row');

  /** Waits until the list shows rows and every cell of a column matches (the refetch is async). */
  const everyCell = (column: string, match: 'equals' | 'startsWith', value: string) =>
    page.waitForFunction(
      ({ column, match, value }) => {
        const texts = [...document.querySelectorAll(`table tbody td.column-${column}`)].map((cell) => (cell.textContent ?? '').trim());
        return texts.length > 0 && texts.every((text) => (match === 'equals' ? text === value : text.startsWith(value)));
      },
      { column, match, value },
    );

  it('logs in as school1 and is welcomed as a school officer', async () => {
    await page.goto(stack.baseUrl);
    await page.getByRole('textbox', { name: '用户名' }).fill('school1');
    await page.getByRole('textbox', { name: '密码' }).fill('Zizhu@2026');
    await page.getByRole('button', { name: '登录' }).click();

    await page.getByText('您的身份是「学校资助专干」', { exact: false }).waitFor();
    await page.getByRole('menuitem', { name: '学生', exact: true }).waitFor();
    expect(await page.getByRole('menuitem', { name: '用户' }).count()).toBe(0);
  }, 60_000);

  it('filters the student list by stage, then searches by name', async () => {
    await page.getByRole('menuitem', { name: '学生', exact: true }).click();
    await page.getByRole('columnheader', { name: '姓名' }).waitFor();
    await rows().first().waitFor();
    const stage = (await rows().first().locator('td.column-stage').innerText()).trim();

    await page.getByRole('button', { name: '添加搜索条件' }).click();
    await page.getByRole('menuitemcheckbox', { name: '学段' }).click();
    await page.getByRole('combobox', { name: '学段' }).click();
    await page.getByRole('option', { name: stage, exact: true }).click();
    await page.waitForURL(/stage/);
    await everyCell('stage', 'equals', stage);

    studentName = (await rows().first().locator('td.column-name').innerText()).trim();
    await page.getByRole('textbox', { name: '检索' }).fill(studentName);
    await page.waitForURL((url) => decodeURIComponent(url.toString()).includes(studentName));
    await everyCell('name', 'startsWith', studentName);
  }, 60_000);

  it('shows a wrong check digit on the ID number input and saves nothing', async () => {
    await page.getByRole('cell', { name: studentName, exact: true }).first().click();
    await page.waitForURL(/#\/students\/\d+$/);
    studentPath = new URL(page.url()).hash.slice(1);
    const before = await fetchStudent(studentPath);

    const idNumber = page.getByRole('textbox', { name: '身份证号' });
    await idNumber.waitFor();
    const first17 = '45090220100228111';
    const wrongCheck = idNumberCheckChar(first17) === '1' ? '2' : '1';
    const writesBefore = writes.length;
    await idNumber.fill(first17 + wrongCheck);
    await page.getByRole('button', { name: '保存' }).click();

    await page.locator('input[name="idNumber"][aria-invalid="true"]').waitFor();
    const helperId = await idNumber.getAttribute('aria-describedby');
    await page.locator(`[id="${helperId}"]`).getByText(ID_NUMBER_MESSAGES.checkDigit.zh).waitFor();

    expect(writes.slice(writesBefore)).toEqual([]);
    const after = await fetchStudent(studentPath);
    expect(after.version).toBe(before.version);
    expect(after.idNumber).toBe(before.idNumber);
  }, 60_000);

  it('saves a corrected grade once the ID number is left as it was', async () => {
    const before = await fetchStudent(studentPath);
    await page.getByRole('textbox', { name: '身份证号' }).fill(String(before.idNumber));
    const grade = page.getByRole('textbox', { name: '年级' });
    const newGrade = (await grade.inputValue()) === '高三' ? '高二' : '高三';
    await grade.fill(newGrade);
    await page.getByRole('button', { name: '保存' }).click();

    await page.getByText('条目已更新').waitFor();
    await page.waitForURL(/#\/students(\?.*)?$/);
    expect(writes).toContain(`PUT /api${studentPath}`);
    const after = await fetchStudent(studentPath);
    expect(after.grade).toBe(newGrade);
    expect(after.version).toBe(Number(before.version) + 1);
    expect(after.idNumber).toBe(before.idNumber);
    await rows().filter({ hasText: studentName }).locator('td.column-grade').getByText(newGrade).first().waitFor();
  }, 60_000);
});
