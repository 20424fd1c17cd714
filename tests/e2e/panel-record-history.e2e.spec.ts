import { idNumberBorn, importStudents } from '@zizhu/api/testing/imports.fixtures';
import { listQuery } from '@zizhu/api/testing/test-app';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

/**
 * A county officer opens a student a school imported and then corrected by a second import:
 * the record's 修改记录 names both imports (导入批次 N, with the file), what the second one
 * changed (only the grade), and leads to the import's own page.
 */
describe('panel: a record history shows the imports that wrote it', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    page = await loginToPanel(stack.baseUrl, 'yuzhou', browsers);
  }, 120_000);
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('lists 导入批次 N with what it changed and opens the import', async () => {
    const school1 = await stack.api.login('school1');
    const [{ code }] = (await stack.api.request('GET', `/api/schools${listQuery({})}`, { token: school1 })).body;
    const number = idNumberBorn('20160101', 1);
    const first = await importStudents(stack.api, school1, [['身份证号', '姓名', '学校标识码', '学段', '年级', '学籍状态'], [number, '历史甲', code, '普高', '高一', '在读']], '秋季名单.xlsx');
    const second = await importStudents(stack.api, school1, [['身份证号', '年级'], [number, '高二']], '升级名单.xlsx');
    expect([first.counts.inserted, second.counts.updated]).toEqual([1, 1]);
    const [student] = (await stack.api.request('GET', `/api/students${listQuery({ filter: { q: '历史甲' } })}`, { token: school1 })).body;

    await page.goto(`${stack.baseUrl}/#/students/${student.id}/show`);
    const history = page.getByTestId('record-history');
    await history.getByText(`导入批次 ${second.id}（升级名单.xlsx）`).waitFor();
    expect(await history.getByText('修改记录').count()).toBe(1);
    const rows = history.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toContain('年级：高一 → 高二');
    expect(await rows.nth(0).innerText()).not.toContain('身份证号');
    expect(await rows.nth(1).innerText()).toContain(`导入批次 ${first.id}（秋季名单.xlsx）`);
    expect(await rows.nth(1).innerText()).toContain('按导入文件新增');
    const shots = process.env.ZIZHU_E2E_SCREENSHOTS;
    if (shots) await page.screenshot({ path: join(shots, 'panel-record-history.png'), fullPage: true });

    await history.getByRole('link', { name: `导入批次 ${first.id}（秋季名单.xlsx）` }).click();
    await page.waitForURL(`**/#/imports/${first.id}`);
  });
});
