import type { Locator, Page, Response } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';

/** The inspection fill page as an inspector uses it (the fill spec and the inspection story). */

/** An item's card on the fill page. */
export const fillItem = (page: Page, itemKey: string): Locator => page.getByTestId(`item-${itemKey}`);

/** Answers a choice item by its option's label. */
export async function chooseAnswer(page: Page, itemKey: string, option: string): Promise<void> {
  await fillItem(page, itemKey).getByRole('combobox').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** 开始检查 on the inspection's page: the API's answer to the start; the fill page is open when it returns. */
export async function startFromItsPage(page: Page, baseUrl: string, inspectionId: Json): Promise<Response> {
  await page.goto(`${baseUrl}/#/inspections/${inspectionId}/show`);
  const started = page.waitForResponse((r) => r.url().endsWith(`/api/inspections/${inspectionId}/start`));
  await page.getByTestId('fill-button').first().click();
  const response = await started;
  await page.getByTestId('inspection-fill').waitFor();
  return response;
}

/** 提交检查: the API's answer to the submit. */
export async function submitInspection(page: Page, inspectionId: Json): Promise<Response> {
  const submitted = page.waitForResponse((r) => r.url().endsWith(`/api/inspections/${inspectionId}/submit`));
  await page.getByRole('button', { name: '提交检查' }).click();
  return submitted;
}

/** Waits until the element's text matches (the page updates as answers and saves arrive). */
export async function waitForText(locator: Locator, expected: string | RegExp): Promise<void> {
  await locator.filter({ hasText: expected }).waitFor();
}
