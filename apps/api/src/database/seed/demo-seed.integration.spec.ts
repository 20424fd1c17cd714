import { findIdNumberFault } from '@zizhu/schema';
import { listQuery, startTestApp, type TestApp, totalOf } from '../../testing/test-app';

/** What a newcomer finds after `npm start`: a city that behaves like a real one. */
describe('demo data', () => {
  let api: TestApp;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.login('admin');
  });
  afterAll(() => api.close());

  const total = async (resource: string, filter: Record<string, unknown> = {}) =>
    totalOf(await api.request('GET', `/api/${resource}${listQuery({ filter, range: [0, 0] })}`, { token: admin }));

  it('is a city with counties, townships, schools of every stage and 5,000 students', async () => {
    expect(await total('regions', { level: 'county' })).toBe(7);
    expect(await total('regions', { level: 'township' })).toBeGreaterThanOrEqual(30);
    expect(await total('schools')).toBeGreaterThanOrEqual(30);
    for (const stage of ['preschool', 'primary', 'junior', 'senior', 'vocational']) expect(await total('schools', { stages: stage })).toBeGreaterThan(0);
    expect(await total('students')).toBe(5000);
  });

  it('has valid ID numbers whose birth dates fit the students’ stages', async () => {
    const page = (await api.request('GET', `/api/students${listQuery({ range: [0, 199] })}`, { token: admin })).body;
    for (const s of page) expect(findIdNumberFault(s.idNumber)).toBeNull();
    const seniors = page.filter((s: { stage: string }) => s.stage === 'senior');
    expect(seniors.every((s: { birthDate: string }) => s.birthDate >= '2008-09-01' && s.birthDate <= '2012-08-31')).toBe(true);
  });

  it('has four departments’ lists whose comparison finds every kind of outcome', async () => {
    expect(await total('identity-types')).toBe(6);
    const lists = (await api.request('GET', `/api/identity-lists${listQuery({})}`, { token: admin })).body as { id: number }[];
    expect(lists).toHaveLength(4);
    expect(await total('identities')).toBe(300);
    const created = await api.request('POST', '/api/comparisons', {
      token: admin,
      body: { name: '演示比对', regionId: '450900', listIds: lists.map((l) => l.id).join(',') },
    });
    expect(created.status).toBe(201);
    expect((await api.request('POST', `/api/comparisons/${created.body.id}/run`, { token: admin })).status).toBe(202);
    let run = created.body;
    for (let i = 0; i < 200 && run.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      run = (await api.request('GET', `/api/comparisons/${run.id}`, { token: admin })).body;
    }
    expect(run.status).toBe('done');
    const outcome = (o: string) => total('comparison-results', { comparisonId: run.id, outcome: o });
    expect(await outcome('matched')).toBeGreaterThan(200);
    expect(await outcome('questionable')).toBeGreaterThan(10);
    expect(await outcome('unmatched')).toBeGreaterThan(10);
  });

  it('has a term of funds: approved rosters, a settled batch, allocations short and over, a refund and its clue', async () => {
    const finance = await api.login('finance');
    const get = async (path: string, token = finance) => (await api.request('GET', path, { token })).body;
    const spring = encodeURIComponent(JSON.stringify({ year: 2026, term: 'spring' }));
    expect(await total('rosters', { year: 2026, term: 'spring', status: 'approved' })).toBe(12);
    // Each went through the four steps of the chain, logged as the workflow logs them.
    expect(await total('roster-actions', { action: 'approve' })).toBe(48);
    const byRegion = (await get(`/api/funds/reconciliation?groupBy=region&filter=${spring}`)).rows as Record<string, number | string | null>[];
    const county = (id: string) => byRegion.find((r) => r.regionId === id)!;
    // 福绵区 was given 90 % of what its rosters need, 容县 115 %: one beyond its allocation, one with a balance.
    expect(county('450903').executionRateBp).toBeGreaterThan(10000);
    expect(county('450921').balance).toBeGreaterThan(0);
    const totals = (await get(`/api/funds/reconciliation?groupBy=program&filter=${spring}`)).totals;
    expect(totals).toMatchObject({ paid: expect.any(Number), refunded: 125000, pending: 0 });
    expect(totals.failed).toBeGreaterThan(0);
    expect(totals.returned).toBeGreaterThan(0);
    const kinds = ((await get(`/api/funds/exceptions?filter=${spring}`)).exceptions as { kind: string }[]).map((e) => e.kind);
    // …and the cases planted for the demo audit rules: paid by two schools (no roster basis there), left school before the payment.
    expect(new Set(kinds)).toEqual(new Set(['overAllocation', 'amountMismatch', 'paidTwice', 'noApprovedEntry', 'notEnrolled']));
    // The overdue list counts the failed and returned lines the bank did not pay (deadline 2026-06-15).
    expect(((await get('/api/funds/overdue')) as unknown[]).length).toBeGreaterThan(0);
    const clues = await get(`/api/clues${listQuery({ filter: { source: 'bigDataOffice' } })}`, await api.login('school1'));
    expect(clues).toEqual([expect.objectContaining({ source: 'bigDataOffice', status: 'closed', verdict: 'confirmed', refundRequired: true, schoolId: 1 })]);
  });

  it('has a published special inspection of five schools: done, in progress and planned, with findings in every state of rectification', async () => {
    const [plan] = (await api.request('GET', `/api/inspection-plans${listQuery({})}`, { token: admin })).body;
    expect(plan).toMatchObject({ status: 'published', mode: 'spot' });
    const inspections = (await api.request('GET', `/api/inspections${listQuery({ filter: { planId: plan.id } })}`, { token: admin })).body as { id: number; status: string; passed: boolean; findingsCount: number | null }[];
    expect(inspections.map((i) => i.status).sort()).toEqual(['planned', 'started', 'submitted', 'submitted', 'submitted']);
    const submitted = inspections.filter((i) => i.status === 'submitted');
    expect(submitted.map((i) => [i.passed, i.findingsCount]).sort()).toEqual([[false, 2], [true, 0], [true, 3]]);
    const findings = (await api.request('GET', `/api/clues${listQuery({ filter: { source: 'inspection' } })}`, { token: admin })).body as { status: string; severity: string; overdue: boolean }[];
    expect(findings.map((f) => f.status).sort()).toEqual(['answered', 'closed', 'open', 'open', 'returned']);
    expect(findings.filter((f) => f.status === 'open').every((f) => f.overdue)).toBe(true);
    expect(findings.some((f) => f.severity === 'high')).toBe(true);
    // The school sees its own inspection and findings only.
    const school = await api.login('school1');
    expect((await api.request('GET', `/api/inspections${listQuery({})}`, { token: school })).body).toHaveLength(1);
    expect(totalOf(await api.request('GET', `/api/clues${listQuery({ filter: { source: 'inspection' }, range: [0, 0] })}`, { token: school }))).toBe(3);
  });
});

