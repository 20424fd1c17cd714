import type { Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
import { createTemplateInPanel, describeItem, itemPath, openItem, publishVersion, saveDesign, showOnlyWhen } from '../support/checklist-designer';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

/**
 * The checklist designer: an admin creates a template, designs its first draft with an item
 * shown only when another is answered 否, publishes it, and then sees it read-only.
 */
describe('panel: designing and publishing a checklist', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let page: Page;
  let admin = '';

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.api.login('admin');
    page = await loginToPanel(stack.baseUrl, 'admin', browsers);
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('designs a conditional item, publishes, and shows the version read-only', async () => {
    // The template through the generated create form.
    const template = await createTemplateInPanel(page, stack.baseUrl, { code: 'E2E-ZXJC', name: '资助工作专项检查（测试）', region: '玉州', regionOption: '玉州区', kind: '专项检查' });
    expect(template.code).toBe('E2E-ZXJC');

    const draft: Rec = await apiOk(stack.api, 'POST', `/api/checklist-templates/${template.id}/new-version`, admin, {});
    await page.goto(`${stack.baseUrl}/#/checklist-versions/${draft.id}`);
    const designer = page.getByTestId('checklist-designer');
    await designer.waitFor();

    // The starter item becomes 是/否/不适用 "资金按时足额发放".
    await openItem(page, 0, 0);
    await describeItem(page, 0, 0, { label: '资金按时足额发放', type: '是/否/不适用' });

    // A second item, shown only when the first is 否.
    await page.getByTestId('add-item-0').click();
    const second = itemPath(0, 1);
    await describeItem(page, 0, 1, { label: '未按时发放原因', type: '文本' });
    await showOnlyWhen(page, 0, 1, '否');
    await page.screenshot({ path: '/tmp/zizhu-checklist-designer.png', fullPage: true });

    await page.getByTestId('definition.sections.0.title').fill('资金发放');

    // The API's verdict on a bad key shows at that key's input.
    await page.getByTestId(`${second}.key`).fill('2bad');
    expect((await saveDesign(page, draft.id)).status()).toBe(422);
    await page.getByTestId('item-0-1').getByText('以小写字母开头', { exact: false }).waitFor();
    await page.getByTestId(`${second}.key`).fill('reason');

    expect((await saveDesign(page, draft.id)).status()).toBe(200);
    const stored: Rec = await apiOk(stack.api, 'GET', `/api/checklist-versions/${draft.id}`, admin);
    const items = stored.definition.sections[0].items;
    expect(items[0]).toMatchObject({ type: 'yesNoNa', label: '资金按时足额发放' });
    expect(stored.definition.sections[0].title).toBe('资金发放');
    expect(items[1]).toMatchObject({ key: 'reason', type: 'text', label: '未按时发放原因', visibleWhen: { '==': [{ var: `values.${items[0].key}` }, 'no'] } });

    // Publish from the version's page; then it is read-only.
    await page.goto(`${stack.baseUrl}/#/checklist-versions/${draft.id}/show`);
    expect((await publishVersion(page, draft.id)).status()).toBeLessThan(300);
    await page.getByTestId('checklist-view').getByText('未按时发放原因').waitFor();
    await page.goto(`${stack.baseUrl}/#/checklist-versions/${draft.id}`);
    await page.getByText('该版本已发布或已停用', { exact: false }).waitFor();
    expect(await page.getByTestId('checklist-designer').count()).toBe(0);
    await page.screenshot({ path: '/tmp/zizhu-checklist-published.png', fullPage: true });
  }, 180_000);
});
