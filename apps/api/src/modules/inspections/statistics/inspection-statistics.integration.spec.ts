import fc from 'fast-check';
import { expectErrorShape } from '../../../testing/bad-input';
import { hostileParam } from '../../../testing/hostile-values';
import { PLANTED, type PlantedFigures, plantInspections, SECTIONS, type PlantedInspections } from '../../../testing/inspection-statistics.fixtures';
import { startTestApp, type Json, type TestApp } from '../../../testing/test-app';

type Rec = Record<string, Json>;

/** The expected figures with sections in the response's shape. */
const figures = (planted: PlantedFigures) => ({ ...planted, sections: SECTIONS.map((s) => ({ key: s.key, average: planted.sections[s.key] })) });

/** A county with nothing planned in the plan. */
const ZERO = figures({ ...PLANTED.cityPlan.other, planned: 0 });

/**
 * 督查统计 over planted plans, inspections and findings: exact figures for the city and its
 * counties, the county reading its own (the same rows the city reads for it), drafts left
 * out, and every bad parameter refused with the error shape.
 */
describe('inspection statistics', () => {
  let api: TestApp;
  let planted: PlantedInspections;
  const token: Record<string, string> = {};

  const get = (query: string, user: string) => api.request('GET', `/api/inspection-statistics${query}`, { token: token[user] });
  const ok = async (query: string, user: string): Promise<Rec> => {
    const response = await get(query, user);
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const planOf = (body: Rec, planId: number): Rec => body.plans.find((p: Rec) => p.planId === planId);
  /** The spec's own plans in the order answered (the demo city has a plan of its own besides). */
  const plantedIds = (body: Rec): number[] =>
    body.plans.map((p: Rec) => p.planId).filter((id: number) => [planted.countyPlanId, planted.cityPlanId, planted.draftPlanId].includes(id));
  const rowOf = (plan: Rec, regionId: string): Rec => plan.regions.find((r: Rec) => r.regionId === regionId);
  const withoutRegion = ({ regionId: _id, regionName: _name, ...rest }: Rec): Rec => rest;

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'inspector', 'school1', 'finance']) token[user] = await api.login(user);
    planted = await plantInspections(api.databaseUrl);
  }, 120_000);
  afterAll(() => api.close());

  it('successful: the city reads every published plan, latest first, with its sections', async () => {
    const body = await ok('', 'admin');
    expect(body).toMatchObject({ regionId: '450900', regionName: '玉林市' });
    expect(plantedIds(body)).toEqual([planted.countyPlanId, planted.cityPlanId]);
    expect(planOf(body, planted.cityPlanId)).toMatchObject({
      planName: '2026年春季学生资助专项检查',
      mode: 'spot',
      status: 'published',
      startDate: '2026-05-01',
      endDate: '2026-06-30',
      sections: SECTIONS,
    });
  });

  it('successful: the city plan’s exact figures in total and per county, every county listed', async () => {
    const plan = planOf(await ok('', 'admin'), planted.cityPlanId);
    expect(plan.total).toEqual(figures(PLANTED.cityPlan.total));
    expect(plan.regions).toHaveLength(7);
    expect(withoutRegion(rowOf(plan, '450902'))).toEqual(figures(PLANTED.cityPlan.yuzhou));
    expect(rowOf(plan, '450902').regionName).toBe('玉州区');
    expect(withoutRegion(rowOf(plan, '450921'))).toEqual(figures(PLANTED.cityPlan.rongxian));
    expect(withoutRegion(rowOf(plan, planted.schools.other.countyId))).toEqual(figures(PLANTED.cityPlan.other));
    const idle = plan.regions.filter((r: Rec) => !['450902', '450921', planted.schools.other.countyId].includes(r.regionId));
    expect(idle.map(withoutRegion)).toEqual(idle.map(() => ZERO));
    // The rows add up to the total.
    for (const key of ['planned', 'done', 'closed', 'overdue'] as const) {
      expect(plan.regions.reduce((sum: number, r: Rec) => sum + r[key], 0)).toBe(plan.total[key]);
    }
  });

  it('successful: the county’s own total is the city’s row for it, for every plan it reads; its rows are its townships', async () => {
    const city = await ok('', 'admin');
    for (const county of ['yuzhou', 'rongxian']) {
      const own = await ok('', county);
      const countyId = own.regionId;
      expect(own.plans.length).toBeGreaterThan(0);
      for (const plan of own.plans) {
        expect({ county, plan: plan.planId, total: plan.total }).toEqual({ county, plan: plan.planId, total: withoutRegion(rowOf(planOf(city, plan.planId), countyId)) });
      }
      // The city asking for the county reads exactly what the county reads.
      expect(await ok(`?regionId=${countyId}`, 'admin')).toEqual(own);
    }
  });

  it('successful: 玉州区 reads the city plan and its own, per township; 容县 neither 玉州区’s plan nor its own draft', async () => {
    const yuzhou = await ok('', 'yuzhou');
    expect(plantedIds(yuzhou)).toEqual([planted.countyPlanId, planted.cityPlanId]);
    const plan = planOf(yuzhou, planted.cityPlanId);
    const { yuzhouA, yuzhouB } = planted.schools;
    expect(rowOf(plan, yuzhouA.townshipId)).toMatchObject({ planned: 1, done: 1, averageScore: 80, findings: { total: 3, high: 1, medium: 1, low: 1 }, closed: 1, overdue: 1, rectificationRateBp: 3333 });
    expect(rowOf(plan, yuzhouB.townshipId)).toMatchObject({ planned: 1, done: 1, averageScore: 91, sections: [{ key: 'funds', average: 100 }, { key: 'files', average: 82 }], findings: { total: 0 } });
    expect(planOf(yuzhou, planted.countyPlanId).total).toMatchObject({ planned: 1, done: 0, averageScore: null, rectificationRateBp: null });
    expect(plantedIds(await ok('', 'rongxian'))).toEqual([planted.cityPlanId]);
  });

  it('successful: a draft is read when named; the inspector reads what the admin reads', async () => {
    const draft = await ok(`?planId=${planted.draftPlanId}`, 'rongxian');
    expect(draft.plans).toHaveLength(1);
    expect(draft.plans[0]).toMatchObject({ planId: planted.draftPlanId, status: 'draft', total: { planned: 1, done: 0 } });
    const one = await ok(`?planId=${planted.cityPlanId}`, 'admin');
    expect(one.plans).toEqual([planOf(await ok('', 'admin'), planted.cityPlanId)]);
    expect(await ok('', 'inspector')).toEqual(await ok('', 'admin'));
  });

  it('successful: schools attached to the region itself form a 直属 row', async () => {
    const { Client } = await import('pg');
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      // Move 容县's planned school up to the county itself, as a county-run school would be.
      const { rongB } = planted.schools;
      const { rows } = await db.query(`SELECT scope_path FROM schools WHERE id = $1`, [rongB.id]);
      const moved = rows[0].scope_path.replace(`.${rongB.townshipId}.`, '.');
      for (const table of ['schools', 'inspections']) await db.query(`UPDATE ${table} SET scope_path = $2 WHERE ${table === 'schools' ? 'id' : 'school_id'} = $1`, [rongB.id, moved]);
      const plan = planOf(await ok('', 'rongxian'), planted.cityPlanId);
      expect(plan.regions.at(-1)).toMatchObject({ regionId: '450921', regionName: '容县', direct: true, planned: 1, done: 0 });
      expect(plan.total.planned).toBe(plan.regions.reduce((sum: number, r: Rec) => sum + r.planned, 0));
      expect(withoutRegion(rowOf(planOf(await ok('', 'admin'), planted.cityPlanId), '450921'))).toEqual(plan.total);
    } finally {
      await db.end();
    }
  });

  it.each([
    ['a plan id that is not a number', '?planId=abc', 'admin', 422, 'planId'],
    ['plan id 0', '?planId=0', 'admin', 422, 'planId'],
    ['a plan id beyond int4', '?planId=9999999999', 'admin', 422, 'planId'],
    ['a plan given twice', '?planId=1&planId=2', 'admin', 422, 'planId'],
    ['a plan that does not exist', '?planId=99999', 'admin', 422, 'planId'],
    ['another county’s plan', 'countyPlan', 'rongxian', 422, 'planId'],
    ['a malformed region', '?regionId=4509', 'admin', 422, 'regionId'],
    ['a region that does not exist', '?regionId=999999', 'admin', 422, 'regionId'],
    ['another county', '?regionId=450921', 'yuzhou', 422, 'regionId'],
    ['the city, from a county', '?regionId=450900', 'yuzhou', 422, 'regionId'],
    ['an unknown parameter', '?county=450902', 'admin', 422, 'county'],
  ])('failing: %s', async (_name, query, user, status, field) => {
    const response = await get(query === 'countyPlan' ? `?planId=${planted.countyPlanId}` : query, user);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ statusCode: 422, code: 'VALIDATION_FAILED' });
    expect(Object.keys(response.body.errors)).toEqual([field]);
  });

  it('failing: any value of either parameter is answered, never with a 5xx', async () => {
    const param = fc.oneof(hostileParam, fc.integer().map(String), fc.constantFrom('450900', '450902', '450921001', String(planted.cityPlanId)));
    await fc.assert(
      fc.asyncProperty(param, param, fc.constantFrom('admin', 'yuzhou'), async (planId, regionId, user) => {
        const response = await get(`?${new URLSearchParams({ planId, regionId })}`, user);
        if (response.status >= 500) throw new Error(`planId=${planId} regionId=${regionId} as ${user} → ${response.status}: ${JSON.stringify(response.body)}`);
        if (response.status !== 200) expectErrorShape(response);
      }),
      { numRuns: 60, endOnFailure: true },
    );
  }, 60_000);

  it('failing: the error reads in English when asked', async () => {
    const response = await api.request('GET', '/api/inspection-statistics?regionId=12', { token: token.admin, lang: 'en' });
    expect(response.body.errors).toEqual({ regionId: 'A region code has 6 or 9 digits' });
  });

  it.each([
    ['a school officer', 'school1', 403],
    ['finance', 'finance', 403],
  ])('failing: %s may not read the statistics', async (_name, user, status) => {
    const response = await get('', user);
    expect(response.status).toBe(status);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('failing: without a token, 401', async () => {
    expect((await api.request('GET', '/api/inspection-statistics')).status).toBe(401);
  });
});
