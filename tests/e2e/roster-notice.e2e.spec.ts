import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Json } from '@zizhu/api/testing/test-app';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

/** A school officer downloads the 公示 notice of a roster, giving its 公示期 in the dialog. */
describe('panel: the 公示 notice', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let roster: Rec;

  beforeAll(async () => {
    stack = await startStack();
    const admin = await stack.api.login('admin');
    const school1 = await stack.api.login('school1');
    const [school] = (await apiOk(stack.api, 'GET', '/api/schools?range=[0,0]', school1)) as Rec[];
    const program = await apiOk(stack.api, 'POST', '/api/programs', admin, {
      name: '公示测试助学金',
      code: 'NOTICE-TEST',
      category: 'grant',
      regionId: '450900',
      stages: school.stages,
      termKind: 'semester',
      firstYear: 2026,
      tiers: [{ code: 'T1', label: '一档', amount: 100000 }],
      fundingShares: [{ source: 'central', percent: 100 }],
      eligibilityRule: { combinator: 'and', rules: [{ field: 'status', operator: '=', value: 'enrolled' }] },
      supervisionPhone: '0775-2821234',
    });
    roster = await apiOk(stack.api, 'POST', '/api/rosters', school1, { programId: program.id, year: 2026, term: 'autumn', schoolId: school.id });
  }, 300_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('asks for the 公示期 and writes it, with the heading and the 监督电话, above the list', async () => {
    const page = await loginToPanel(stack.baseUrl, 'school1', browsers);
    await page.goto(`${stack.baseUrl}/#/rosters/${roster.id}/show`);
    await page.getByRole('button', { name: '公示名单' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('公示开始日期').fill('2026-09-26');
    await dialog.getByLabel('公示结束日期').fill('2026-10-02');
    await page.screenshot({ path: '/tmp/zizhu-roster-notice.png' });
    const saved = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '下载公示名单' }).click();
    const download = await saved;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toContain('2026年秋季学期公示测试助学金受助学生名单公示');
    expect(sheet.getCell('A2').value).toBe('公示期：2026年9月26日至2026年10月2日');
    expect(sheet.getCell('A3').value).toBe('监督电话：07752821234');
  }, 180_000);
});
