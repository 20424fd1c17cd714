import type { Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

/** Raw codes a person should never have to read: exception keys, resource names, tier codes, a year with a separator. */
const RAW = [/overAllocation:|amountMismatch:|paidTwice:/, /\bclues\b|\bfund-exception-notes\b|\brosters\b/, /\b2,026\b/, /当前步骤序号/];

/**
 * Names in place of codes: the audit log names the resource and who acted (the city's
 * finance officer, outside the county's subtree), a roster entry its tier and itself, a
 * payment line its roster entry, the exceptions and their notes what they are about.
 */
describe('panel: words where a person expects words', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let entry: Rec;
  let student: Rec;
  let line: Rec;
  let clue: Rec;

  const login = (username: string): Promise<Page> => loginToPanel(stack.baseUrl, username, browsers);
  const body = async (page: Page) => page.locator('#main-content').innerText();
  const noRawCodes = (text: string) => {
    for (const pattern of RAW) expect({ text, pattern: String(pattern), found: pattern.test(text) }).toMatchObject({ found: false });
  };

  beforeAll(async () => {
    stack = await startStack();
    const api = (method: string, path: string, token: string, b?: unknown) => apiOk(stack.api, method, path, token, b);
    const [finance, admin] = [await stack.api.login('finance'), await stack.api.login('admin')];
    const { exceptions } = await api('GET', '/api/funds/exceptions', finance);
    const over = exceptions.find((e: Rec) => e.kind === 'overAllocation');
    const mismatch = exceptions.find((e: Rec) => e.kind === 'amountMismatch');
    await api('POST', '/api/funds/exceptions/explain', finance, { key: over.key, note: '追加资金在途' });
    clue = await api('POST', '/api/funds/exceptions/clue', finance, { key: mismatch.key });
    line = await api('GET', `/api/disbursements/${mismatch.lineIds[0]}`, admin);
    entry = await api('GET', `/api/roster-entries/${line.rosterEntryId}`, admin);
    student = await api('GET', `/api/students/${entry.studentId}`, admin);
  }, 300_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it("shows the county's audit log with resource names and who acted, even an officer above the county", async () => {
    const page = await login('rongxian');
    await page.goto(`${stack.baseUrl}/#/audit-log`);
    const row = page.locator('.RaDatagrid-tbody tr').filter({ hasText: '问题线索' }).first();
    await row.waitFor();
    await page.screenshot({ path: '/tmp/panel-shots/names-audit.png', fullPage: true });
    expect(await row.innerText()).toContain('市财务');
    noRawCodes(await body(page));
  }, 120_000);

  it('shows a roster entry by its student and program, its tier by name, its year as a year', async () => {
    const page = await login('admin');
    await page.goto(`${stack.baseUrl}/#/roster-entries/${entry.id}/show`);
    await page.locator('[data-field="tier"]').waitFor();
    await page.getByText(`${student.name} · `).first().waitFor();
    await page.screenshot({ path: '/tmp/panel-shots/names-entry.png', fullPage: true });
    expect(await page.locator('[data-field="tier"]').innerText()).not.toBe(entry.tier);
    expect(await page.locator('[data-field="tier"]').innerText()).toMatch(/档|普高|小学|初中|中职/);
    noRawCodes(await body(page));
    expect(await page.locator('#react-admin-title').innerText()).toContain(student.name);

    await page.goto(`${stack.baseUrl}/#/disbursements/${line.id}/show`);
    await page.locator('.ra-field-rosterEntryId').getByText(`${student.name} · `).waitFor();
    noRawCodes(await body(page));

    await page.goto(`${stack.baseUrl}/#/rosters/${entry.rosterId}/show`);
    await page.getByTestId('roster-workflow').waitFor();
    noRawCodes(await body(page));
  }, 120_000);

  it('describes the exceptions, their notes and the clue opened on one in words', async () => {
    const page = await login('finance');
    await page.goto(`${stack.baseUrl}/#/funds/exceptions`);
    await page.getByText('追加资金在途').waitFor();
    noRawCodes(await body(page));
    await page.goto(`${stack.baseUrl}/#/fund-exception-notes`);
    const note = page.locator('.RaDatagrid-tbody tr').first();
    await note.getByText('超下达发放 · ').waitFor();
    await page.screenshot({ path: '/tmp/panel-shots/names-notes.png', fullPage: true });
    noRawCodes(await body(page));
    await page.goto(`${stack.baseUrl}/#/clues`);
    await page.locator('.RaDatagrid-tbody tr').first().waitFor();
    noRawCodes(await body(page));
    await page.goto(`${stack.baseUrl}/#/clues/${clue.id}/show`);
    await page.locator('[data-field="exceptionKey"]').getByText('金额与名单或标准不符 · ').waitFor();
    noRawCodes(await body(page));
  }, 120_000);
});
