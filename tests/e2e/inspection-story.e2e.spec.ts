import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { demoPhoto } from '@zizhu/api/database/seed/demo-photo';
import type { Json } from '@zizhu/api/testing/test-app';
import { createTemplateInPanel, describeItem, openItem, publishVersion, saveDesign, showOnlyWhen } from '../support/checklist-designer';
import { chooseAnswer, fillItem, startFromItsPage, submitInspection, waitForText } from '../support/inspection-fill';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

const SCHOOL = '玉林市第一中学';
const ITEM = '资助资金按时足额发放到学生本人（督查测试）';
const REPORT = '/tmp/zizhu-story-report.pdf';
const RECTIFICATION_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

const isoDate = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * One inspection from design to report, in the panel (issue 14): the admin designs a checklist
 * with a veto item and an item shown only when it is answered 否, and publishes it; an
 * inspector fills in the inspection of 玉林市第一中学 with a photo as evidence and answers 否,
 * which raises a finding; school1 opens the finding from its inspection's page and answers it
 * with its rectification; the inspector accepts it (销号); the report PDF, downloaded from the
 * inspection's page, names the school. Each step is a user of their own in a browser of their own.
 */
describe('panel: an inspection from the checklist to the report', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let admin = '';
  let version: Rec;
  let inspection: Rec;
  let finding: Rec;

  /** Logs the user in, in a browser of their own; the previous step's browser is closed first (two cores). */
  async function login(username: string): Promise<Page> {
    for (const browser of browsers.splice(0)) await browser.close();
    return loginToPanel(stack.baseUrl, username, browsers);
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/zizhu-story-${name}.png`, fullPage: true });

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.api.login('admin');
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('a) the admin designs a checklist with a conditional item and publishes it', async () => {
    const page = await login('admin');
    const template = await createTemplateInPanel(page, stack.baseUrl, { code: 'E2E-STORY', name: '学生资助专项督查（浏览器测试）', region: '玉州', regionOption: '玉州区', kind: '专项检查' });

    // The template's page: 新建版本 opens the first draft in the designer.
    const started = page.waitForResponse((r) => r.url().endsWith(`/api/checklist-templates/${template.id}/new-version`));
    await page.getByTestId('new-version').click();
    const draft: Rec = await (await started).json();
    await page.getByTestId('checklist-designer').waitFor();

    await page.getByTestId('definition.sections.0.title').fill('资金发放');
    await openItem(page, 0, 0);
    await describeItem(page, 0, 0, { key: 'paidOnTime', label: ITEM, type: '是/否/不适用' });
    await page.getByTestId('item-0-0').getByRole('checkbox', { name: '否决项', exact: false }).check();
    await page.getByTestId('add-item-0').click();
    await describeItem(page, 0, 1, { key: 'lateReason', label: '未按时足额发放的原因', type: '文本' });
    await showOnlyWhen(page, 0, 1, '否');
    await shot(page, '1-designer');
    expect((await saveDesign(page, draft.id)).status()).toBe(200);

    // Back on the template's page, its version opens from the list and is published there.
    await page.goto(`${stack.baseUrl}/#/checklist-templates/${template.id}/show`);
    await page.getByTestId('template-versions').getByText('草稿').click();
    await page.getByTestId('checklist-view').getByText('未按时足额发放的原因').waitFor();
    expect((await publishVersion(page, draft.id)).status()).toBeLessThan(300);
    await page.getByTestId('checklist-view').waitFor();
    await shot(page, '2-published');

    version = await apiOk(stack.api, 'GET', `/api/checklist-versions/${draft.id}`, admin);
    expect(version.status).toBe('published');
    const [veto, reason] = version.definition.sections[0].items;
    expect(veto).toMatchObject({ key: 'paidOnTime', type: 'yesNoNa', critical: true });
    expect(reason).toMatchObject({ key: 'lateReason', type: 'text', visibleWhen: { '==': [{ var: 'values.paidOnTime' }, 'no'] } });
  }, 240_000);

  it('b) an inspector fills in the inspection with a photo as evidence, answers 否, and submits: a finding is raised', async () => {
    // The plan and its inspection are set up through the API: the story is about filling in, not planning.
    const plan: Rec = await apiOk(stack.api, 'POST', '/api/inspection-plans', admin, {
      name: '2026年春季学生资助专项督查（浏览器测试）',
      regionId: '450902',
      versionId: version.id,
      mode: 'spot',
      startDate: isoDate(-1),
      endDate: isoDate(30),
      daysToRectify: 30,
    });
    await apiOk(stack.api, 'POST', `/api/inspection-plans/${plan.id}/publish`, admin, {});
    const [school]: Rec[] = await apiOk(stack.api, 'GET', `/api/schools?filter=${encodeURIComponent(JSON.stringify({ q: SCHOOL }))}`, admin);
    const inspector: Rec = await apiOk(stack.api, 'GET', '/api/auth/me', await stack.api.login('inspector'));
    inspection = await apiOk(stack.api, 'POST', '/api/inspections', admin, { planId: plan.id, schoolId: school.id, leadInspectorId: inspector.id, team: '覃督查、黄干事', plannedDate: isoDate() });

    const page = await login('inspector');
    expect((await startFromItsPage(page, stack.baseUrl, inspection.id)).status()).toBeLessThan(300);

    // 否 shows the reason's item; the photo goes with the answer as its evidence.
    expect(await fillItem(page, 'lateReason').count()).toBe(0);
    await chooseAnswer(page, 'paidOnTime', '否');
    await fillItem(page, 'lateReason').getByRole('textbox').first().fill('资助卡批量开户延误，资金晚发一个月');
    const veto = fillItem(page, 'paidOnTime');
    await veto.getByRole('button', { name: '备注与佐证' }).click();
    await veto.getByLabel('写实记录（备注）').fill('查阅发放台账，春季学期资金于5月15日才发放到卡');
    await veto
      .getByTestId('file-input-answers.upload.paidOnTime')
      .locator('input[type=file]')
      .setInputFiles({ name: '发放台账.png', mimeType: 'image/png', buffer: demoPhoto(3) });
    await veto.getByText('发放台账.png').waitFor();
    await waitForText(page.getByTestId('live-score'), '得分 0.0');
    await shot(page, '3-filled');

    expect((await submitInspection(page, inspection.id)).status()).toBeLessThan(300);
    await waitForText(page.getByTestId('inspection-score'), /0\.0/);
    await page.getByTestId('inspection-findings').getByText(ITEM).waitFor();
    await shot(page, '4-submitted');

    const stored: Rec = await apiOk(stack.api, 'GET', `/api/inspections/${inspection.id}`, admin);
    expect(stored).toMatchObject({ status: 'submitted', score: 0, passed: false, findingsCount: 1, answers: { values: { paidOnTime: 'no', lateReason: '资助卡批量开户延误，资金晚发一个月' } } });
    expect(stored.answers.evidence.paidOnTime).toEqual([expect.any(Number)]);
    [finding] = await apiOk(stack.api, 'GET', `/api/clues?filter=${encodeURIComponent(JSON.stringify({ inspectionId: inspection.id }))}`, admin);
    expect(finding).toMatchObject({ source: 'inspection', kind: ITEM, severity: 'high', status: 'open', recordKey: 'item:paidOnTime' });
  }, 240_000);

  it('c) the school opens the finding from its inspection and answers it with its rectification', async () => {
    const page = await login('school1');
    await page.goto(`${stack.baseUrl}/#/inspections/${inspection.id}/show`);
    await page.getByTestId('inspection-findings').getByText(ITEM).click();
    await page.getByTestId('clue-workflow').waitFor();
    expect(page.url()).toContain(`/clues/${finding.id}/show`);
    await page.getByRole('button', { name: '反馈核实情况' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '核实结论' }).click();
    await page.getByRole('option', { name: '属实', exact: true }).click();
    await dialog.getByLabel('核实情况').fill('经核查，春季学期资助资金晚发一个月');
    await dialog.getByLabel('整改情况').fill('已完成资助卡开户，今后资金到账后10个工作日内发放到卡');
    await dialog
      .getByTestId('file-input-rectificationFileId')
      .locator('input[type=file]')
      .setInputFiles({ name: '整改报告.pdf', mimeType: 'application/pdf', buffer: RECTIFICATION_PDF });
    await dialog.getByText('整改报告.pdf').waitFor();
    await shot(page, '5-answer');
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/clues/${finding.id}/answer`));
    await dialog.getByRole('button', { name: '提交反馈' }).click();
    expect((await answered).status()).toBe(200);
    await page.getByTestId('clue-status').getByText('已反馈').waitFor();
    await page.getByText('等待区县或督查人员审核学校的整改情况').waitFor();
    // The school has nothing to accept.
    expect(await page.getByTestId('clue-workflow').getByRole('button', { name: '办结' }).count()).toBe(0);
    await shot(page, '6-answered');
  }, 120_000);

  it('d) the inspector accepts the rectification (销号)', async () => {
    const page = await login('inspector');
    await page.goto(`${stack.baseUrl}/#/inspections/${inspection.id}/show`);
    await page.getByTestId('inspection-findings').getByText(ITEM).click();
    await page.getByText('已完成资助卡开户，今后资金到账后10个工作日内发放到卡').waitFor();
    await page.getByText('整改报告.pdf').first().waitFor();
    await page.getByTestId('clue-workflow').getByRole('button', { name: '办结' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审核意见').fill('整改到位，同意销号');
    const accepted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/clues/${finding.id}/accept`));
    await dialog.getByRole('button', { name: '办结' }).click();
    expect((await accepted).status()).toBe(200);
    await page.getByTestId('clue-status').getByText('已办结').waitFor();
    await page.getByTestId('clue-history').getByText('整改到位，同意销号').waitFor();
    await shot(page, '7-accepted');
    expect(await apiOk(stack.api, 'GET', `/api/clues/${finding.id}`, admin)).toMatchObject({ status: 'closed', verdict: 'confirmed', rectificationFileId: expect.any(Number) });
  }, 120_000);

  it('e) the report PDF downloads from the inspection page and names the school', async () => {
    const page = browsers[0].page;
    await page.goto(`${stack.baseUrl}/#/inspections/${inspection.id}/show`);
    await page.getByTestId('inspection-findings').getByText('已办结').waitFor();
    await shot(page, '8-inspection');
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByTestId('report-button').click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(new RegExp(`^督查检查报告-${SCHOOL}-.*\\.pdf$`));
    await pdf.saveAs(REPORT);
    // Table cells wrap their text over lines: read it without the layout's spaces and breaks.
    const text = execFileSync('pdftotext', [REPORT, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // The school by name (with its code) in the report's header table, and in every page's heading.
    expect(text).toContain(`${SCHOOL}（`);
    expect(text).toContain(`督查检查报告·${SCHOOL}·`);
    expect(text).toContain('资助卡批量开户延误，资金晚发一个月');
    expect(text).toContain('审核意见：整改到位，同意销号');
    // The inspector's photo is printed beside its item.
    const images = execFileSync('pdfimages', ['-list', REPORT], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
  }, 180_000);
});
