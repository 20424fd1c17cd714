import type { Locator, Page } from 'playwright-core';
import type { Json } from '@zizhu/api/testing/test-app';
import { apiOk, type Browser, loginToPanel } from '../support/panel-session';
import { startStack } from '../support/stack';

type Rec = Record<string, Json>;

/**
 * 资助项目 without code: the administrator designs a program in the panel (tiers, shares,
 * an eligibility rule built in the visual editor, one extra application field); school1's
 * officer then opens a roster for it, finds that field in the application form, is stopped
 * by a missing answer and by a duplicate, adds a valid application (and one from a file)
 * and submits the roster.
 */
describe('panel: aid program designer and rosters', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const browsers: Browser[] = [];
  let student: Rec;
  /** Applied for through an uploaded file (with its plain ID number, as schools hold them). */
  let imported: Rec;
  /** Added by the county's amendment after approval. */
  let late: Rec;
  let schoolName = '';
  let identityType = '';

  const api = (method: string, path: string, token: string, body?: unknown) => apiOk(stack.api, method, path, token, body);

  const login = (username: string): Promise<Page> => loginToPanel(stack.baseUrl, username, browsers);

  /** Picks an option of the MUI select named `name` inside `scope`. */
  async function choose(page: Page, scope: Locator | Page, name: string, option: string): Promise<void> {
    await scope.getByRole('combobox', { name }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Picks options of a MUI multi-select, then closes its menu. */
  async function chooseMany(page: Page, scope: Locator | Page, name: string, ...options: string[]): Promise<void> {
    await scope.getByRole('combobox', { name }).click();
    for (const option of options) await page.getByRole('option', { name: option, exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  }

  /** The rows of one json list input (tiers, shares, fields, steps). */
  const listRows = (page: Page, source: string) => page.locator(`.ra-input-${source} li.RaSimpleFormIterator-line`);
  const addRow = (page: Page, source: string) => page.locator(`.ra-input-${source}`).getByRole('button', { name: '增加' }).last().click();

  beforeAll(async () => {
    stack = await startStack();
    const school = await stack.api.login('school1');
    schoolName = (await api('GET', '/api/schools?range=[0,0]', school))[0].name;
    const q = encodeURIComponent(JSON.stringify({ stage: 'senior', status: 'enrolled' }));
    [student, imported, late] = await api('GET', `/api/students?filter=${q}&sort=["id","ASC"]&range=[0,2]`, school);
    const admin = await stack.api.login('admin');
    identityType = (await api('GET', '/api/identity-types?range=[0,0]', admin))[0].name;
    imported.idNumber = (await api('POST', `/api/students/${imported.id}/reveal`, admin, { field: 'idNumber' })).value;
  }, 300_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  }, 60_000);

  it('lets the administrator design a program: tiers, shares (refused until they total 100 %), a rule and an extra field', async () => {
    const page = await login('admin');
    await page.goto(`${stack.baseUrl}/#/programs/create`);
    await page.getByRole('textbox', { name: '项目名称' }).fill('普通高中国家助学金（测试）');
    await page.getByRole('textbox', { name: '项目代码' }).fill('E2E_GRANT');
    await choose(page, page, '项目类别', '助学金');
    await page.getByRole('combobox', { name: '实施区域' }).fill('玉林市');
    await page.getByRole('option', { name: '玉林市', exact: true }).click();
    await chooseMany(page, page, '适用学段', '普高', '中职');
    await page.getByRole('spinbutton', { name: '起始年度' }).fill('2026');

    // The default chain arrives with the form: 学校申报 → 审查认定 → 区县教育局审核 → 财政局确认.
    await waitForCount(listRows(page, 'approvalSteps'), 4);
    expect(await listRows(page, 'approvalSteps').nth(2).getByRole('textbox', { name: '步骤名称' }).inputValue()).toBe('区县教育局审核');

    await addRow(page, 'tiers');
    await addRow(page, 'tiers');
    const tiers = listRows(page, 'tiers');
    await tiers.nth(0).getByRole('textbox', { name: '档次代码' }).fill('A');
    await tiers.nth(0).getByRole('textbox', { name: '档次名称' }).fill('一档');
    await tiers.nth(0).getByRole('textbox', { name: '标准（元）' }).fill('1250');
    await tiers.nth(1).getByRole('textbox', { name: '档次代码' }).fill('B');
    await tiers.nth(1).getByRole('textbox', { name: '档次名称' }).fill('二档');
    await tiers.nth(1).getByRole('textbox', { name: '标准（元）' }).fill('750.5');

    await addRow(page, 'fundingShares');
    await addRow(page, 'fundingShares');
    const shares = listRows(page, 'fundingShares');
    await choose(page, shares.nth(0), '资金来源', '中央');
    await shares.nth(0).getByRole('spinbutton', { name: '比例（%）' }).fill('80');
    await choose(page, shares.nth(1), '资金来源', '省级');
    await shares.nth(1).getByRole('spinbutton', { name: '比例（%）' }).fill('10');

    // 学段 属于其中之一 普高、中职 并且 学籍状态 等于 在读, built in the visual editor.
    const rule = page.getByTestId('rule-input-eligibilityRule');
    await rule.getByRole('button', { name: '添加条件' }).first().click();
    await rule.getByRole('button', { name: '添加条件' }).first().click();
    const conditions = rule.locator('.rule');
    await waitForCount(conditions, 2);
    await choose(page, conditions.nth(0), '条件项', '学段');
    await choose(page, conditions.nth(0), '比较方式', '属于其中之一');
    await chooseMany(page, conditions.nth(0), '值', '普高', '中职');
    await choose(page, conditions.nth(1), '条件项', '学籍状态');
    await choose(page, conditions.nth(1), '比较方式', '等于');
    await choose(page, conditions.nth(1), '值', '在读');
    // Identity marks are offered by the types' names; this third line is tried, then removed.
    await rule.getByRole('button', { name: '添加条件' }).first().click();
    await waitForCount(conditions, 3);
    await choose(page, conditions.nth(2), '条件项', '特殊身份');
    await choose(page, conditions.nth(2), '比较方式', '有以下身份之一');
    await chooseMany(page, conditions.nth(2), '值', identityType);
    await conditions.nth(2).getByRole('button', { name: '删除条件' }).click();
    await waitForCount(conditions, 2);

    await addRow(page, 'applicationFields');
    const extra = listRows(page, 'applicationFields').nth(0);
    await extra.getByRole('textbox', { name: '字段代码' }).fill('hardship');
    await extra.getByRole('textbox', { name: '显示名称' }).fill('家庭经济困难程度');
    await choose(page, extra, '类型', '单选');
    await extra.getByLabel('必填').check();
    await extra.getByRole('textbox', { name: '选项' }).fill('一般困难，困难，特别困难');
    await page.screenshot({ path: '/tmp/zizhu-program-designer.png', fullPage: true });

    // 80 + 10: the API refuses, and says so under the shares.
    let saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/programs'));
    await page.getByRole('button', { name: '保存' }).click();
    expect((await saved).status()).toBe(422);
    await page.locator('.ra-input-fundingShares').getByText('分担比例合计为90%，须为100%').waitFor();

    await shares.nth(1).getByRole('spinbutton', { name: '比例（%）' }).fill('20');
    saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/programs'));
    await page.getByRole('button', { name: '保存' }).click();
    const response = await saved;
    expect(response.status()).toBe(201);
    const program = (await response.json()) as Rec;
    expect(program.tiers).toEqual([
      { code: 'A', label: '一档', amount: 125000 },
      { code: 'B', label: '二档', amount: 75050 },
    ]);
    expect(program.eligibilityRule.rules.map((r: Rec) => [r.field, r.operator, r.value])).toEqual([
      ['stage', 'in', ['senior', 'vocational']],
      ['status', '=', 'enrolled'],
    ]);
    expect(program.applicationFields).toEqual([
      expect.objectContaining({ key: 'hardship', label: '家庭经济困难程度', type: 'select', required: true }),
    ]);
    expect(program.approvalSteps).toHaveLength(4);

    // Shown as people read it: the rule as a sentence, lists as tables.
    await page.goto(`${stack.baseUrl}/#/programs/${program.id}/show`);
    await page.getByText('学段 属于其中之一 普高、中职 并且 学籍状态 等于 在读').waitFor();
    await page.locator('[data-field=tiers]').getByText('750.50', { exact: false }).waitFor();
    await page.locator('[data-field=approvalSteps]').getByText('财政局确认').waitFor();
    await page.screenshot({ path: '/tmp/zizhu-program-show.png', fullPage: true });

    // In English, the rule, the list headers and the editor follow the panel's language.
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Stage is one of General high school, Secondary vocational and Status is Enrolled').waitFor();
    await page.locator('[data-field=fundingShares]').getByRole('columnheader', { name: 'Source' }).waitFor();
    await page.locator('[data-field=fundingShares]').getByRole('cell', { name: 'Provincial' }).waitFor();
    await page.goto(`${stack.baseUrl}/#/programs/${program.id}`);
    const editor = page.getByTestId('rule-input-eligibilityRule');
    await editor.getByRole('button', { name: 'Add condition' }).first().waitFor();
    await editor.locator('.rule').nth(0).getByRole('combobox', { name: 'Operator' }).getByText('is one of').waitFor();
    await page.screenshot({ path: '/tmp/zizhu-program-designer-en.png', fullPage: true });
  }, 180_000);

  it("lets school1 open a roster, see the program's extra field, be stopped on bad applications and submit a good one", async () => {
    const page = await login('school1');
    await page.goto(`${stack.baseUrl}/#/rosters/create`);
    await page.getByRole('combobox', { name: '资助项目' }).fill('普通高中');
    await page.getByRole('option', { name: '普通高中国家助学金（测试）' }).click();
    await page.getByRole('spinbutton', { name: '年度' }).fill('2026');
    await choose(page, page, '学期', '秋季学期');
    await page.getByRole('combobox', { name: '学校' }).fill(schoolName);
    await page.getByRole('option', { name: schoolName, exact: true }).click();
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/rosters'));
    await page.getByRole('button', { name: '保存' }).click();
    const rosterResponse = await created;
    expect(rosterResponse.status()).toBe(201);
    const roster = (await rosterResponse.json()) as Rec;

    await page.goto(`${stack.baseUrl}/#/rosters/${roster.id}/show`);
    const workflow = page.getByTestId('roster-workflow');
    await workflow.getByText('当前步骤：学校申报').waitFor();
    await page.getByRole('link', { name: '添加申请' }).click();

    // The form knows the roster, offers its tiers and asks the program's extra question.
    await page.getByRole('combobox', { name: '学生' }).fill(student.name);
    await page.getByRole('option', { name: student.name }).first().click();
    await choose(page, page, '档次', '一档（1250.00 元）');
    const hardship = page.getByRole('combobox', { name: '家庭经济困难程度' });
    await hardship.waitFor();

    // Unanswered: stopped on the question itself, nothing sent.
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/roster-entries')) posts++;
    });
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.ra-input-applicationData\\.hardship').getByText('必填').waitFor();
    expect(posts).toBe(0);

    await choose(page, page, '家庭经济困难程度', '特别困难');
    let saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/roster-entries'));
    await page.getByRole('button', { name: '保存' }).click();
    const entry = await saved;
    expect(entry.status()).toBe(201);
    expect(((await entry.json()) as Rec).applicationData).toEqual({ hardship: '特别困难' });

    // Back on the roster: the entry, its answer, and a clean submission check.
    await page.waitForURL(new RegExp(`/rosters/${roster.id}/show`));
    await page.getByTestId('roster-entries').getByText(student.name).waitFor();
    await page.getByTestId('roster-problems').getByText('未发现问题，可以提交。').waitFor();

    // The entry reopens with its answer in place, and reads as label → value.
    const entryId = ((await entry.json()) as Rec).id;
    await page.getByTestId('roster-entries').getByRole('row').filter({ hasText: student.name }).locator('td').nth(1).click();
    await page.waitForURL(new RegExp(`/roster-entries/${entryId}$`));
    await page.getByRole('combobox', { name: '家庭经济困难程度' }).getByText('特别困难').waitFor();
    await page.getByRole('combobox', { name: '档次' }).getByText('一档（1250.00 元）').waitFor();
    await page.goto(`${stack.baseUrl}/#/roster-entries/${entryId}/show`);
    const answers = page.locator('[data-field=applicationData]');
    await answers.getByText('家庭经济困难程度').waitFor();
    await answers.getByText('特别困难').waitFor();
    await page.goto(`${stack.baseUrl}/#/rosters/${roster.id}/show`);

    // The same student twice in a term: the API refuses, on the student input.
    await page.getByRole('link', { name: '添加申请' }).click();
    await page.getByRole('combobox', { name: '学生' }).fill(student.name);
    await page.getByRole('option', { name: student.name }).first().click();
    await choose(page, page, '档次', '二档（750.50 元）');
    await choose(page, page, '家庭经济困难程度', '困难');
    saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/roster-entries'));
    await page.getByRole('button', { name: '保存' }).click();
    expect((await saved).status()).toBe(422);
    await page.locator('.ra-input-studentId').getByText('同一项目每学期只能列入一次', { exact: false }).waitFor();

    // Applications from a file: one good row, one whose ID number is not on the roll.
    await page.goto(`${stack.baseUrl}/#/rosters/${roster.id}/show`);
    await page.getByRole('button', { name: '导入申请' }).click();
    const upload = page.getByRole('dialog');
    const csv = ['身份证号,姓名,档次,家庭经济困难程度,备注', `${imported.idNumber},${imported.name},二档,困难,`, '110101200801011237,查无此人,一档,困难,'].join('\n');
    await upload.getByTestId('applications-file').setInputFiles({ name: '申请.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await upload.getByLabel('全部正确才导入', { exact: false }).uncheck();
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/rosters/${roster.id}/applications`));
    await upload.getByRole('button', { name: '导入', exact: true }).click();
    expect((await answered).status()).toBe(200);
    await upload.getByTestId('applications-result').getByText('共 2 行：新增 1，更新 0，无变化 0，有误 1').waitFor();
    await upload.getByRole('row').filter({ has: page.getByRole('cell', { name: '3', exact: true }) }).waitFor();
    await upload.getByRole('button', { name: '关闭' }).click();
    await page.getByTestId('roster-entries').getByText(imported.name).waitFor();

    // Submit: the school's step approves and the roster moves on to 审查认定.
    await page.getByTestId('roster-problems').getByText('未发现问题，可以提交。').waitFor();
    await workflow.getByRole('button', { name: '提交审核' }).click();
    const acted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/rosters/${roster.id}/actions`));
    await page.getByRole('dialog').getByRole('button', { name: '提交审核' }).click();
    expect((await acted).status()).toBe(200);
    await workflow.getByText('当前步骤：审查认定').waitFor();
    await page.getByTestId('roster-history').getByText('学校申报').waitFor();
    await page.screenshot({ path: '/tmp/zizhu-roster.png', fullPage: true });

    // 审查认定 cannot be returned without a reason: said in the dialog, on the reason.
    await workflow.getByRole('button', { name: '退回' }).click();
    const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/rosters/${roster.id}/actions`));
    await page.getByRole('dialog').getByRole('button', { name: '退回' }).click();
    expect((await refused).status()).toBe(422);
    await page.getByRole('dialog').getByText('退回或驳回须填写理由').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    const stored = await api('GET', `/api/rosters/${roster.id}`, await stack.api.login('school1'));
    expect(stored).toMatchObject({ status: 'inReview', stepIndex: 1, entryCount: 2, totalAmount: 125000 + 75050 });
  }, 180_000);

  it('moves the roster up the chain — the county only at its step, then finance — and lets the county amend it once approved', async () => {
    const school = await login('school1');
    const [roster] = await api('GET', '/api/rosters?range=[0,0]', await stack.api.login('school1'));
    await school.goto(`${stack.baseUrl}/#/rosters/${roster.id}/show`);
    const decide = async (page: Page, button: string, next: string) => {
      const workflow = page.getByTestId('roster-workflow');
      await workflow.getByRole('button', { name: button, exact: true }).click();
      const acted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/rosters/${roster.id}/actions`));
      await page.getByRole('dialog').getByRole('button', { name: button, exact: true }).click();
      expect((await acted).status()).toBe(200);
      await workflow.getByText(next).waitFor();
    };
    await decide(school, '通过', '当前步骤：区县教育局审核');
    // The county's step: the school has no buttons left, only who acts now.
    await school.getByTestId('roster-workflow').getByText('本步骤由区县的区县资助中心办理').waitFor();
    expect(await school.getByTestId('roster-workflow').getByRole('button').count()).toBe(0);

    const county = await login('yuzhou');
    await county.goto(`${stack.baseUrl}/#/rosters/${roster.id}/show`);
    await decide(county, '通过', '当前步骤：财政局确认');
    const finance = await login('finance');
    await finance.goto(`${stack.baseUrl}/#/rosters/${roster.id}/show`);
    await decide(finance, '通过', '流程已结束');
    await finance.getByTestId('roster-status').getByText('已审定').waitFor();

    // Approved and frozen: the county corrects one student's tier, with a reason, in the history.
    await county.reload();
    await county.getByRole('button', { name: '更正' }).click();
    const dialog = county.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '名单学生' }).click();
    await county.getByRole('option', { name: `${imported.name} · B` }).click();
    await dialog.getByRole('combobox', { name: '档次' }).click();
    await county.getByRole('option', { name: '一档（1250.00 元）' }).click();
    await dialog.getByRole('textbox', { name: '理由' }).fill('复核后家庭情况特别困难，调整为一档');
    const amended = county.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/rosters/${roster.id}/amendments`));
    await dialog.getByRole('button', { name: '更正' }).click();
    expect((await amended).status()).toBe(200);
    await county.getByTestId('roster-history').getByText('复核后家庭情况特别困难，调整为一档').waitFor();

    // And adds a student the school missed, found by name among the school's students.
    await county.getByRole('button', { name: '更正' }).click();
    await dialog.getByLabel('增加学生').check();
    await dialog.getByRole('combobox', { name: '学生' }).fill(late.name);
    await county.getByRole('option', { name: late.name }).first().click();
    await dialog.getByRole('combobox', { name: '档次' }).click();
    await county.getByRole('option', { name: '二档（750.50 元）' }).click();
    await dialog.getByRole('textbox', { name: '理由' }).fill('漏报，经学校说明后补入');
    const added = county.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/rosters/${roster.id}/amendments`));
    await dialog.getByRole('button', { name: '更正' }).click();
    expect((await added).status()).toBe(200);
    await county.getByTestId('roster-entries').getByText(late.name).waitFor();
    await county.screenshot({ path: '/tmp/zizhu-roster-approved.png', fullPage: true });
    const stored = await api('GET', `/api/rosters/${roster.id}`, await stack.api.login('yuzhou'));
    expect(stored).toMatchObject({ status: 'approved', entryCount: 3, totalAmount: 2 * 125000 + 75050 });
  }, 240_000);
});

/** Waits until `locator` matches `count` elements (playwright-core has no auto-waiting assertions). */
async function waitForCount(locator: Locator, count: number): Promise<void> {
  for (let i = 0; i < 100 && (await locator.count()) !== count; i++) await new Promise((r) => setTimeout(r, 50));
  expect(await locator.count()).toBe(count);
}
