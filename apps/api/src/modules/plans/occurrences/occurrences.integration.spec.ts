import { DataSource } from 'typeorm';
import { listQuery, startTestApp, type Json, type TestApp } from '../../../testing/test-app';
import { PlansClock } from '../plans-clock';
import { OccurrenceRunner } from './occurrence-runner.service';

type Rec = Record<string, Json>;

/** China's noon on a date: what the clock says on that day whatever the server's zone. */
const onDay = (day: string) => new Date(`${day}T12:00:00+08:00`);

/**
 * Occurrences of a published plan by date, with the clock set by the spec: generated per unit
 * and period from the duty's fixed start through today plus the next one, once each (a rerun
 * adds nothing), their statuses following the date; township and county duties per region;
 * a stage filter; a duty added after publishing; what a published plan refuses; who reads what.
 */
describe('duty occurrences by date', () => {
  let api: TestApp;
  let db: DataSource;
  let runner: OccurrenceRunner;
  let clock: jest.SpyInstance;
  const token: Record<string, string> = {};
  const call = (method: string, path: string, user: string, body?: unknown) => api.request(method, path, { token: token[user], body });
  let plan: Rec;
  let monthly: Rec;
  let yuzhouSchools: number;

  const setToday = (day: string) => clock.mockReturnValue(onDay(day));
  const occurrences = (filter: Rec, user = 'yuzhou') => call('GET', `/api/duty-occurrences${listQuery({ filter, sort: ['dueDate', 'ASC'], range: [0, 999] })}`, user);
  const statuses = async (dutyId: number) =>
    (await db.query(`SELECT to_char(due_date, 'MM-DD') AS due, status, count(*)::int AS n FROM duty_occurrences WHERE duty_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [dutyId])) as { due: string; status: string; n: number }[];

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    runner = api.app.get(OccurrenceRunner);
    clock = jest.spyOn(api.app.get(PlansClock), 'now');
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1']) token[user] = await api.login(user);
    [{ n: yuzhouSchools }] = await db.query(`SELECT count(*)::int AS n FROM schools WHERE scope_path LIKE '450900.450902.%'`);
    setToday('2026-03-21');
    plan = (await call('POST', '/api/work-plans', 'yuzhou', { name: '日期测试计划', year: 2026, regionId: '450902' })).body;
    monthly = (await call('POST', '/api/duties', 'yuzhou', { planId: plan.id, title: '每月20日前上报月报', recurrence: 'freq=monthly;bymonthday=20' })).body;
  }, 120_000);
  afterAll(() => api.close());

  it('a new duty gets the plan year’s 1 January as its start and its rule normalised; a draft plan has no occurrences', async () => {
    expect(monthly).toMatchObject({ startDate: '2026-01-01', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=20', level: 'school', completionRule: 'manual' });
    expect(await statuses(monthly.id)).toEqual([]);
  });

  it('publishing on 03-21 makes, for every school, the periods due by then and the next one: past ones missed, the next pending', async () => {
    const published = await call('POST', `/api/work-plans/${plan.id}/publish`, 'yuzhou');
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect(await statuses(monthly.id)).toEqual([
      { due: '01-20', status: 'missed', n: yuzhouSchools },
      { due: '02-20', status: 'missed', n: yuzhouSchools },
      { due: '03-20', status: 'missed', n: yuzhouSchools },
      { due: '04-20', status: 'pending', n: yuzhouSchools },
    ]);
    const [school] = await db.query(`SELECT school_id AS id FROM users WHERE username = 'school1'`);
    const periods = await db.query(
      `SELECT to_char(period_start, 'YYYY-MM-DD') AS "from", to_char(due_date, 'YYYY-MM-DD') AS due, unit_key AS unit FROM duty_occurrences WHERE duty_id = $1 AND school_id = $2 ORDER BY due_date`,
      [monthly.id, school.id],
    );
    expect(periods).toEqual([
      { from: '2026-01-01', due: '2026-01-20', unit: `s${school.id}` },
      { from: '2026-01-21', due: '2026-02-20', unit: `s${school.id}` },
      { from: '2026-02-21', due: '2026-03-20', unit: `s${school.id}` },
      { from: '2026-03-21', due: '2026-04-20', unit: `s${school.id}` },
    ]);
  });

  it('the job again the same day adds nothing; a month later it adds the next period and the one past due is missed', async () => {
    expect((await runner.runAll('2026-03-21')).added).toBe(0);
    const later = await runner.runAll('2026-04-21');
    expect(later.added).toBe(yuzhouSchools);
    expect((await statuses(monthly.id)).slice(-2)).toEqual([
      { due: '04-20', status: 'missed', n: yuzhouSchools },
      { due: '05-20', status: 'pending', n: yuzhouSchools },
    ]);
    // A night missed is made up: three months on, the periods between appear at once.
    await runner.runAll('2026-07-21');
    expect((await statuses(monthly.id)).map((s) => s.due)).toEqual(['01-20', '02-20', '03-20', '04-20', '05-20', '06-20', '07-20', '08-20']);
  });

  it('nothing beyond the plan year: on 12-25 the last period is December’s', async () => {
    await runner.runAll('2026-12-25');
    const dues = (await statuses(monthly.id)).map((s) => s.due);
    expect(dues).toHaveLength(12);
    expect(dues.at(-1)).toBe('12-20');
  });

  it('township and county duties are per region; a stage filter keeps only those schools', async () => {
    const township = (await call('POST', '/api/duties', 'yuzhou', { planId: plan.id, title: '乡镇季度汇总', level: 'township', recurrence: 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1' })).body;
    const county = (await call('POST', '/api/duties', 'yuzhou', { planId: plan.id, title: '开展月巡视', level: 'county', recurrence: 'FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=-1' })).body;
    const senior = (await call('POST', '/api/duties', 'yuzhou', { planId: plan.id, title: '普高资助政策宣传', appliesTo: { stages: ['senior'] }, recurrence: 'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30' })).body;
    expect([township.id, county.id, senior.id].every(Boolean)).toBe(true);
    const [{ n: townships }] = await db.query(`SELECT count(*)::int AS n FROM regions WHERE level = 'township' AND parent_id = '450902'`);
    const [{ n: seniorSchools }] = await db.query(`SELECT count(*)::int AS n FROM schools WHERE scope_path LIKE '450900.450902.%' AND 'senior' = ANY(stages)`);
    // Added to the published plan on 12-25 (the clock still says 2026-03-21 for routes): made at once, through the route's today.
    expect(await db.query(`SELECT DISTINCT unit_key AS unit FROM duty_occurrences WHERE duty_id = $1`, [county.id])).toEqual([{ unit: 'r450902' }]);
    const [{ n: townshipUnits }] = await db.query(`SELECT count(DISTINCT unit_key)::int AS n FROM duty_occurrences WHERE duty_id = $1 AND region_id IS NOT NULL`, [township.id]);
    expect(townshipUnits).toBe(townships);
    const [{ n: seniorUnits }] = await db.query(`SELECT count(DISTINCT school_id)::int AS n FROM duty_occurrences WHERE duty_id = $1`, [senior.id]);
    expect(seniorSchools).toBeGreaterThan(0);
    expect(seniorUnits).toBe(seniorSchools);
    expect(seniorUnits).toBeLessThan(yuzhouSchools);
  });

  it('a published plan’s duty may be reworded but not rescheduled nor deleted; the plan is not deleted', async () => {
    const reworded = await call('PUT', `/api/duties/${monthly.id}`, 'yuzhou', { title: '每月20日前上报资助月报', version: monthly.version });
    expect(reworded.status).toBe(200);
    const rescheduled = await call('PUT', `/api/duties/${monthly.id}`, 'yuzhou', { recurrence: 'FREQ=MONTHLY;BYMONTHDAY=25', version: reworded.body.version });
    expect(rescheduled.status).toBe(409);
    expect((await call('DELETE', `/api/duties/${monthly.id}`, 'yuzhou')).status).toBe(409);
    expect((await call('DELETE', `/api/work-plans/${plan.id}`, 'yuzhou')).status).toBe(409);
    expect((await call('POST', `/api/work-plans/${plan.id}/publish`, 'yuzhou')).status).toBe(409);
  });

  it.each([
    [{ recurrence: 'FREQ=HOURLY' }, 'recurrence'],
    [{ recurrence: 'BYMONTHDAY=20' }, 'recurrence'],
    [{ recurrence: 'FREQ=MONTHLY;BYMONTHDAY=20', appliesTo: { stages: ['nursery'] } }, 'appliesTo'],
    [{ recurrence: 'FREQ=MONTHLY;BYMONTHDAY=20', level: 'county', completionRule: 'rosterPaid' }, 'completionRule'],
    [{ recurrence: 'FREQ=MONTHLY;BYMONTHDAY=20', startDate: '2025-06-01' }, 'startDate'],
  ])('a duty %j is refused on %s', async (fields, key) => {
    const draft = (await call('POST', '/api/work-plans', 'yuzhou', { name: '草稿', year: 2026, regionId: '450902' })).body;
    const response = await call('POST', '/api/duties', 'yuzhou', { planId: draft.id, title: '任务', ...fields });
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.errors)).toEqual([key]);
  });

  it('a plan belongs to a city or county; one without duties is not published', async () => {
    const township = await call('POST', '/api/work-plans', 'yuzhou', { name: '乡镇计划', year: 2026, regionId: (await db.query(`SELECT id FROM regions WHERE parent_id = '450902' LIMIT 1`))[0].id });
    expect(township.status).toBe(422);
    expect(Object.keys(township.body.errors)).toEqual(['regionId']);
    const empty = (await call('POST', '/api/work-plans', 'yuzhou', { name: '空计划', year: 2026, regionId: '450902' })).body;
    const refused = await call('POST', `/api/work-plans/${empty.id}/publish`, 'yuzhou');
    expect(refused.status).toBe(422);
    expect(refused.body.errors.duties).toContain('还没有任务');
  });

  it('a school reads only its own occurrences; the county its schools’; another county none of them', async () => {
    const [school] = await db.query(`SELECT school_id AS id FROM users WHERE username = 'school1'`);
    const own = await occurrences({ planId: plan.id }, 'school1');
    expect(own.status).toBe(200);
    expect(own.body.length).toBeGreaterThan(0);
    expect(own.body.every((o: Rec) => o.schoolId === school.id)).toBe(true);
    const county = await occurrences({ planId: plan.id, dutyId: monthly.id });
    expect(new Set(county.body.map((o: Rec) => o.schoolId)).size).toBe(yuzhouSchools);
    expect((await occurrences({ planId: plan.id }, 'rongxian')).body).toEqual([]);
    // The plan and its duties are read from below (the school sees what it must do); written only by the county.
    expect((await call('GET', `/api/duties/${monthly.id}`, 'school1')).body).toMatchObject({ title: '每月20日前上报资助月报', writable: false });
    expect((await call('GET', `/api/work-plans/${plan.id}`, 'rongxian')).status).toBe(404);
  });
});
