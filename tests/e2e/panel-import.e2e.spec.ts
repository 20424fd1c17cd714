import { idNumberCheckChar } from '@zizhu/schema';
import { Workbook } from 'exceljs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startStack } from '../support/stack';

/** Chinese resident ID number with a correct check character (or a wrong one). */
function idNumber(first17: string, correct = true): string {
  const check = idNumberCheckChar(first17);
  return first17 + (correct ? check : check === '1' ? '2' : '1');
}

/**
 * A roster the way schools receive them from the bureau: a merged title row, a "reporting
 * unit" line, then the header. Household codes are Nanning's (4501xx): the demo students
 * are all from 玉林 (4509xx), so these ID numbers are new.
 */
async function rosterWorkbook(schoolCode: string): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('学生名单');
  sheet.addRow(['玉林市第一中学学生名单']);
  sheet.mergeCells('A1:F1');
  sheet.addRow(['填报单位：玉林市第一中学（盖章）　　填报日期：2026年3月2日']);
  sheet.addRow(['身份证号', '姓名', '学校标识码', '学段', '年级', '学籍状态']);
  const rows: string[][] = [
    [idNumber('45010220090315101'), '导入测试甲', schoolCode, '普高', '高一', '在读'],
    [idNumber('45010220090621202'), '导入测试乙', schoolCode, '普高', '高一', '在读'],
    [idNumber('45010220081109303'), '导入测试丙', schoolCode, '普高', '高二', '在读'],
    [idNumber('45010220080204404'), '导入测试丁', schoolCode, '普高', '高二', '休学'],
    // Row 8: the last character does not match the first 17.
    [idNumber('45010220070817505', false), '导入测试戊', schoolCode, '普高', '高三', '在读'],
    // Row 9: no such stage (高校 would be right).
    [idNumber('45010220071230606'), '导入测试己', schoolCode, '大学', '高三', '在读'],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).numFmt = '@';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A school officer imports a roster from Excel: downloads nothing, uploads the bureau's
 * file, sees what would change and which rows are wrong, imports the correct rows, then
 * finds the new students in the list and exports them again.
 */
describe('panel: school officer imports a student roster', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let token = '';
  let roster: Buffer;
  let jobPath = '';
  let failedJobId = 0;

  /** Screenshots for a human to look at, when ZIZHU_E2E_SCREENSHOTS names a folder. */
  const shot = async (name: string): Promise<void> => {
    const dir = process.env.ZIZHU_E2E_SCREENSHOTS;
    if (dir) await page.screenshot({ path: join(dir, `panel-import-${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    stack = await startStack();
    token = await stack.api.login('school1');
    const schools = await stack.api.request<{ code: string }[]>('GET', '/api/schools', { token });
    expect(schools.status).toBe(200);
    expect(schools.body).toHaveLength(1);
    roster = await rosterWorkbook(schools.body[0].code);
    browser = await launchBrowser();
    page = browser.page;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  it('opens the import wizard from the student list', async () => {
    await page.goto(stack.baseUrl);
    await page.getByRole('textbox', { name: '用户名' }).fill('school1');
    await page.getByRole('textbox', { name: '密码' }).fill('Zizhu@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('menuitem', { name: '学生', exact: true }).click();
    await page.getByRole('columnheader', { name: '姓名' }).waitFor();

    await page.getByRole('link', { name: '导入', exact: true }).click();
    await page.waitForURL(/#\/import\/students$/);
    await page.locator('#react-admin-title').getByText('导入学生').waitFor();
    await page.getByRole('button', { name: '下载导入模板' }).waitFor();
    await page.getByText('保留表头行', { exact: false }).waitFor();
    expect(await page.getByRole('radio', { name: /新增或更新/ }).isChecked()).toBe(true);
    // The limits, as the API publishes them.
    expect(await page.getByTestId('import-limits').innerText()).toBe(
      '文件不超过 512 MB，最多 2,000,000 行、1,000 列，每个单元格不超过 32,767 个字符（CSV 每行不超过 1,000,000 字节），文件名不超过 255 个字符。',
    );
    await shot('1-wizard');
  }, 60_000);

  it('refuses a file without a header row in the upload step, saying why', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('名单').addRows([['甲', '乙'], ['1', '2']]);
    await page.locator('input[type="file"]').setInputFiles({
      name: '没有表头.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await page.getByRole('button', { name: '上传并检查' }).click();
    const error = page.getByTestId('upload-error');
    await error.getByText('没有找到表头行', { exact: false }).waitFor();
    expect(await error.innerText()).toContain('“身份证号”“姓名”');
    expect(new URL(page.url()).hash).toBe('#/import/students');
    await shot('1b-no-header');
  }, 60_000);

  it('uploads the roster and shows the check result: counts and the two wrong rows', async () => {
    await page.locator('input[type="file"]').setInputFiles({
      name: '玉林市第一中学学生名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: roster,
    });
    await page.getByText('玉林市第一中学学生名单.xlsx').waitFor();
    await page.getByRole('button', { name: '上传并检查' }).click();

    await page.waitForURL(/#\/imports\/\d+$/);
    jobPath = new URL(page.url()).hash.slice(1);
    const progress = page.getByRole('progressbar');
    await progress.waitFor();
    await page.locator('[data-testid="import-job"][data-status="validated"]').waitFor({ timeout: 30_000 });
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    await page.getByText('已读取 6 / 6 行').waitFor();

    // The header was found under the title and "填报单位" lines, each column matched.
    const mapping = page.getByTestId('import-mapping');
    await mapping.getByText('第 3 行', { exact: false }).waitFor();
    expect(await mapping.getByRole('combobox').count()).toBe(6);

    const count = (key: string) => page.locator(`[data-count="${key}"] [data-value]`).innerText();
    expect(await count('new')).toBe('4');
    expect(await count('toUpdate')).toBe('0');
    expect(await count('invalid')).toBe('2');
    await page.getByText('共 6 行数据').waitFor();

    const errors = page.getByRole('table', { name: '有误的行' }).locator('tbody tr');
    expect(await errors.count()).toBe(2);
    expect(await errors.nth(0).locator('td').allInnerTexts()).toEqual(['8', '身份证号', expect.stringContaining('校验位')]);
    expect((await errors.nth(1).locator('td').allInnerTexts()).slice(0, 2)).toEqual(['9', '学段']);
    await page.getByRole('button', { name: '下载错误报告' }).waitFor();
    await shot('2-validated');
  }, 60_000);

  it('re-matches a column and has the file checked again', async () => {
    const grade = page.getByRole('combobox', { name: '“年级”列导入到' });
    const remap = async (option: string, field: string | null): Promise<void> => {
      await grade.click();
      const [request] = await Promise.all([
        page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith(`/api${jobPath}/mapping`)),
        page.getByRole('option', { name: option, exact: true }).click(),
      ]);
      expect(request.postDataJSON()).toEqual({ columns: expect.objectContaining({ '5': field, '1': 'idNumber' }) });
      // The new mapping shows once the re-check has started; then wait for it to end.
      await grade.getByText(option).waitFor();
      await page.locator('[data-testid="import-job"][data-status="validated"]').waitFor({ timeout: 30_000 });
    };
    await remap('忽略此列', null);
    await remap('年级', 'grade');
    expect(await page.locator('[data-count="new"] [data-value]').innerText()).toBe('4');
  }, 60_000);

  it('imports the correct rows only and says what it wrote', async () => {
    expect(await page.getByRole('radio', { name: '只导入正确的行' }).isChecked()).toBe(true);
    await page.getByText('将新增 4 条、更新 0 条记录。', { exact: false }).waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();

    await page.locator('[data-testid="import-job"][data-status="committed"]').waitFor({ timeout: 30_000 });
    await page.getByText('导入完成：新增 4 条，更新 0 条。').waitFor();
    await shot('3-committed');

    const imported = await stack.api.request<{ name: string }[]>(
      'GET',
      `/api/students?filter=${encodeURIComponent(JSON.stringify({ q: '导入测试' }))}`,
      { token },
    );
    expect(imported.body.map((student) => student.name).sort()).toEqual(['导入测试丁', '导入测试丙', '导入测试乙', '导入测试甲']);
  }, 60_000);

  it('finds a new student in the list by name', async () => {
    await page.getByRole('link', { name: '查看学生列表' }).click();
    await page.waitForURL(/#\/students/);
    await page.getByRole('textbox', { name: '检索' }).fill('导入测试乙');
    await page.waitForURL((url) => decodeURIComponent(url.toString()).includes('导入测试乙'));
    // One row left once the search has been applied (the first page already showed the new students).
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    await page.getByRole('cell', { name: '导入测试乙', exact: true }).waitFor();
    await shot('4-list');
  }, 60_000);

  it('exports the filtered list as Excel with the Chinese file name', async () => {
    await page.getByRole('textbox', { name: '检索' }).fill('导入测试');
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 4);
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^学生-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const workbook = new Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    let nameColumn = 0;
    sheet.getRow(1).eachCell((cell, column) => {
      if (cell.value === '姓名') nameColumn = column;
    });
    expect(nameColumn).toBeGreaterThan(0);
    const names: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) names.push(String(row.getCell(nameColumn).value));
    });
    expect(names.filter((name) => name.startsWith('导入测试')).sort()).toEqual(['导入测试丁', '导入测试丙', '导入测试乙', '导入测试甲']);
  }, 60_000);

  it('lists the import in the import history by the resource’s label, which opens the job page', async () => {
    await page.getByRole('menuitem', { name: '导入记录' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '玉林市第一中学学生名单.xlsx' }) });
    await row.getByRole('cell', { name: '学生', exact: true }).waitFor();
    expect(await row.innerText()).not.toContain('students');
    await shot('5-history');
    await row.getByRole('cell', { name: '玉林市第一中学学生名单.xlsx' }).click();
    await page.waitForURL((url) => new URL(url).hash === `#${jobPath}`);
    await page.getByText('导入完成：新增 4 条，更新 0 条。').waitFor();
  }, 60_000);

  it('imports a file in one pass (边读边导入): written as read, the failing row offered for download', async () => {
    await page.goto(`${stack.baseUrl}/#/import/students`);
    const workbook = new Workbook();
    const schools = await stack.api.request<{ code: string }[]>('GET', '/api/schools', { token });
    workbook.addWorksheet('名单').addRows([
      ['身份证号', '姓名', '学校标识码', '学段', '年级', '学籍状态'],
      [idNumber('45010220090411701'), '直接导入甲', schools.body[0].code, '普高', '高一', '在读'],
      [idNumber('45010220090412702'), '直接导入乙', schools.body[0].code, '普高', '高一', '在读'],
      [idNumber('45010220090413703', false), '直接导入错', schools.body[0].code, '普高', '高一', '在读'],
    ]);
    await page.locator('input[type="file"]').setInputFiles({
      name: '直接导入.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    // A small file is previewed unless the officer asks otherwise.
    const oneBy = page.getByRole('switch', { name: '边读边导入（不预览，适合大文件）' });
    expect(await oneBy.isChecked()).toBe(false);
    await oneBy.check();
    await page.getByRole('checkbox', { name: /全部正确才导入/ }).waitFor();
    await shot('8-commit-while-reading');
    await page.getByRole('button', { name: '上传并导入' }).click();

    await page.waitForURL(/#\/imports\/\d+$/);
    await page.locator('[data-testid="import-job"][data-status="committed"]').waitFor({ timeout: 30_000 });
    await page.getByText('导入完成：新增 2 条，更新 0 条。').waitFor();
    const errors = page.getByRole('table', { name: '有误的行' }).locator('tbody tr');
    expect(await errors.count()).toBe(1);
    expect((await errors.nth(0).locator('td').allInnerTexts()).slice(0, 2)).toEqual(['4', '身份证号']);
    await page.getByRole('button', { name: '下载错误报告' }).waitFor();
    await shot('9-committed-while-read');
    const imported = await stack.api.request<unknown[]>('GET', `/api/students?filter=${encodeURIComponent(JSON.stringify({ q: '直接导入' }))}`, { token });
    expect(imported.body).toHaveLength(2);
  }, 60_000);

  it('shows a failed import’s record with its message in the current language', async () => {
    // A file with a header but no ID number column: validation fails with a message.
    const workbook = new Workbook();
    workbook.addWorksheet('名单').addRows([['姓名', '学段'], ['无证号', '普高']]);
    const form = new FormData();
    form.set('resource', 'students');
    form.set('file', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]), '缺少身份证号.xlsx');
    const response = await fetch(`${stack.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const { id } = (await response.json()) as { id: number };
    failedJobId = id;
    for (let i = 0; i < 100; i++) {
      const job = await stack.api.request<{ status: string }>('GET', `/api/imports/${id}`, { token });
      if (job.body.status !== 'validating') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.goto(`${stack.baseUrl}/#/imports/${id}/show`);
    const message = page.locator('[data-field="message"]');
    await message.getByText('文件中缺少“身份证号”列', { exact: false }).waitFor();
    expect(await message.innerText()).not.toContain('{');
    expect(await page.locator('[data-field="resource"]').innerText()).toBe('学生');
    await shot('6-show-zh');
  }, 60_000);

  it('shows the same record in English once English is chosen at login', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${stack.baseUrl}/#/login`);
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('textbox', { name: 'Username' }).fill('school1');
    await page.getByRole('textbox', { name: 'Password' }).fill('Zizhu@2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Imports' }).waitFor();
    await page.goto(`${stack.baseUrl}/#/imports/${failedJobId}/show`);
    await page.locator('[data-field="message"]').getByText('The file needs a', { exact: false }).waitFor();
    expect(await page.locator('[data-field="resource"]').innerText()).toBe('Students');
    await shot('7-show-en');
  }, 60_000);
});
