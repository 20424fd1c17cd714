import type { Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
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
    await page.goto(`${stack.baseUrl}/#/checklist-templates/create`);
    await page.getByLabel('模板代码', { exact: false }).first().fill('E2E-ZXJC');
    await page.getByLabel('模板名称', { exact: false }).first().fill('资助工作专项检查（测试）');
    await page.getByLabel('所属区域', { exact: false }).first().fill('玉州');
    await page.getByRole('option', { name: '玉州区' }).first().click();
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/checklist-templates'));
    await page.getByLabel('检查类型', { exact: false }).first().click();
    await page.getByRole('option', { name: '专项检查' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    const template: Rec = await (await created).json();
    expect(template.code).toBe('E2E-ZXJC');

    const draft: Rec = await apiOk(stack.api, 'POST', `/api/checklist-templates/${template.id}/new-version`, admin, {});
    await page.goto(`${stack.baseUrl}/#/checklist-versions/${draft.id}`);
    const designer = page.getByTestId('checklist-designer');
    await designer.waitFor();

    // The starter item becomes 是/否/不适用 "资金按时足额发放".
    const first = 'definition.sections.0.items.0';
    await page.getByTestId('item-0-0').getByRole('button').first().click();
    await page.getByTestId(`${first}.label`).fill('资金按时足额发放');
    await page.getByTestId('item-0-0').getByRole('combobox', { name: '类型' }).click();
    await page.getByRole('option', { name: '是/否/不适用' }).click();

    // A second item, shown only when the first is 否.
    await page.getByTestId('add-item-0').click();
    const second = 'definition.sections.0.items.1';
    await page.getByTestId(`${second}.label`).fill('未按时发放原因');
    await page.getByTestId('item-0-1').getByRole('combobox', { name: '类型' }).click();
    await page.getByRole('option', { name: '文本', exact: true }).click();
    const visible = page.getByTestId(`${second}.visibleWhen`);
    await visible.getByTestId('add-rule').click();
    await visible.getByRole('combobox', { name: '值' }).click();
    await page.getByRole('option', { name: '否', exact: true }).click();
    await page.screenshot({ path: '/tmp/zizhu-checklist-designer.png', fullPage: true });

    await page.getByTestId('definition.sections.0.title').fill('资金发放');
    const put = () => page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/checklist-versions/${draft.id}`));

    // The API's verdict on a bad key shows at that key's input.
    await page.getByTestId(`${second}.key`).fill('2bad');
    const refused = put();
    await page.getByRole('button', { name: '保存' }).click();
    expect((await refused).status()).toBe(422);
    await page.getByTestId('item-0-1').getByText('以小写字母开头', { exact: false }).waitFor();
    await page.getByTestId(`${second}.key`).fill('reason');

    const saved = put();
    await page.getByRole('button', { name: '保存' }).click();
    expect((await saved).status()).toBe(200);
    const stored: Rec = await apiOk(stack.api, 'GET', `/api/checklist-versions/${draft.id}`, admin);
    const items = stored.definition.sections[0].items;
    expect(items[0]).toMatchObject({ type: 'yesNoNa', label: '资金按时足额发放' });
    expect(stored.definition.sections[0].title).toBe('资金发放');
    expect(items[1]).toMatchObject({ key: 'reason', type: 'text', label: '未按时发放原因', visibleWhen: { '==': [{ var: `values.${items[0].key}` }, 'no'] } });

    // Publish from the version's page; then it is read-only.
    await page.goto(`${stack.baseUrl}/#/checklist-versions/${draft.id}/show`);
    const published = page.waitForResponse((r) => r.url().endsWith(`/api/checklist-versions/${draft.id}/publish`));
    await page.getByRole('button', { name: '发布' }).click();
    expect((await published).status()).toBeLessThan(300);
    await page.getByTestId('checklist-view').getByText('未按时发放原因').waitFor();
    await page.goto(`${stack.baseUrl}/#/checklist-versions/${draft.id}`);
    await page.getByText('该版本已发布或已停用', { exact: false }).waitFor();
    expect(await page.getByTestId('checklist-designer').count()).toBe(0);
    await page.screenshot({ path: '/tmp/zizhu-checklist-published.png', fullPage: true });
  }, 180_000);
});
