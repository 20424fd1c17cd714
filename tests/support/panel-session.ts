import type { Page } from 'playwright-core';
import type { TestApp, Json } from '@zizhu/api/testing/test-app';
import { launchBrowser } from './browser';

export type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/** A demo user logged in to the panel in a browser of their own (kept in `browsers` to close). */
export async function loginToPanel(baseUrl: string, username: string, browsers: Browser[]): Promise<Page> {
  const browser = await launchBrowser();
  browsers.push(browser);
  const { page } = browser;
  await page.goto(baseUrl);
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByRole('textbox', { name: '密码' }).fill('Zizhu@2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('您的身份是', { exact: false }).waitFor();
  return page;
}

/** An API call that must succeed (set-up steps): its body, or an error naming the call. */
export async function apiOk(api: TestApp, method: string, path: string, token: string, body?: unknown): Promise<Json> {
  const response = await api.request(method, path, { token, body });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
