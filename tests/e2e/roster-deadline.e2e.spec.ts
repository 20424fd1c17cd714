import { designedProgram } from '@zizhu/api/testing/program.fixtures';
import type { Json } from '@zizhu/api/testing/test-app';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

/** Submitting a roster after its term's deadline: the panel warns first, and the roster then says it was late. */
describe('panel: a roster submitted after the deadline', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let roster: Rec;

  beforeAll(async () => {
    stack = await startStack();
    const [admin, school] = await Promise.all(['admin', 'school1'].map((u) => stack.api.login(u)));
    const [student] = await apiOk(stack.api, 'GET', '/api/students?filter={"status":"enrolled"}&sort=["id","ASC"]&range=[0,0]', school);
    const rule = { combinator: 'and', rules: [{ field: 'status', operator: '=', value: 'enrolled' }] };
    const program = await apiOk(stack.api, 'POST', '/api/programs', admin, designedProgram({ code: 'E2E-LATE', name: '逾期测试助学金', stages: [student.stage], eligibilityRule: rule, firstYear: 2020 }));
    roster = await apiOk(stack.api, 'POST', '/api/rosters', school, { programId: program.id, year: 2020, term: 'spring', schoolId: student.schoolId });
    await apiOk(stack.api, 'POST', '/api/roster-entries', school, { rosterId: roster.id, studentId: student.id, tier: 'T1', applicationData: { familySize: 4 } });
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('warns before submitting, then marks the roster 逾期提交', async () => {
    const page = await loginToPanel(stack.baseUrl, 'school1', browsers);
    await page.goto(`${stack.baseUrl}/#/rosters/${roster.id}/show`);
    const workflow = page.getByTestId('roster-workflow');
    await workflow.getByText('已过截止日期（2020-06-15）').waitFor();
    await workflow.getByRole('button', { name: '提交审核' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('decision-warning').getByText('2020-06-15', { exact: false }).waitFor();
    await page.screenshot({ path: '/tmp/zizhu-roster-late-warning.png', fullPage: true });
    const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/rosters/${roster.id}/actions`));
    await dialog.getByRole('button', { name: '提交审核' }).click();
    expect(await (await submitted).json()).toMatchObject({ submittedLate: true, status: 'inReview' });
    await workflow.getByTestId('roster-submitted-late').waitFor();
  }, 120_000);
});
