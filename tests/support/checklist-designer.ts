import type { Page, Response } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';

type Rec = Record<string, Json>;

/** The checklist designer as an administrator drives it (the designer's spec and the inspection story). */

export interface TemplateForm {
  code: string;
  name: string;
  /** Typed into the region picker, then `regionOption` is picked. */
  region: string;
  regionOption: string;
  /** The kind's label (专项检查, …). */
  kind: string;
}

/** A template through the generated create form (which then opens its page): the record the API stored. */
export async function createTemplateInPanel(page: Page, baseUrl: string, form: TemplateForm): Promise<Rec> {
  await page.goto(`${baseUrl}/#/checklist-templates/create`);
  await page.getByLabel('模板代码', { exact: false }).first().fill(form.code);
  await page.getByLabel('模板名称', { exact: false }).first().fill(form.name);
  await page.getByLabel('所属区域', { exact: false }).first().fill(form.region);
  await page.getByRole('option', { name: form.regionOption }).first().click();
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/checklist-templates'));
  await page.getByLabel('检查类型', { exact: false }).first().click();
  await page.getByRole('option', { name: form.kind }).click();
  await page.getByRole('button', { name: '保存' }).click();
  return (await created).json();
}

/** Where the API keys an item's 422s, and the designer's test ids: `definition.sections.<s>.items.<i>`. */
export const itemPath = (section: number, index: number): string => `definition.sections.${section}.items.${index}`;

/** Unfolds an item's card (a new draft's starter item starts folded). */
export async function openItem(page: Page, section: number, index: number): Promise<void> {
  await page.getByTestId(`item-${section}-${index}`).getByRole('button').first().click();
}

/** Sets an item's label, its key when given, and its type by the menu's label (是/否/不适用, 文本, …). */
export async function describeItem(page: Page, section: number, index: number, item: { label: string; type: string; key?: string }): Promise<void> {
  const path = itemPath(section, index);
  if (item.key !== undefined) await page.getByTestId(`${path}.key`).fill(item.key);
  await page.getByTestId(`${path}.label`).fill(item.label);
  await page.getByTestId(`item-${section}-${index}`).getByRole('combobox', { name: '类型' }).click();
  await page.getByRole('option', { name: item.type, exact: true }).click();
}

/** One rule in the item's 显示条件 through the rule editor: shown only when the first other choice item is answered `answer`. */
export async function showOnlyWhen(page: Page, section: number, index: number, answer: string): Promise<void> {
  const visible = page.getByTestId(`${itemPath(section, index)}.visibleWhen`);
  await visible.getByTestId('add-rule').click();
  await visible.getByRole('combobox', { name: '值' }).click();
  await page.getByRole('option', { name: answer, exact: true }).click();
}

/**
 * 保存 in the designer: the API's answer to the draft's PUT, once the panel has acted on it.
 * A saved draft goes back to the versions' list only after the answer is read: a spec that
 * opens another page as soon as the answer arrives is taken back to the list a moment later
 * (on a busy machine, while it clicks there).
 */
export async function saveDesign(page: Page, versionId: Json): Promise<Response> {
  const put = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/checklist-versions/${versionId}`));
  await page.getByRole('button', { name: '保存' }).click();
  const response = await put;
  if (response.ok()) await page.waitForURL((url) => url.hash.split('?')[0] === '#/checklist-versions');
  return response;
}

/** 发布 on a version's page: the API's answer. */
export async function publishVersion(page: Page, versionId: Json): Promise<Response> {
  const published = page.waitForResponse((r) => r.url().endsWith(`/api/checklist-versions/${versionId}/publish`));
  await page.getByRole('button', { name: '发布' }).click();
  return published;
}
