import { listQuery } from '@zizhu/api/testing/test-app';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

/**
 * An administrator resets a school officer's password while the officer has the panel open:
 * the officer's next step lands on the login page saying why, and the new password takes
 * them where they were going.
 */
describe('panel: a session ended by a password reset', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    stack = await startStack();
  }, 300_000);
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('returns the officer to the login page with the reason, and lets them in with the new password', async () => {
    const page = await loginToPanel(stack.baseUrl, 'school1', browsers);
    const admin = await stack.api.login('admin');
    const [officer] = await apiOk(stack.api, 'GET', `/api/users${listQuery({ filter: { q: 'school1' } })}`, admin);
    await apiOk(stack.api, 'PUT', `/api/users/${officer.id}`, admin, { ...officer, password: 'a-new-password-1' });

    await page.getByRole('menuitem', { name: '学生', exact: true }).click();
    await page.getByText('您的密码、角色或账号状态已变更，请重新登录').waitFor();
    await page.getByRole('textbox', { name: '用户名' }).waitFor();
    expect(page.url()).toContain('#/login');

    await page.getByRole('textbox', { name: '用户名' }).fill('school1');
    await page.getByRole('textbox', { name: '密码' }).fill('a-new-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    // Back where they were going: the student list.
    await page.getByRole('table').locator('tbody').getByRole('row').first().waitFor();
    expect(page.url()).toContain('#/students');
  }, 120_000);
});
