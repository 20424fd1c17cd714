import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/**
 * 大数据比对 in the panel: the bureau runs a city-wide comparison; school1's officer
 * confirms one questionable match and rejects another through the generated edit form;
 * 玉州区's officer then opens the city's run (read-only for the county) and sees the
 * school's verification progress as a bar chart.
 */
describe('panel: comparison decisions and verification progress', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let run: Rec;
  let schoolName = '';
  let school: Rec;
  let townshipName = '';
  let omitted: Rec;
  let schoolOfficer = '';
  let confirmedStudent: Rec;
  const listed: Record<'exact' | 'confirm' | 'reject' | 'bulk', string> = { exact: '', confirm: '', reject: '', bulk: '' };

  const api = (method: string, path: string, token: string, body?: unknown) => apiOk(stack.api, method, path, token, body);

  const login = (username: string): Promise<Page> => loginToPanel(stack.baseUrl, username, browsers);

  beforeAll(async () => {
    stack = await startStack();
    const admin = await stack.api.login('admin');
    const schoolToken = await stack.api.login('school1');
    school = (await api('GET', '/api/schools?range=[0,0]', schoolToken))[0];
    schoolOfficer = (await api('GET', '/api/auth/me', schoolToken)).displayName;
    schoolName = school.name;
    townshipName = (await api('GET', `/api/regions/${school.regionId}`, admin)).name;
    const q = encodeURIComponent(JSON.stringify({ schoolId: school.id, status: 'enrolled' }));
    const [exact, confirm, reject, other] = (await api('GET', `/api/students?filter=${q}&sort=["id","ASC"]&range=[0,3]`, admin)) as Rec[];
    omitted = other;
    confirmedStudent = confirm;
    const types = (await api('GET', '/api/identity-types?range=[0,99]', admin)) as Rec[];
    const list = await api('POST', '/api/identity-lists', admin, {
      name: '浏览器测试低保名单', department: 'civilAffairs', identityTypeId: types[1].id, regionId: '450902', batchDate: '2026-09-01',
    });
    listed.exact = exact.name;
    listed.confirm = `${confirm.name}乙`;
    listed.reject = `${reject.name}丙`;
    listed.bulk = `${other.name}丁`;
    await api('POST', '/api/identities', admin, { listId: list.id, idNumber: exact.idNumber, name: listed.exact });
    await api('POST', '/api/identities', admin, { listId: list.id, idNumber: confirm.idNumber, name: listed.confirm });
    await api('POST', '/api/identities', admin, { listId: list.id, idNumber: reject.idNumber, name: listed.reject });
    await api('POST', '/api/identities', admin, { listId: list.id, idNumber: other.idNumber, name: listed.bulk });
    // One exact match in 容县 too, so the city's progress spans two counties.
    const school2 = (await api('GET', '/api/schools?range=[0,0]', await stack.api.login('school2')))[0];
    const q2 = encodeURIComponent(JSON.stringify({ schoolId: school2.id, status: 'enrolled' }));
    const [elsewhere] = (await api('GET', `/api/students?filter=${q2}&sort=["id","ASC"]&range=[0,0]`, admin)) as Rec[];
    await api('POST', '/api/identities', admin, { listId: list.id, idNumber: elsewhere.idNumber, name: elsewhere.name });
    run = await api('POST', '/api/comparisons', admin, { name: '玉林市秋季比对', regionId: '450900', listIds: String(list.id), deadline: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10) });
    await api('POST', `/api/comparisons/${run.id}/run`, admin);
    for (let i = 0; ; i++) {
      const current = await api('GET', `/api/comparisons/${run.id}`, admin);
      if (current.status === 'done') break;
      if (current.status === 'failed' || i > 400) throw new Error(`comparison ${current.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 300_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  });

  /** Opens a result by its name on the list, decides it in the generated form (with an evidence file) and saves. */
  async function decide(page: Page, personName: string, decision: string, reason?: string, evidence?: string): Promise<void> {
    await page.getByRole('menuitem', { name: '比对结果' }).click();
    await page.getByRole('table').locator('tbody').getByRole('row').filter({ hasText: personName }).click();
    await page.getByRole('combobox', { name: '核实结果' }).click();
    await page.getByRole('option', { name: decision, exact: true }).click();
    if (reason) await page.getByRole('textbox', { name: '核实说明' }).fill(reason);
    if (evidence) {
      const input = page.getByTestId('file-input-evidenceFileId');
      // A wrong type is refused in place, in Chinese; a PDF is uploaded and shown by name.
      await input.locator('input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not evidence') });
      await input.getByText('只能上传 PDF、JPG、PNG、Excel（.xlsx）或 Word（.docx）文件').waitFor();
      const uploaded = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/files'));
      await input.locator('input[type=file]').setInputFiles({ name: evidence, mimeType: 'application/pdf', buffer: EVIDENCE_PDF });
      expect((await uploaded).status()).toBe(201);
      await input.getByText(evidence, { exact: false }).waitFor();
    }
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/comparison-results/'));
    await page.getByRole('button', { name: '保存' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('table').waitFor();
  }

  it('lets school1 confirm one questionable match and reject another with a reason', async () => {
    const page = await login('school1');
    await decide(page, listed.confirm, '确认属实');
    await decide(page, listed.reject, '不属实', '户籍信息不符，经核实非本人', '派出所户籍证明.pdf');
    const row = (name: string) => page.getByRole('table').locator('tbody').getByRole('row').filter({ hasText: name });
    await row(listed.confirm).locator('td.column-decision', { hasText: '确认属实' }).waitFor();
    await row(listed.reject).locator('td.column-decision', { hasText: '不属实' }).waitFor();
    // An obvious case confirmed in bulk, with one reason for all.
    await row(listed.bulk).getByRole('checkbox').check();
    await page.getByRole('button', { name: '批量确认' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '核实说明（选填）' }).fill('与学籍档案核对一致');
    const confirmed = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/results/confirm'));
    await dialog.getByRole('button', { name: '确认' }).click();
    expect(await (await confirmed).json()).toEqual({ confirmed: 1, skipped: 0 });
    await page.getByText('已确认 1 条，跳过 0 条').waitFor();
    await row(listed.bulk).locator('td.column-decision', { hasText: '确认属实' }).waitFor();
    const filter = encodeURIComponent(JSON.stringify({ comparisonId: run.id }));
    const stored = (await api('GET', `/api/comparison-results?filter=${filter}&range=[0,99]`, await stack.api.login('admin'))) as Rec[];
    expect(stored.find((r) => r.personName === listed.bulk)).toMatchObject({ decision: 'confirmed', decisionReason: '与学籍档案核对一致' });
    await page.screenshot({ path: '/tmp/zizhu-comparison-results.png' });
    // Who decided shows by name, though a school cannot look users up itself.
    await row(listed.confirm).click();
    await page.locator('#main-content').getByText(schoolOfficer, { exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/zizhu-comparison-decided-by.png' });
  }, 120_000);

  it("shows the county the school's progress in the city's run as a bar: 3 of 4 decided", async () => {
    const page = await login('yuzhou');
    await page.getByRole('menuitem', { name: '大数据比对' }).click();
    const runRow = page.getByRole('table').locator('tbody').getByRole('row').filter({ hasText: run.name });
    // The city's run takes no bulk action from the county (deleting it would be refused).
    expect(await runRow.getByRole('checkbox').isDisabled()).toBe(true);
    await runRow.getByText(run.name).click();
    // The city's run opens read-only for the county: no run or edit buttons.
    await page.waitForURL(/\/comparisons\/\d+\/show/);
    await page.getByRole('link', { name: '核查进度' }).waitFor();
    expect(await page.getByRole('button', { name: '运行比对' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '编辑' }).count()).toBe(0);
    // Its edit page (an old link) opens it read-only instead: no save, no delete.
    await page.goto(`${stack.baseUrl}/#/comparisons/${run.id}`);
    await page.waitForURL(/\/comparisons\/\d+\/show/);
    await page.getByRole('link', { name: '核查进度' }).waitFor();
    expect(await page.getByRole('button', { name: '删除' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
    await page.getByRole('link', { name: '核查进度' }).click();
    await page.waitForURL(/\/comparisons\/\d+\/progress/);
    const chart = page.getByTestId('progress-chart');
    await chart.waitFor();
    const bar = chart.locator(`g[data-school="${schoolName}"]`);
    await bar.waitFor();
    expect(await bar.getAttribute('data-decided')).toBe('3');
    expect(await bar.getAttribute('data-pending')).toBe('1');
    await bar.locator('text', { hasText: '已核实 3 / 共 4' }).waitFor();
    const status = page.getByTestId('deadline-status');
    await status.getByText('未到截止日期', { exact: false }).waitFor();
    await status.getByText('核实中 1 所').waitFor();
    const rects = await bar.locator('rect').evaluateAll((els) => els.map((el) => Number(el.getAttribute('width'))));
    expect(rects[0]).toBeGreaterThan(0);
    expect(rects[1]).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/zizhu-comparison-progress.png' });
  }, 120_000);

  it('lets school1 confirm its exact match in bulk, and its progress moves to done', async () => {
    const page = await login('school1');
    const bar = async () => {
      await page.goto(`${stack.baseUrl}/#/comparisons/${run.id}/progress`);
      const found = page.getByTestId('progress-chart').locator(`g[data-school="${schoolName}"]`);
      await found.waitFor();
      return found;
    };
    // The exact match is what progress still waits on.
    expect(await (await bar()).getAttribute('data-pending')).toBe('1');
    await page.getByRole('menuitem', { name: '比对结果' }).click();
    const row = page.getByRole('table').locator('tbody').getByRole('row').filter({ hasText: listed.exact });
    await row.locator('td.column-outcome', { hasText: '比对一致' }).waitFor();
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: '批量确认' }).click();
    const confirmed = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/results/confirm'));
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    expect(await (await confirmed).json()).toEqual({ confirmed: 1, skipped: 0 });
    await page.getByText('已确认 1 条，跳过 0 条').waitFor();
    await row.locator('td.column-decision', { hasText: '确认属实' }).waitFor();
    const after = await bar();
    expect(await after.getAttribute('data-decided')).toBe('4');
    expect(await after.getAttribute('data-pending')).toBe('0');
    await page.getByTestId('deadline-status').getByText('已完成 1 所').waitFor();
    await page.screenshot({ path: '/tmp/zizhu-comparison-exact-bulk.png' });
  }, 120_000);

  it("lets school1 open the city's run read-only and see only its own progress and deadline", async () => {
    const page = await login('school1');
    await page.getByRole('menuitem', { name: '大数据比对' }).click();
    await page.getByRole('table').locator('tbody').getByRole('row').filter({ hasText: run.name }).getByText(run.name).click();
    await page.waitForURL(/\/comparisons\/\d+\/show/);
    await page.getByText(run.deadline).first().waitFor();
    expect(await page.getByRole('button', { name: '运行比对' }).count()).toBe(0);
    await page.getByRole('link', { name: '核查进度' }).click();
    const chart = page.getByTestId('progress-chart');
    await chart.locator(`g[data-school="${schoolName}"]`).waitFor();
    expect(await chart.locator('g[data-school]').count()).toBe(1);
    await page.screenshot({ path: '/tmp/zizhu-comparison-school-progress.png' });
    // Its summary is the school's own line: four students found, nothing below it.
    await page.goto(`${stack.baseUrl}/#/comparisons/${run.id}/show`);
    await page.getByRole('link', { name: '比对汇总' }).click();
    await page.getByTestId('summary-breadcrumbs').getByText(schoolName).waitFor();
    const total = page.getByTestId('summary-matrix').locator('tr[data-stage="all"]');
    expect(await total.locator('td').nth(2).textContent()).toBe('4');
    await page.screenshot({ path: '/tmp/zizhu-comparison-school-summary.png' });
  }, 120_000);

  it("shows a student's marks on their record: the run, the department list, the decision, the one driving aid", async () => {
    const page = await login('school1');
    await page.goto(`${stack.baseUrl}/#/students/${confirmedStudent.id}`);
    const marks = page.getByTestId('student-marks');
    const row = marks.locator('tbody tr').filter({ hasText: run.name });
    await row.waitFor();
    await row.getByText('浏览器测试低保名单').waitFor();
    await row.getByText('确认属实').waitFor();
    await row.getByText('决定资助档次').waitFor();
    expect(await row.getAttribute('data-drives-aid')).toBe('true');
    await page.screenshot({ path: '/tmp/zizhu-student-marks.png', fullPage: true });
    await row.getByRole('link', { name: run.name }).click();
    await page.waitForURL(new RegExp(`/comparisons/${run.id}/show`));
  }, 120_000);

  it("lets the county open the rejected result and download the school's evidence file", async () => {
    const page = await login('yuzhou');
    await page.getByRole('menuitem', { name: '比对结果' }).click();
    await page.getByRole('table').locator('tbody').getByRole('row').filter({ hasText: listed.reject }).click();
    await page.getByText('派出所户籍证明.pdf', { exact: false }).waitFor();
    const answered = page.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/files\/\d+$/.test(r.url()));
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载' }).click();
    expect((await answered).status()).toBe(200);
    const download = await saved;
    expect(download.suggestedFilename()).toBe('派出所户籍证明.pdf');
    expect((await readFile(await download.path())).equals(EVIDENCE_PDF)).toBe(true);
    await page.screenshot({ path: '/tmp/zizhu-comparison-evidence.png' });
  }, 120_000);

  it('lets school1 flag an omission with a scanned certificate, which the county can open', async () => {
    const page = await login('school1');
    await page.goto(`${stack.baseUrl}/#/omissions/create`);
    const student = page.getByRole('combobox', { name: '学生' });
    await student.fill(omitted.name);
    await page.getByRole('option', { name: omitted.name }).first().click();
    await page.getByRole('combobox', { name: '身份类型' }).fill('孤儿');
    await page.getByRole('option', { name: '孤儿' }).click();
    await page.getByRole('textbox', { name: '补录理由' }).fill('父母双亡，民政名单漏报');
    const input = page.getByTestId('file-input-evidenceFileId');
    const uploaded = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/files'));
    await input.locator('input[type=file]').setInputFiles({ name: '孤儿证.pdf', mimeType: 'application/pdf', buffer: EVIDENCE_PDF });
    expect((await uploaded).status()).toBe(201);
    await input.getByText('孤儿证.pdf', { exact: false }).waitFor();
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/omissions'));
    await page.getByRole('button', { name: '保存' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const omission = (await response.json()) as Rec;
    expect(omission.evidenceFileId).toEqual(expect.any(Number));
    await page.screenshot({ path: '/tmp/zizhu-omission-evidence.png' });

    const county = await login('yuzhou');
    await county.goto(`${stack.baseUrl}/#/omissions/${omission.id}/show`);
    await county.getByText('孤儿证.pdf', { exact: false }).waitFor();
    await county.getByRole('button', { name: '下载' }).waitFor();
  }, 120_000);

  it('lets the admin drill the run summary down from the city through the county to the school', async () => {
    const page = await login('admin');
    await page.goto(`${stack.baseUrl}/#/comparisons/${run.id}/show`);
    await page.getByRole('link', { name: '比对汇总' }).click();
    await page.waitForURL(/\/comparisons\/\d+\/summary/);
    await page.getByTestId('summary-breadcrumbs').getByText('玉林市').waitFor();
    await page.getByTestId('summary-children').getByRole('link', { name: '玉州区' }).click();
    const matrix = page.getByTestId('summary-matrix');
    // 玉州区: four students found (one exact, three questionable), all stages and types.
    await page.getByTestId('summary-breadcrumbs').getByText('玉州区').waitFor();
    const total = matrix.locator('tr[data-stage="all"]');
    await total.waitFor();
    expect(await total.locator('td').nth(2).textContent()).toBe('4');
    if (school.regionId !== '450902') {
      await page.getByTestId('summary-children').getByRole('link', { name: townshipName }).click();
      await page.getByTestId('summary-breadcrumbs').getByText(townshipName).waitFor();
    }
    const schoolRow = page.getByTestId('summary-children').locator(`tr[data-node="${school.id}"]`);
    await schoolRow.locator('td[data-count="studentsFound"]', { hasText: '4' }).waitFor();
    await schoolRow.locator('td[data-count="questionable"]', { hasText: '3' }).waitFor();
    await page.screenshot({ path: '/tmp/zizhu-comparison-summary.png' });
  }, 120_000);

  it('shows the city the progress county by county, each with its subtotal', async () => {
    const page = await login('admin');
    await page.goto(`${stack.baseUrl}/#/comparisons/${run.id}/progress`);
    const groups = page.getByTestId('county-progress');
    await groups.first().waitFor();
    expect(await groups.evaluateAll((els) => els.map((el) => el.getAttribute('data-county')))).toEqual(['玉州区', '容县']);
    const yuzhou = page.locator('[data-testid="county-progress"][data-county="玉州区"]');
    await yuzhou.getByTestId('county-subtotal').getByText('已核实 4 / 共 4 条；已完成 1 所', { exact: false }).waitFor();
    await yuzhou.locator(`g[data-school="${schoolName}"]`).waitFor();
    const rongxian = page.locator('[data-testid="county-progress"][data-county="容县"]');
    await rongxian.getByTestId('county-subtotal').getByText('已核实 0 / 共 1 条；已完成 0 所，核实中 1 所', { exact: false }).waitFor();
    await page.screenshot({ path: '/tmp/zizhu-comparison-county-progress.png', fullPage: true });
  }, 120_000);

  it('lets the admin create a run picking its identity list by name, and shows the list by name on the run', async () => {
    const page = await login('admin');
    await page.goto(`${stack.baseUrl}/#/comparisons/create`);
    await page.getByRole('textbox', { name: '比对名称' }).fill('按名单名称选择的比对');
    await page.getByRole('combobox', { name: '比对范围' }).fill('玉州区');
    await page.getByRole('option', { name: '玉州区' }).first().click();
    const picker = page.getByRole('combobox', { name: '比对名单' });
    await picker.click();
    await picker.fill('浏览器测试');
    // The option tells lists apart: department, batch date and number of people.
    const option = page.getByRole('option', { name: '浏览器测试低保名单（民政 · 2026-09-01 · 人数 5）' });
    await option.click();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: '/tmp/zizhu-comparison-list-picker.png' });
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/comparisons'));
    await page.getByRole('button', { name: '保存' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as Rec;
    expect(body.listIds).toBe(String(run.listIds));
    await page.goto(`${stack.baseUrl}/#/comparisons/${body.id}/show`);
    await page.locator('[data-field="listIds"]').getByText('浏览器测试低保名单（民政', { exact: false }).waitFor();
    await page.screenshot({ path: '/tmp/zizhu-comparison-lists-shown.png' });
  }, 120_000);

  it('lets the admin re-run the comparison from its page and see it finish', async () => {
    const page = await login('admin');
    await page.goto(`${stack.baseUrl}/#/comparisons/${run.id}/show`);
    const started = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/comparisons/${run.id}/run`));
    await page.getByRole('button', { name: '运行比对' }).click();
    expect((await started).status()).toBe(202);
    await page.getByText('比对完成').waitFor();
    await page.getByRole('button', { name: '运行比对' }).and(page.locator(':enabled')).waitFor();
    // Its history: the first run (from the set-up) and this re-run, newest first.
    const history = page.getByTestId('comparison-history').locator('tbody tr');
    await history.nth(1).waitFor();
    expect(await history.count()).toBe(2);
    await history.first().getByText('已完成').waitFor();
    await page.screenshot({ path: '/tmp/zizhu-comparison-run.png' });
  }, 120_000);
});
