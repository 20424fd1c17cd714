import { DataSource } from 'typeorm';
import { startTestApp, type Json, type TestApp } from '../../../testing/test-app';
import { PlansClock } from '../plans-clock';

type Rec = Record<string, Json>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/**
 * A manual duty's workflow in 2025 (the demo plan is this year's), with the clock set by the spec: school1 submits evidence, 玉州区
 * accepts (on time or late by the submission's date) or returns it with a reason and school1
 * submits again; who may do what; the unit's home-page list and the planner's completion
 * table over the same occurrences.
 */
describe('manual duties: submit, accept, return', () => {
  let api: TestApp;
  let db: DataSource;
  let clock: jest.SpyInstance;
  const token: Record<string, string> = {};
  const call = (method: string, path: string, user: string, body?: unknown) => api.request(method, path, { token: token[user], body });
  let plan: Rec;
  let manual: Rec;
  let automatic: Rec;
  let countyDuty: Rec;
  let schoolId: number;

  const setToday = (day: string) => clock.mockReturnValue(new Date(`${day}T12:00:00+08:00`));
  const occurrence = async (duty: Rec, due: string, unit = `s${schoolId}`): Promise<Rec> => {
    const [row] = await db.query(`SELECT id FROM duty_occurrences WHERE duty_id = $1 AND unit_key = $2 AND due_date = $3`, [duty.id, unit, due]);
    return (await call('GET', `/api/duty-occurrences/${row.id}`, 'yuzhou')).body;
  };
  async function upload(user: string): Promise<number> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), '月报.pdf');
    const response = await fetch(`${api.baseUrl}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token[user]}` }, body: form });
    expect(response.status).toBe(201);
    return ((await response.json()) as Rec).id;
  }
  const submit = async (target: Rec, user = 'school1', body: Rec = {}) =>
    call('POST', `/api/duty-occurrences/${target.id}/submit`, user, { evidenceFileId: await upload(user), note: '已上报', ...body });

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    clock = jest.spyOn(api.app.get(PlansClock), 'now');
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2']) token[user] = await api.login(user);
    [{ id: schoolId }] = await db.query(`SELECT school_id AS id FROM users WHERE username = 'school1'`);
    setToday('2025-03-10');
    plan = (await call('POST', '/api/work-plans', 'yuzhou', { name: '审核测试计划', year: 2025, regionId: '450902' })).body;
    manual = (await call('POST', '/api/duties', 'yuzhou', { planId: plan.id, title: '每月20日前上报月报', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=20', evidenceExpected: '盖章扫描件' })).body;
    automatic = (await call('POST', '/api/duties', 'yuzhou', { planId: plan.id, title: '每月20日前更新系统数据', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=20', completionRule: 'recordsUpdated' })).body;
    countyDuty = (await call('POST', '/api/duties', 'yuzhou', { planId: plan.id, title: '一季度巡视', level: 'county', recurrence: 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31' })).body;
    expect((await call('POST', `/api/work-plans/${plan.id}/publish`, 'yuzhou')).status).toBe(200);
  }, 120_000);
  afterAll(() => api.close());

  it('the school’s home page lists this month’s duties as due soon and the past ones as overdue', async () => {
    const mine = await call('GET', '/api/me/duties', 'school1');
    expect(mine.status).toBe(200);
    const ofPlan = (list: Rec[]) => list.filter((d) => d.planName === '审核测试计划').map((d) => `${d.title}@${d.dueDate}`);
    expect(ofPlan(mine.body.dueSoon)).toEqual(['每月20日前上报月报@2025-03-20', '每月20日前更新系统数据@2025-03-20']);
    expect(ofPlan(mine.body.overdue)).toEqual(['每月20日前上报月报@2025-01-20', '每月20日前更新系统数据@2025-01-20', '每月20日前上报月报@2025-02-20', '每月20日前更新系统数据@2025-02-20']);
    expect(mine.body.dueSoon.find((d: Rec) => d.dutyId === manual.id)).toMatchObject({ evidenceExpected: '盖章扫描件', completionRule: 'manual', status: 'pending' });
    // The county's own duty is the county's, not the school's; due in 11 days on 03-20, it is due soon.
    expect(ofPlan(mine.body.dueSoon).concat(ofPlan(mine.body.overdue)).some((d) => d.startsWith('一季度巡视'))).toBe(false);
    setToday('2025-03-20');
    expect(ofPlan((await call('GET', '/api/me/duties', 'yuzhou')).body.dueSoon)).toEqual(['一季度巡视@2025-03-31']);
  });

  it('submitted on 03-15 and accepted on 03-25: done on time, completed the day it was submitted', async () => {
    const march = await occurrence(manual, '2025-03-20');
    const noFile = await call('POST', `/api/duty-occurrences/${march.id}/submit`, 'school1', { note: '无附件' });
    expect(noFile.status).toBe(422);
    expect(Object.keys(noFile.body.errors)).toEqual(['evidenceFileId']);
    setToday('2025-03-15');
    const submitted = await submit(march);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', note: '已上报', evidenceFileId: expect.any(Number), submittedAt: expect.any(String) });
    setToday('2025-03-25');
    const accepted = await call('POST', `/api/duty-occurrences/${march.id}/accept`, 'yuzhou', { version: submitted.body.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'done', onTime: true, completedAt: '2025-03-15', reviewedAt: expect.any(String) });
    // The evidence is the occurrence's: its county downloads it, another county does not.
    expect((await fetch(`${api.baseUrl}/api/files/${submitted.body.evidenceFileId}`, { headers: { authorization: `Bearer ${token.yuzhou}` } })).status).toBe(200);
    expect((await fetch(`${api.baseUrl}/api/files/${submitted.body.evidenceFileId}`, { headers: { authorization: `Bearer ${token.rongxian}` } })).status).toBe(404);
    const [audit] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE resource = 'duty-occurrences' AND record_id = $1`, [String(march.id)]);
    expect(audit.n).toBe(2);
  });

  it('February, missed, submitted late: returned with a reason, submitted again, accepted as late', async () => {
    const february = await occurrence(manual, '2025-02-20');
    expect(february.status).toBe('missed');
    setToday('2025-03-15');
    await submit(february);
    const noReason = await call('POST', `/api/duty-occurrences/${february.id}/return`, 'yuzhou', { reason: '  ' });
    expect(noReason.status).toBe(422);
    expect(Object.keys(noReason.body.errors)).toEqual(['reason']);
    const returned = await call('POST', `/api/duty-occurrences/${february.id}/return`, 'yuzhou', { reason: '报表未盖章' });
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '报表未盖章' });
    const mine = (await call('GET', '/api/me/duties', 'school1')).body.returned.filter((d: Rec) => d.planName === '审核测试计划');
    expect(mine).toEqual([expect.objectContaining({ id: february.id, returnReason: '报表未盖章' })]);
    setToday('2025-03-16');
    const again = await submit(february);
    expect(again.body).toMatchObject({ status: 'submitted', returnReason: null });
    const accepted = await call('POST', `/api/duty-occurrences/${february.id}/accept`, 'yuzhou', { reason: '已盖章' });
    expect(accepted.body).toMatchObject({ status: 'late', onTime: false, completedAt: '2025-03-16' });
  });

  it.each([
    ['accepting what is already done', 'yuzhou', 'accept', 'march', 409],
    ['a school submitting a duty the data decides', 'school1', 'submit', 'automatic', 409],
    ['another county’s school submitting it', 'school2', 'submit', 'january', 404],
    ['the county submitting for a school', 'yuzhou', 'submit', 'january', 403],
    ['a school accepting its own', 'school1', 'accept', 'january', 403],
    ['another county reviewing it', 'rongxian', 'return', 'january', 404],
  ])('refused: %s', async (_case, user, action, which, status) => {
    const targets: Record<string, () => Promise<Rec>> = {
      march: () => occurrence(manual, '2025-03-20'),
      automatic: () => occurrence(automatic, '2025-03-20'),
      january: () => occurrence(manual, '2025-01-20'),
    };
    const target = await targets[which]();
    const body = action === 'submit' ? { evidenceFileId: await upload(user) } : { reason: '理由' };
    expect((await call('POST', `/api/duty-occurrences/${target.id}/${action}`, user, body)).status).toBe(status);
  });

  it('the county submits its own duty; the city above it reviews as well', async () => {
    const county = await occurrence(countyDuty, '2025-03-31', 'r450902');
    expect((await submit(county, 'yuzhou')).body.status).toBe('submitted');
    const accepted = await call('POST', `/api/duty-occurrences/${county.id}/accept`, 'admin', {});
    expect(accepted.body).toMatchObject({ status: 'done', onTime: true });
  });

  it('the completion table: units by month with their statuses and totals; by due date for one duty; a school sees its own row', async () => {
    const table = await call('GET', `/api/work-plans/${plan.id}/completion`, 'yuzhou');
    expect(table.status).toBe(200);
    const [{ n: schools }] = await db.query(`SELECT count(*)::int AS n FROM schools WHERE scope_path LIKE '450900.450902.%'`);
    expect(table.body.units).toHaveLength(schools + 1);
    expect(table.body.columns).toEqual([{ key: '2025-01' }, { key: '2025-02' }, { key: '2025-03' }]);
    const row = table.body.cells[`s${schoolId}`];
    expect(row['2025-01'].counts).toEqual({ missed: 2 });
    expect(row['2025-02'].counts).toEqual({ late: 1, missed: 1 });
    expect(row['2025-03'].counts).toEqual({ done: 1, pending: 1 });
    expect(table.body.totals[`s${schoolId}`]).toEqual({ done: 1, late: 1, missed: 3, open: 1 });
    expect(table.body.cells.r450902['2025-03']).toMatchObject({ counts: { done: 1 }, status: 'done' });

    const byDuty = await call('GET', `/api/work-plans/${plan.id}/completion?dutyId=${manual.id}`, 'yuzhou');
    expect(byDuty.body.columns.map((c: Rec) => c.key)).toEqual(['2025-01-20', '2025-02-20', '2025-03-20']);
    expect(byDuty.body.cells[`s${schoolId}`]['2025-03-20']).toMatchObject({ status: 'done', occurrenceId: expect.any(Number) });
    expect(byDuty.body.units).toHaveLength(schools);

    const own = await call('GET', `/api/work-plans/${plan.id}/completion`, 'school1');
    expect(own.body.units.map((u: Rec) => u.key)).toEqual([`s${schoolId}`]);
    expect((await call('GET', `/api/work-plans/${plan.id}/completion?dutyId=999999`, 'yuzhou')).status).toBe(422);
    expect((await call('GET', `/api/work-plans/${plan.id}/completion`, 'rongxian')).status).toBe(404);
  });
});
