import type { Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
import { launchBrowser } from '../support/browser';
import { chooseAnswer, fillItem, startFromItsPage, submitInspection, waitForText } from '../support/inspection-fill';
import { apiOk, type Browser } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

const PHONE = { width: 375, height: 812 };

/** A checklist with a conditional item, a scored choice, a data item, a sample and an N/A item, in two sections. */
const DEFINITION = {
  sections: [
    {
      key: 'funds',
      title: '资金发放',
      items: [
        { key: 'paidOnTime', type: 'yesNoNa', label: '资助资金按时足额发放到学生本人', required: true, critical: true },
        {
          key: 'lateReason',
          type: 'text',
          label: '未按时发放的原因',
          visibleWhen: { '==': [{ var: 'values.paidOnTime' }, 'no'] },
          requiredWhen: { '==': [{ var: 'values.paidOnTime' }, 'no'] },
        },
        {
          key: 'publicity',
          type: 'select',
          label: '受助学生名单公示情况',
          required: true,
          choices: [
            { value: 'full', label: '规范公示', score: 10 },
            { value: 'partial', label: '公示不全', score: 5 },
            { value: 'none', label: '未公示', score: 0 },
          ],
        },
      ],
    },
    {
      key: 'data',
      title: '数据与抽查',
      items: [
        { key: 'late', type: 'number', label: '超期未发放笔数', dataItem: 'latePayments' },
        { key: 'cards', type: 'boolean', label: '抽查受助学生资助卡', sample: { size: 2, questions: [{ key: 'cardHeld', type: 'text', label: '资助卡持有情况', required: true }] } },
        { key: 'archive', type: 'boolean', label: '受助学生档案一人一档', naAllowed: true },
      ],
    },
  ],
};

const isoDate = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * An inspector fills in a spot check of 玉林市第一中学 on a phone (375 px): starts it from its
 * page, answers section by section with the score live in the header, sees the autosave
 * confirmed, is sent back to the section of a missing answer on submit, submits, and reads
 * the score on the inspection's page, then downloads its report. Set-up (a published checklist, a published plan, the
 * inspection) goes through the API: the demo has no checklist.
 */
describe('panel: filling an inspection on a phone', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let page: Page;
  let inspection: Rec;

  beforeAll(async () => {
    stack = await startStack();
    const admin = await stack.api.login('admin');
    const inspectorToken = await stack.api.login('inspector');
    const template: Rec = await apiOk(stack.api, 'POST', '/api/checklist-templates', admin, { code: 'E2E-DC', name: '资助工作督查（测试）', kind: 'special', regionId: '450900' });
    const draft: Rec = await apiOk(stack.api, 'POST', `/api/checklist-templates/${template.id}/new-version`, admin, {});
    await apiOk(stack.api, 'PUT', `/api/checklist-versions/${draft.id}`, admin, { definition: DEFINITION, passMark: 60, version: draft.version });
    await apiOk(stack.api, 'POST', `/api/checklist-versions/${draft.id}/publish`, admin, {});
    const plan: Rec = await apiOk(stack.api, 'POST', '/api/inspection-plans', admin, {
      name: '2026年春季学生资助专项抽查（测试）',
      regionId: '450902',
      versionId: draft.id,
      mode: 'spot',
      startDate: isoDate(-1),
      endDate: isoDate(30),
      daysToRectify: 30,
    });
    await apiOk(stack.api, 'POST', `/api/inspection-plans/${plan.id}/publish`, admin, {});
    const schools: Rec[] = await apiOk(stack.api, 'GET', `/api/schools?filter=${encodeURIComponent(JSON.stringify({ q: '玉林市第一中学' }))}`, admin);
    const me: Rec = await apiOk(stack.api, 'GET', '/api/auth/me', inspectorToken);
    inspection = await apiOk(stack.api, 'POST', '/api/inspections', admin, {
      planId: plan.id,
      schoolId: schools[0].id,
      leadInspectorId: me.id,
      team: '覃督查、黄干事',
      plannedDate: isoDate(),
    });
    page = await loginOnPhone(stack.baseUrl, 'inspector', browsers);
  }, 240_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  const item = (key: string) => fillItem(page, key);
  const noHorizontalScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('starts, fills in with autosave and a live score, is sent to a missing answer, submits, downloads the report', async () => {
    expect((await startFromItsPage(page, stack.baseUrl, inspection.id)).status()).toBeLessThan(300);
    expect(page.url()).toContain(`/inspections/${inspection.id}/fill`);

    // Section 1: the conditional item shows for 否 and goes for 是; the live score follows.
    await chooseAnswer(page, 'paidOnTime', '否');
    await item('lateReason').waitFor();
    await chooseAnswer(page, 'paidOnTime', '是');
    await item('lateReason').waitFor({ state: 'detached' });
    // 是 earns the first item in full; 公示 and the archive (section 2) are still unanswered.
    await waitForText(page.getByTestId('live-score'), '得分 25.0');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/inspections/${inspection.id}/save`));
    expect((await saved).status()).toBeLessThan(300);
    await waitForText(page.getByTestId('save-state'), /已保存 \d\d:\d\d:\d\d/);
    expect(await noHorizontalScroll()).toBe(true);
    await page.screenshot({ path: '/tmp/zizhu-inspection-fill-phone-1.png', fullPage: true });

    // Section 2: confirm the frozen figure, answer every sampled student, mark the archive N/A.
    await page.getByRole('button', { name: '下一部分' }).click();
    await item('late').getByRole('button', { name: '确认无误' }).click();
    const students = item('cards').locator('[data-testid^="sampled-student-"]');
    const count = await students.count();
    for (let i = 0; i < count; i++) await students.nth(i).getByRole('textbox', { name: /资助卡持有情况/ }).fill('本人持有');
    await item('archive').getByRole('switch', { name: '不适用' }).check();
    // N/A leaves the denominator: section 2 has nothing scored left, section 1 stands at 50.
    await waitForText(page.getByTestId('live-score'), '得分 50.0');
    expect(await noHorizontalScroll()).toBe(true);
    await page.screenshot({ path: '/tmp/zizhu-inspection-fill-phone-2.png', fullPage: true });
    // What the phone shows scrolled down: the header with the score stays on top.
    await page.screenshot({ path: '/tmp/zizhu-inspection-fill-phone-scrolled.png' });
    expect(await page.getByTestId('fill-header').evaluate((header) => Math.round(header.getBoundingClientRect().top))).toBeLessThanOrEqual(64);

    // 公示情况 is required and left empty: the submit is refused and section 1 opens on it.
    expect((await submitInspection(page, inspection.id)).status()).toBe(422);
    await page.getByTestId('section-funds').waitFor();
    await item('publicity').locator('.Mui-error').first().waitFor();
    await page.screenshot({ path: '/tmp/zizhu-inspection-fill-phone-error.png', fullPage: true });

    await chooseAnswer(page, 'publicity', '公示不全');
    await waitForText(page.getByTestId('live-score'), '得分 75.0');
    expect((await submitInspection(page, inspection.id)).status()).toBeLessThan(300);

    // The inspection's page: its score, as the panel computed it while filling in.
    await page.getByTestId('inspection-score').waitFor();
    await waitForText(page.getByTestId('inspection-score'), /75\.0/);
    await page.getByTestId('score-breakdown').waitFor();
    expect(await noHorizontalScroll()).toBe(true);
    await page.screenshot({ path: '/tmp/zizhu-inspection-show-phone.png', fullPage: true });
    const stored: Rec = await apiOk(stack.api, 'GET', `/api/inspections/${inspection.id}`, await stack.api.login('admin'));
    expect(stored).toMatchObject({ status: 'submitted', score: 75 });
    expect(stored.answers).toMatchObject({ values: { paidOnTime: 'yes', publicity: 'partial' }, notApplicable: ['archive'], dataChecks: { late: { confirmed: true } } });

    // 检查报告: made on the job queue, polled, then downloaded as the school's named PDF.
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByTestId('report-button').click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/^督查检查报告-玉林市第一中学-.*\.pdf$/);
    await pdf.saveAs('/tmp/zizhu-inspection-report.pdf');
  }, 240_000);
});

/** Logs in on a phone-sized screen from the start (the menu then starts folded away, as on a phone). */
async function loginOnPhone(baseUrl: string, username: string, browsers: Browser[]): Promise<Page> {
  const browser = await launchBrowser();
  browsers.push(browser);
  const { page } = browser;
  await page.setViewportSize(PHONE);
  await page.goto(baseUrl);
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByRole('textbox', { name: '密码' }).fill('Zizhu@2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('您的身份是', { exact: false }).waitFor();
  return page;
}
