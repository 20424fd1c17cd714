import { expectRefused, INT4_MAX } from '../../testing/bad-input';
import { inspectionAction, inspectionPlan, plannedInspection, publishedChecklist } from '../../testing/inspection.fixtures';
import { listQuery, startTestApp, type Json, type TestApp } from '../../testing/test-app';

type Rec = Record<string, Json>;

const DEFINITION = { sections: [{ key: 'general', title: '基本情况', items: [{ key: 'ledger', type: 'boolean', label: '台账齐全', required: true }] }] };

/** 玉林市第一中学 (玉州区, school1's), 玉林市第一职业中等专业学校 (玉州区), and school2's school in 容县. */
const SCHOOL1 = 1;
const YUZHOU_SCHOOL = 2;
const RONGXIAN_SCHOOL = 12;

/**
 * Planning inspections: a plan's checklist and status, an inspection's school, lead
 * inspector and planning fields, who reads and who starts which inspection.
 */
describe('inspection planning', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  const userId: Record<string, number> = {};
  let cityVersion: Rec;
  let yuzhouVersion: Rec;
  let draftVersion: Rec;
  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const planBody = (overrides: Rec = {}) => ({ name: '2026年资助工作专项检查', regionId: '450902', versionId: cityVersion.id, mode: 'spot', startDate: '2026-03-01', endDate: '2026-12-31', daysToRectify: 20, ...overrides });

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2', 'inspector', 'finance']) token[user] = await api.login(user);
    const created = await call('POST', '/api/users', 'admin', { username: 'yz-inspector', displayName: '玉州区督查员', role: 'inspector', regionId: '450902', password: 'Zizhu@2026' });
    expect(created.status).toBe(201);
    token['yz-inspector'] = await api.login('yz-inspector');
    for (const user of (await call('GET', `/api/users${listQuery({ range: [0, 99] })}`, 'admin')).body as Rec[]) userId[user.username] = user.id;
    cityVersion = await publishedChecklist(api, token.admin, { code: 'CITY-ZX', regionId: '450900' }, DEFINITION);
    yuzhouVersion = await publishedChecklist(api, token.yuzhou, { code: 'YZ-ZX', regionId: '450902' }, DEFINITION);
    draftVersion = (await call('POST', `/api/checklist-templates/${cityVersion.templateId}/new-version`, 'admin', {})).body;
  }, 120_000);
  afterAll(() => api.close());

  describe('plans', () => {
    it('successful: a county plans on the city’s published checklist; it starts as a draft whatever the body says', async () => {
      const response = await call('POST', '/api/inspection-plans', 'yuzhou', { ...planBody(), status: 'closed' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ regionId: '450902', versionId: cityVersion.id, mode: 'spot', status: 'draft', daysToRectify: 20 });
    });

    it.each([
      ['a draft version', 'yuzhou', () => planBody({ versionId: draftVersion.id }), 422, 'versionId'],
      ['another county’s checklist', 'admin', () => planBody({ regionId: '450921', versionId: yuzhouVersion.id }), 422, 'versionId'],
      ['a plan for another county', 'yuzhou', () => planBody({ regionId: '450921' }), 403, null],
      ['a school planning', 'school1', () => planBody(), 403, null],
      ['an inspector planning', 'inspector', () => planBody(), 403, null],
      ['an end before the start', 'yuzhou', () => planBody({ endDate: '2026-02-01' }), 422, 'endDate'],
    ])('failing: %s', async (_name, user, body, status, field) => {
      const response = await call('POST', '/api/inspection-plans', user, body());
      expect(response.status).toBe(status);
      if (field) expect(Object.keys(response.body.errors)).toEqual([field]);
    });

    it('moves draft → published → closed by its actions, each once, by the plan’s own bureau; a closed plan no longer changes', async () => {
      const plan = (await call('POST', '/api/inspection-plans', 'yuzhou', planBody({ name: '状态测试' }))).body;
      expect((await call('POST', `/api/inspection-plans/${plan.id}/publish`, 'school1')).status).toBe(403);
      expect((await call('POST', `/api/inspection-plans/${plan.id}/publish`, 'rongxian')).status).toBe(404);
      expect((await call('POST', `/api/inspection-plans/${plan.id}/close`, 'yuzhou')).status).toBe(409);
      const published = await call('POST', `/api/inspection-plans/${plan.id}/publish`, 'yuzhou');
      expect(published.body).toMatchObject({ status: 'published', version: plan.version + 1 });
      expect((await call('POST', `/api/inspection-plans/${plan.id}/publish`, 'yuzhou')).status).toBe(409);
      const edited = await call('PUT', `/api/inspection-plans/${plan.id}`, 'yuzhou', { description: '重点检查资助卡', version: published.body.version });
      expect(edited.status).toBe(200);
      const closed = await call('POST', `/api/inspection-plans/${plan.id}/close`, 'yuzhou');
      expect(closed.body.status).toBe('closed');
      expect((await call('PUT', `/api/inspection-plans/${plan.id}`, 'yuzhou', { name: '改名', version: closed.body.version })).status).toBe(409);
      const audit = await call('GET', `/api/audit-log${listQuery({ filter: { resource: 'inspection-plans', recordId: String(plan.id) }, sort: ['id', 'ASC'] })}`, 'admin');
      expect(audit.body.map((a: Rec) => a.after?.action ?? a.action)).toEqual(['create', 'publish', 'update', 'close']);
    });

    it('lets a county read the city’s plan but not publish it', async () => {
      const plan = (await call('POST', '/api/inspection-plans', 'admin', planBody({ regionId: '450900', name: '全市检查' }))).body;
      expect((await call('GET', `/api/inspection-plans/${plan.id}`, 'yuzhou')).body).toMatchObject({ id: plan.id, writable: false });
      expect((await call('POST', `/api/inspection-plans/${plan.id}/publish`, 'yuzhou')).status).toBe(403);
    });

    it('deletes a plan with its planned inspections; refuses one whose inspections have started', async () => {
      const quiet = await inspectionPlan(api, token.yuzhou, { regionId: '450902', versionId: cityVersion.id, mode: 'spot', name: '可删除' });
      const planned = await plannedInspection(api, token.yuzhou, { planId: quiet.id, schoolId: SCHOOL1, leadInspectorId: userId['yz-inspector'] });
      expect((await call('DELETE', `/api/inspection-plans/${quiet.id}`, 'yuzhou')).status).toBe(200);
      expect((await call('GET', `/api/inspections/${planned.id}`, 'yuzhou')).status).toBe(404);

      const busy = await inspectionPlan(api, token.yuzhou, { regionId: '450902', versionId: cityVersion.id, mode: 'spot', name: '不可删除' });
      const started = await plannedInspection(api, token.yuzhou, { planId: busy.id, schoolId: SCHOOL1, leadInspectorId: userId['yz-inspector'] });
      await inspectionAction(api, token['yz-inspector'], started.id, 'start');
      const refused = await call('DELETE', `/api/inspection-plans/${busy.id}`, 'yuzhou');
      expect(refused.status).toBe(409);
      expect(refused.body.message).toContain('已有检查开始');
      expect((await call('GET', `/api/inspection-plans/${busy.id}`, 'yuzhou')).status).toBe(200);
    });
  });

  describe('inspections', () => {
    let spot: Rec;
    let self: Rec;
    let draft: Rec;
    beforeAll(async () => {
      spot = await inspectionPlan(api, token.yuzhou, { regionId: '450902', versionId: yuzhouVersion.id, mode: 'spot', name: '抽查' });
      self = await inspectionPlan(api, token.yuzhou, { regionId: '450902', versionId: yuzhouVersion.id, mode: 'self', name: '自查' });
      draft = await inspectionPlan(api, token.yuzhou, { regionId: '450902', versionId: yuzhouVersion.id, mode: 'spot', name: '草稿计划' }, false);
    });

    it('successful: copies the plan’s mode and checklist, starts planned; a self-inspection needs no lead', async () => {
      const created = await call('POST', '/api/inspections', 'yuzhou', { planId: spot.id, schoolId: SCHOOL1, leadInspectorId: userId['yz-inspector'], team: '张三、李四', plannedDate: '2026-05-10', mode: 'self', status: 'submitted' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ mode: 'spot', versionId: yuzhouVersion.id, status: 'planned', startedAt: null, score: null, findingsCount: null });
      const own = await call('POST', '/api/inspections', 'yuzhou', { planId: self.id, schoolId: SCHOOL1, plannedDate: '2026-05-10' });
      expect(own.body).toMatchObject({ mode: 'self', leadInspectorId: null, status: 'planned' });
      // The city's inspector leads when the city plans (a county cannot pick users above it).
      const city = await inspectionPlan(api, token.admin, { regionId: '450900', versionId: cityVersion.id, mode: 'verify', name: '全市核查' });
      const byCity = await call('POST', '/api/inspections', 'admin', { planId: city.id, schoolId: RONGXIAN_SCHOOL, leadInspectorId: userId.inspector, plannedDate: '2026-06-01' });
      expect(byCity.body).toMatchObject({ mode: 'verify', versionId: cityVersion.id });
    });

    it.each([
      ['a school outside the plan’s region', 'admin', () => ({ planId: spot.id, schoolId: RONGXIAN_SCHOOL, leadInspectorId: userId.inspector }), 422, 'schoolId'],
      ['a school already in the plan', 'yuzhou', () => ({ planId: spot.id, schoolId: SCHOOL1, leadInspectorId: userId['yz-inspector'] }), 422, 'schoolId'],
      ['no lead inspector for a spot check', 'yuzhou', () => ({ planId: spot.id, schoolId: YUZHOU_SCHOOL }), 422, 'leadInspectorId'],
      ['a school officer as lead', 'admin', () => ({ planId: spot.id, schoolId: YUZHOU_SCHOOL, leadInspectorId: userId.school1 }), 422, 'leadInspectorId'],
      ['finance as lead', 'admin', () => ({ planId: spot.id, schoolId: YUZHOU_SCHOOL, leadInspectorId: userId.finance }), 422, 'leadInspectorId'],
      ['another county’s officer as lead', 'admin', () => ({ planId: spot.id, schoolId: YUZHOU_SCHOOL, leadInspectorId: userId.rongxian }), 422, 'leadInspectorId'],
      ['a lead the county cannot see', 'yuzhou', () => ({ planId: spot.id, schoolId: YUZHOU_SCHOOL, leadInspectorId: userId.inspector }), 422, 'leadInspectorId'],
      ['another county’s plan', 'rongxian', () => ({ planId: spot.id, schoolId: RONGXIAN_SCHOOL }), 422, 'planId'],
      ['a school planning', 'school1', () => ({ planId: self.id, schoolId: SCHOOL1 }), 403, null],
      ['an inspector planning', 'inspector', () => ({ planId: spot.id, schoolId: YUZHOU_SCHOOL, leadInspectorId: userId.inspector }), 403, null],
    ])('failing: %s', async (_name, user, body, status, field) => {
      const response = await call('POST', '/api/inspections', user, { plannedDate: '2026-06-01', ...body() });
      expect(response.status).toBe(status);
      if (field) expect(Object.keys(response.body.errors)).toEqual([field]);
    });

    it('edits and deletes the planning only while planned', async () => {
      const planned = await plannedInspection(api, token.yuzhou, { planId: spot.id, schoolId: YUZHOU_SCHOOL, leadInspectorId: userId['yz-inspector'] });
      const edited = await call('PUT', `/api/inspections/${planned.id}`, 'yuzhou', { team: '王五', plannedDate: '2026-07-01', leadInspectorId: userId.yuzhou, version: planned.version });
      expect(edited.body).toMatchObject({ team: '王五', plannedDate: '2026-07-01', leadInspectorId: userId.yuzhou });
      const unlead = await call('PUT', `/api/inspections/${planned.id}`, 'yuzhou', { leadInspectorId: null, version: edited.body.version });
      expect(Object.keys(unlead.body.errors)).toEqual(['leadInspectorId']);
      const started = await inspectionAction(api, token.yuzhou, planned.id, 'start');
      expect(started).toMatchObject({ status: 'started', startedAt: expect.any(String) });
      expect((await call('PUT', `/api/inspections/${planned.id}`, 'yuzhou', { team: '赵六', version: started.version })).status).toBe(409);
      expect((await call('DELETE', `/api/inspections/${planned.id}`, 'yuzhou')).status).toBe(409);
      expect((await call('POST', `/api/inspections/${planned.id}/start`, 'yuzhou')).status).toBe(409);

      const other = await plannedInspection(api, token.yuzhou, { planId: self.id, schoolId: YUZHOU_SCHOOL });
      expect((await call('DELETE', `/api/inspections/${other.id}`, 'yuzhou')).status).toBe(200);
    });

    it('starts only on a published plan: not on a draft, not once closed', async () => {
      const waiting = await plannedInspection(api, token.yuzhou, { planId: draft.id, schoolId: SCHOOL1, leadInspectorId: userId['yz-inspector'] });
      const early = await call('POST', `/api/inspections/${waiting.id}/start`, 'yz-inspector');
      expect(early.status).toBe(409);
      expect(early.body.message).toContain('尚未发布');
      const plan = await inspectionPlan(api, token.yuzhou, { regionId: '450902', versionId: yuzhouVersion.id, mode: 'spot', name: '将结束' });
      const late = await plannedInspection(api, token.yuzhou, { planId: plan.id, schoolId: SCHOOL1, leadInspectorId: userId['yz-inspector'] });
      await call('POST', `/api/inspection-plans/${plan.id}/close`, 'yuzhou');
      const refused = await call('POST', `/api/inspections/${late.id}/start`, 'yz-inspector');
      expect(refused.status).toBe(409);
      expect(refused.body.message).toContain('已结束');
      expect((await call('POST', '/api/inspections', 'yuzhou', { planId: plan.id, schoolId: YUZHOU_SCHOOL, leadInspectorId: userId.yuzhou, plannedDate: '2026-06-01' })).status).toBe(409);
    });

    it('lets a school read its own inspections only, and start only its self-inspection', async () => {
      const [mine] = (await call('GET', `/api/inspections${listQuery({ filter: { planId: spot.id } })}`, 'school1')).body;
      expect(mine).toMatchObject({ schoolId: SCHOOL1, mode: 'spot' });
      expect((await call('GET', `/api/inspections${listQuery({ filter: { planId: spot.id } })}`, 'school2')).body).toEqual([]);
      expect((await call('GET', `/api/inspections/${mine.id}`, 'school2')).status).toBe(404);
      expect((await call('POST', `/api/inspections/${mine.id}/start`, 'school2')).status).toBe(404);
      expect((await call('POST', `/api/inspections/${mine.id}/start`, 'rongxian')).status).toBe(404);
      const forbidden = await call('POST', `/api/inspections/${mine.id}/start`, 'school1');
      expect(forbidden.status).toBe(403);
      expect((await call('GET', `/api/inspections/${mine.id}`, 'school1')).body.status).toBe('planned');

      const [own] = (await call('GET', `/api/inspections${listQuery({ filter: { planId: self.id } })}`, 'school1')).body;
      expect((await call('POST', `/api/inspections/${own.id}/start`, 'school1')).body).toMatchObject({ status: 'started', mode: 'self' });
      // The city's inspector starts any inspection in the city.
      expect((await call('POST', `/api/inspections/${mine.id}/start`, 'inspector')).body.status).toBe('started');
    });
  });

  it.each(
    ['inspection-plans/:id/publish', 'inspection-plans/:id/close', 'inspections/:id/start', 'inspections/:id/save', 'inspections/:id/submit', 'inspections/:id/reopen'].flatMap((route) =>
      [String(INT4_MAX + 1), '0', '-1', 'abc', '1.5', '1%00'].map((id) => [route, id]),
    ),
  )('failing: POST /api/%s with the id %s is 400 or 404', async (route, id) => {
    const response = await call('POST', `/api/${route.replace(':id', id)}`, 'admin', { answers: {}, reason: '原因' });
    expectRefused(response, /^\d+$/.test(id) ? [404] : [400, 404]);
  });
});
