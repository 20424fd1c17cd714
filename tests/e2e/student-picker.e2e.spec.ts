import { idNumberCheckChar } from '@zizhu/schema';
import type { Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

/**
 * Every student picker tells namesakes apart: typing a name lists each 黄小燕 with her masked
 * ID number, school and class; typing a full ID number finds exactly one. The options come
 * from the students declaration (`optionFields`), so the omission form shows them unasked.
 */
describe('panel: the student picker', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  const twins: Rec[] = [];
  let school: Rec;

  beforeAll(async () => {
    stack = await startStack();
    const token = await stack.api.login('school1');
    [school] = (await apiOk(stack.api, 'GET', '/api/schools?range=[0,0]', token)) as Rec[];
    for (const [i, className] of ['1班', '2班'].entries()) {
      const first17 = `45090220090${701 + i}${i + 5}21`;
      twins.push(
        await apiOk(stack.api, 'POST', '/api/students', token, {
          idNumber: first17 + idNumberCheckChar(first17),
          name: '同名测试生',
          schoolId: school.id,
          stage: school.stages[0],
          grade: '高一',
          className,
          status: 'enrolled',
        }),
      );
    }
  }, 300_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  /** Types into the picker and waits for the API's answer to that search. */
  const search = async (page: Page, text: string) => {
    const answered = page.waitForResponse((r) => r.url().includes('/api/students?') && decodeURIComponent(r.url()).includes(`"q":"${text}"`));
    await page.getByRole('combobox', { name: '学生' }).fill(text);
    await answered;
  };

  it('shows name, masked ID number, school and class, and finds a student by name or full ID number', async () => {
    const page = await loginToPanel(stack.baseUrl, 'school1', browsers);
    await page.goto(`${stack.baseUrl}/#/omissions/create`);
    const picker = page.getByRole('combobox', { name: '学生' });
    await search(page, '同名测试');
    const options = page.getByRole('option');
    await page.waitForFunction(() => document.querySelectorAll('[role=option]').length === 2);
    await options.filter({ hasText: school.name }).nth(1).waitFor();
    const texts = await options.allTextContents();
    for (const twin of twins) {
      expect(texts).toContainEqual(`同名测试生 · ${twin.idNumber} · ${school.name} · 高一 · ${twin.className}`);
      expect(twin.idNumber).toMatch(/^\d{4}\*+\w{4}$/);
    }
    await page.screenshot({ path: '/tmp/zizhu-student-picker.png' });

    await options.filter({ hasText: '2班' }).click();
    expect(await picker.inputValue()).toBe('同名测试生');

    // A full ID number finds the one student: the picker asks the API's `q` (name prefix or exact ID number).
    const plain = (await apiOk(stack.api, 'POST', `/api/students/${twins[0].id}/reveal`, await stack.api.login('admin'), { field: 'idNumber' })).value as string;
    await search(page, plain);
    await page.waitForFunction(() => document.querySelectorAll('[role=option]').length === 1);
    expect(await options.allTextContents()).toEqual([`同名测试生 · ${twins[0].idNumber} · ${school.name} · 高一 · 1班`]);
    await options.first().click();

    await page.getByRole('combobox', { name: '身份类型' }).fill('孤儿');
    await page.getByRole('option', { name: '孤儿' }).click();
    await page.getByRole('textbox', { name: '补录理由' }).fill('民政名单漏报');
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/omissions'));
    await page.getByRole('button', { name: '保存' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    expect(((await response.json()) as Rec).studentId).toBe(twins[0].id);
  }, 180_000);
});
