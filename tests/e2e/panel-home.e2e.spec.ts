import type { Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

function shift(days: number): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The home page is the officer's work to do: school1 sees its roster closing and the clue
 * assigned to it, 玉州区 the roster waiting at its step; each line's count is the number of
 * rows its click opens, with the filter shown on the list.
 */
describe('panel: the home page lists the work to do per role', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let waiting: Rec;
  /** The clues the demo already assigns school1 (its inspection's findings still with the school). */
  let demoCluesAssigned = 0;

  const login = (username: string): Promise<Page> => loginToPanel(stack.baseUrl, username, browsers);
  const rows = (page: Page) => page.locator('.RaDatagrid-tbody tr');

  beforeAll(async () => {
    stack = await startStack();
    const api = (method: string, path: string, token: string, body?: unknown) => apiOk(stack.api, method, path, token, body);
    const [admin, school, county] = [await stack.api.login('admin'), await stack.api.login('school1'), await stack.api.login('yuzhou')];
    const soon = shift(7);
    const program = await api('POST', '/api/programs', admin, {
      name: '待办测试助学金', code: 'E2E_TODO', category: 'grant', regionId: '450900', stages: ['senior'], termKind: 'semester', firstYear: 2017,
      tiers: [{ code: 'T1', label: '一档', amount: 125000 }, { code: 'T2', label: '二档', amount: 100000 }],
      fundingShares: [{ source: 'central', percent: 100 }],
      eligibilityRule: { combinator: 'and', rules: [{ field: 'status', operator: '=', value: 'enrolled' }] },
      applicationFields: [], deadlines: [{ term: 'autumn', monthDay: soon.slice(5) }],
    });
    const q = encodeURIComponent(JSON.stringify({ stage: 'senior', status: 'enrolled' }));
    const students: Rec[] = await api('GET', `/api/students?filter=${q}&sort=["id","ASC"]&range=[0,1]`, school);
    const roster = async (body: Rec, studentId: number) => {
      const made = await api('POST', '/api/rosters', school, { programId: program.id, schoolId: students[0].schoolId, ...body });
      await api('POST', '/api/roster-entries', school, { rosterId: made.id, studentId, tier: 'T2' });
      return made;
    };
    await roster({ year: Number(soon.slice(0, 4)), term: 'autumn' }, students[0].id);
    waiting = await roster({ year: Number(soon.slice(0, 4)), term: 'spring' }, students[1].id);
    for (let step = 0; step < 2; step++) await api('POST', `/api/rosters/${waiting.id}/actions`, school, { action: 'approve' });
    const todo: Rec[] = await api('GET', '/api/me/todo', school);
    demoCluesAssigned = todo.find((item) => item.kind === 'cluesAssigned')?.count ?? 0;
    await api('POST', '/api/clues', county, { source: 'audit', kind: '寄宿生补助发放给非寄宿生', description: '审计抽查发现', schoolId: students[0].schoolId, dueDate: shift(20) });
  }, 300_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  /** The count a to-do line shows (a number, or 暂无). */
  const count = async (page: Page, kind: string) => (await page.getByTestId(`todo-${kind}`).getByTestId('todo-count').innerText()).trim();

  it("shows school1 its work to do; a click opens the filtered list with that many rows", async () => {
    const page = await login('school1');
    await page.getByTestId('todo-list').waitFor();
    await page.screenshot({ path: '/tmp/panel-shots/home-school.png', fullPage: true });
    expect(await page.getByTestId('todo-applicationsClosing').innerText()).toContain('两周内截止申报的名单');
    expect(await page.getByTestId('todo-applicationsClosing').innerText()).toContain(`最早截止 ${shift(7)}`);
    expect(await count(page, 'applicationsClosing')).toBe('1');
    expect(await count(page, 'cluesAssigned')).toBe(String(demoCluesAssigned + 1));
    expect(await count(page, 'rostersReturned')).toBe('暂无');
    await page.getByTestId('todo-cluesAssigned').click();
    await page.waitForURL(/#\/clues\?/);
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(demoCluesAssigned + 1);
    // The newest first: the clue the county just filed.
    expect(await rows(page).first().innerText()).toContain('寄宿生补助发放给非寄宿生');
  }, 120_000);

  it('shows 玉州区 the roster waiting at its step (the list opens on the 当前步骤 filter) and its overdue payments', async () => {
    const page = await login('yuzhou');
    await page.getByTestId('todo-list').waitFor();
    await page.screenshot({ path: '/tmp/panel-shots/home-county.png', fullPage: true });
    expect(await count(page, 'rostersWaiting')).toBe('1');
    await page.getByTestId('todo-rostersWaiting').click();
    await page.waitForURL(/#\/rosters\?/);
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(1);
    expect(await rows(page).first().innerText()).toContain(waiting.title);
    await page.getByRole('combobox', { name: '当前步骤·办理角色' }).waitFor();
    expect(await page.getByRole('combobox', { name: '当前步骤·办理角色' }).innerText()).toContain('区县资助中心');
    await page.screenshot({ path: '/tmp/panel-shots/rosters-waiting.png', fullPage: true });

    // A set no declared filter expresses (the demo's overdue rosters) opens as the list of exactly those.
    await page.goto(stack.baseUrl);
    const overdue = Number(await count(page, 'overduePayments'));
    expect(overdue).toBeGreaterThan(0);
    await page.getByTestId('todo-overduePayments').click();
    await page.waitForURL(/#\/rosters\?/);
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(overdue);
  }, 120_000);
});
