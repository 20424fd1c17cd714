import { DataSource } from 'typeorm';
import { plantClue, plantDuty, plantOccurrence, plantPlan, type PlantedSchool, yuzhouSchools } from '../../testing/review.fixtures';
import { type Json, listQuery, startTestApp, type TestApp } from '../../testing/test-app';
import { PlansClock } from '../plans/plans-clock';

type Rec = Record<string, Json>;

const WEIGHTS = { dutiesWeight: 50, verificationWeight: 0, paymentsWeight: 0, rectificationsWeight: 50, inspectionWeight: 0, notificationWeight: 0, laggingBelow: 70 };

/**
 * 月点评 over HTTP on a 2017 plan of 玉州区 (the clock set to 5 December 2017): created for a
 * period of the plan's year, computed from planted duties and clues with the plan's weights,
 * computed again as the data moves, issued — then frozen whatever the data does — and read
 * by each school as its own line only. A city review read by a county: its schools' rows,
 * ranked among the whole city.
 */
describe('reviews (月点评 / 季通报)', () => {
  let api: TestApp;
  let db: DataSource;
  const token: Record<string, string> = {};
  const call = (method: string, path: string, user: string, body?: unknown) => api.request(method, path, { token: token[user], body });
  let schools: PlantedSchool[];
  let planId: number;
  let reviewId: number;
  /** 一中 (school1's), 第一幼儿园, 启航幼儿园, 职业中专 — in 玉州区's tree order. */
  let a: PlantedSchool;
  let b: PlantedSchool;
  let c: PlantedSchool;
  let d: PlantedSchool;
  let cMissed: number;

  const rowsOf = async (id: number, user: string): Promise<Rec[]> => {
    const response = await call('GET', `/api/review-rows${listQuery({ filter: { reviewId: id }, sort: ['rank', 'ASC'], range: [0, 99] })}`, user);
    expect(response.status).toBe(200);
    return response.body;
  };
  const line = (row: Rec) => [row.schoolId, row.rank, row.total, row.lagging];

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    jest.spyOn(api.app.get(PlansClock), 'now').mockReturnValue(new Date('2017-12-05T10:00:00+08:00'));
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'inspector']) token[user] = await api.login(user);
    schools = await yuzhouSchools(db);
    [a, c, b, d] = [schools[0], schools[2], schools[1], schools[3]];
    planId = await plantPlan(db, 2017);
    const monthly = await plantDuty(db, planId, '每月20日前更新维护学生资助管理信息系统数据');
    const report = await plantDuty(db, planId, '每月28日前上报当月月点评季通报表', 'FREQ=MONTHLY;BYMONTHDAY=28');
    for (const [school, first, second] of [
      [a, 'done', 'done'],
      [b, 'done', 'late'],
      [c, 'done', 'missed'],
      [d, 'done', 'done'],
    ] as const) {
      await plantOccurrence(db, monthly, school, '2017-05-20', first);
      const id = await plantOccurrence(db, report, school, '2017-05-28', second);
      if (school === c) cMissed = id;
    }
    await plantClue(db, a, '2017-05-15', '2017-05-14T10:00:00+08:00');
    await plantClue(db, b, '2017-05-15', null);
  }, 120_000);
  afterAll(() => api.close());

  it('the demo: 玉州区’s plan has an issued 月点评 and 季通报, each ranking its seven schools, some lagging for a missed duty', async () => {
    const reviews: Rec[] = (await call('GET', `/api/reviews${listQuery({ filter: { status: 'issued' }, sort: ['id', 'ASC'] })}`, 'yuzhou')).body;
    expect(reviews.map((r) => r.kind)).toEqual(['monthly', 'quarterly']);
    expect(reviews[1].title).toMatch(/^玉州区\d{4}年第.季度学生资助工作季通报$/);
    for (const review of reviews) {
      const rows = await rowsOf(review.id, 'yuzhou');
      expect(rows).toHaveLength(7);
      expect(review.laggingCount).toBe(rows.filter((r) => r.lagging).length);
      expect(rows.some((r) => r.lagging && r.missedDuties.length > 0)).toBe(true);
    }
    const [own] = await rowsOf(reviews[1].id, 'school1');
    expect(own.schoolId).toBe(a.id);
  });

  describe('weights per plan', () => {
    it.each([
      ['weights not totalling 100', { ...WEIGHTS, dutiesWeight: 60 }, 'dutiesWeight', '各项权重合计应为 100（现为 110）'],
      ['a weight above 100', { ...WEIGHTS, dutiesWeight: 150, rectificationsWeight: -50 }, 'dutiesWeight', undefined],
      ['a lagging line above 100', { ...WEIGHTS, laggingBelow: 101 }, 'laggingBelow', undefined],
    ])('failing: %s (422)', async (_case, body, field, message) => {
      const response = await call('POST', '/api/review-weights', 'yuzhou', { planId, ...body });
      expect(response.status).toBe(422);
      expect(Object.keys(response.body.errors)).toContain(field);
      if (message) expect(response.body.errors[field]).toBe(message);
    });

    it('successful: the county sets its plan’s weights, once per plan; a school cannot', async () => {
      expect((await call('POST', '/api/review-weights', 'school1', { planId, ...WEIGHTS })).status).toBe(403);
      const created = await call('POST', '/api/review-weights', 'yuzhou', { planId, ...WEIGHTS });
      expect(created.status).toBe(201);
      const again = await call('POST', '/api/review-weights', 'yuzhou', { planId, ...WEIGHTS });
      expect(again.status).toBe(422);
      expect(again.body.errors).toHaveProperty('planId');
    });
  });

  describe('creating a review', () => {
    it('successful: the server names it and fills the region, year and period from the plan', async () => {
      const created = await call('POST', '/api/reviews', 'yuzhou', { planId, kind: 'monthly', month: 5 });
      expect(created.status).toBe(201);
      reviewId = created.body.id;
      expect(created.body).toMatchObject({
        title: '玉州区2017年5月学生资助工作月点评',
        regionId: '450902',
        year: 2017,
        month: 5,
        quarter: null,
        periodKey: '2017-05',
        periodStart: '2017-05-01',
        periodEnd: '2017-05-31',
        status: 'draft',
        computedAt: null,
      });
    });

    it.each([
      ['a school', 'school1', () => ({ planId, kind: 'monthly', month: 6 }), 403, null],
      ['a monthly review without its month', 'yuzhou', () => ({ planId, kind: 'monthly' }), 422, 'month'],
      ['a monthly review with a quarter', 'yuzhou', () => ({ planId, kind: 'monthly', month: 6, quarter: 2 }), 422, 'month'],
      ['a quarterly bulletin without its quarter', 'yuzhou', () => ({ planId, kind: 'quarterly', month: 6 }), 422, 'quarter'],
      ['month 13', 'yuzhou', () => ({ planId, kind: 'monthly', month: 13 }), 422, 'month'],
      ['the same month again', 'yuzhou', () => ({ planId, kind: 'monthly', month: 5 }), 422, 'month'],
      ['a region outside the plan’s', 'admin', () => ({ planId, kind: 'monthly', month: 6, regionId: '450921' }), 422, 'regionId'],
      ['another county’s plan', 'rongxian', () => ({ planId, kind: 'monthly', month: 6 }), 403, null],
    ])('failing: %s', async (_case, user, body, status, field) => {
      const response = await call('POST', '/api/reviews', user, body());
      expect(response.status).toBe(status);
      if (field) expect(Object.keys(response.body.errors)).toEqual([field]);
    });

    it('failing: a plan not published yet, and a period that has not begun', async () => {
      const [{ id: draftPlan }] = await db.query(`INSERT INTO work_plans (name, year, region_id, status, scope_path, version) VALUES ('草稿计划', 2017, '450902', 'draft', '450900.450902.', 1) RETURNING id`);
      const draft = await call('POST', '/api/reviews', 'yuzhou', { planId: draftPlan, kind: 'monthly', month: 5 });
      expect([draft.status, Object.keys(draft.body.errors)]).toEqual([422, ['planId']]);
      const future = await call('POST', '/api/reviews', 'yuzhou', { planId: await plantPlan(db, 2018), kind: 'quarterly', quarter: 1 });
      expect([future.status, future.body.errors]).toEqual([422, { quarter: '该期尚未开始，不能点评' }]);
    });
  });

  describe('computing', () => {
    it('successful: every school of the region ranked with the plan’s weights; ties share a rank; lagging with what was missed', async () => {
      const computed = await call('POST', `/api/reviews/${reviewId}/compute`, 'yuzhou');
      expect(computed.status).toBe(200);
      expect(computed.body).toMatchObject({ status: 'draft', asOf: '2017-05-31', laggingBelow: 70, unitCount: 7, laggingCount: 2 });
      expect(computed.body.indicators.map((i: Rec) => [i.code, i.weight])).toEqual([
        ['duties', 50],
        ['verification', 0],
        ['payments', 0],
        ['rectifications', 50],
        ['inspection', 0],
        ['notification', 0],
      ]);
      const rows = await rowsOf(reviewId, 'yuzhou');
      const [e, f, g] = schools.slice(4);
      // 一中 and 职业中专: 100 (duties 100, clue closed / none); 启航: duties ½ → 50; 第一幼儿园: (75 + 0) / 2 = 37.5; the rest: nothing to count.
      expect(rows.map(line)).toEqual([
        [a.id, 1, 100, false],
        [d.id, 1, 100, false],
        [c.id, 3, 50, true],
        [b.id, 4, 37.5, true],
        [e.id, null, null, false],
        [f.id, null, null, false],
        [g.id, null, null, false],
      ]);
      const [, , rowC, rowB] = rows;
      expect(rowC.missedDuties).toEqual([{ dutyId: expect.any(Number), title: '每月28日前上报当月月点评季通报表', dueDate: '2017-05-28' }]);
      expect(rowC.weakIndicators).toEqual([{ code: 'duties', value: 50 }]);
      expect(rowB.missedDuties).toEqual([]);
      expect(rowB.weakIndicators).toEqual([{ code: 'rectifications', value: 0 }]);
      expect(rowB.figures.duties).toEqual({ value: 75, counts: { onTime: 1, late: 1, missed: 0, open: 0 } });
      expect(rowB.figures.rectifications).toEqual({ value: 0, counts: { due: 1, closedOnTime: 0, closedLate: 0, open: 1 } });
      expect(rowB).toMatchObject({ unitName: b.name, regionName: '玉城街道', issuedTo: null });
    });

    it('a draft’s rows are the planners’: the county and the city read them, the school does not', async () => {
      expect(await rowsOf(reviewId, 'admin')).toHaveLength(7);
      expect(await rowsOf(reviewId, 'school1')).toEqual([]);
      // The school reads the review itself (from below), not its figures.
      expect((await call('GET', `/api/reviews/${reviewId}`, 'school1')).status).toBe(200);
      expect((await call('GET', `/api/reviews/${reviewId}`, 'rongxian')).status).toBe(404);
    });

    it('computed again, it follows the data: 启航 submits late what it missed', async () => {
      await db.query(`UPDATE duty_occurrences SET status = 'late' WHERE id = $1`, [cMissed]);
      const computed = await call('POST', `/api/reviews/${reviewId}/compute`, 'yuzhou');
      expect(computed.body).toMatchObject({ laggingCount: 1 });
      const rows = await rowsOf(reviewId, 'yuzhou');
      expect(rows.slice(0, 4).map(line)).toEqual([
        [a.id, 1, 100, false],
        [d.id, 1, 100, false],
        [c.id, 3, 75, false],
        [b.id, 4, 37.5, true],
      ]);
    });

    it.each([
      ['a school', 'school1', 403],
      ['another county', 'rongxian', 404],
      ['the inspector', 'inspector', 403],
    ])('failing: %s cannot compute or issue', async (_who, user, status) => {
      expect((await call('POST', `/api/reviews/${reviewId}/compute`, user)).status).toBe(status);
      expect((await call('POST', `/api/reviews/${reviewId}/issue`, user)).status).toBe(status);
    });

    it('failing: a review never computed cannot be issued (409)', async () => {
      const quarterly = await call('POST', '/api/reviews', 'yuzhou', { planId, kind: 'quarterly', quarter: 2 });
      expect(quarterly.status).toBe(201);
      const issued = await call('POST', `/api/reviews/${quarterly.body.id}/issue`, 'yuzhou');
      expect([issued.status, issued.body.code, issued.body.message]).toEqual([409, 'IN_USE', '请先计算排名，再发布']);
    });
  });

  describe('issuing', () => {
    let before: Rec[];

    it('successful: issued, each row goes to its school', async () => {
      before = await rowsOf(reviewId, 'yuzhou');
      const issued = await call('POST', `/api/reviews/${reviewId}/issue`, 'yuzhou');
      expect(issued.status).toBe(200);
      expect(issued.body).toMatchObject({ status: 'issued', issuedBy: expect.any(Number) });
      expect(issued.body.issuedAt).toBe('2017-12-05T02:00:00.000Z');
      const rows = await rowsOf(reviewId, 'yuzhou');
      expect(rows.map((r) => r.issuedTo)).toEqual(rows.map((r) => r.schoolId));
    });

    it('each school reads its own line and nobody else’s; another county none', async () => {
      const own = await rowsOf(reviewId, 'school1');
      expect(own.map(line)).toEqual([[a.id, 1, 100, false]]);
      const other = (await rowsOf(reviewId, 'yuzhou')).find((r) => r.schoolId === b.id)!;
      expect((await call('GET', `/api/review-rows/${other.id}`, 'school1')).status).toBe(404);
      expect((await call('GET', `/api/review-rows/${own[0].id}`, 'school1')).status).toBe(200);
      expect(await rowsOf(reviewId, 'rongxian')).toEqual([]);
    });

    it('frozen: changing the data afterwards changes no row, and nothing recomputes, edits or deletes it', async () => {
      await db.query(`UPDATE duty_occurrences SET status = 'missed' WHERE school_id = $1 AND plan_id = $2`, [a.id, planId]);
      await plantClue(db, d, '2017-05-20', null);
      const compute = await call('POST', `/api/reviews/${reviewId}/compute`, 'yuzhou');
      expect([compute.status, compute.body.code]).toEqual([409, 'IN_USE']);
      expect((await call('POST', `/api/reviews/${reviewId}/issue`, 'yuzhou')).status).toBe(409);
      const review = (await call('GET', `/api/reviews/${reviewId}`, 'yuzhou')).body;
      expect((await call('PUT', `/api/reviews/${reviewId}`, 'yuzhou', { remarks: '改写', version: review.version })).status).toBe(409);
      expect((await call('DELETE', `/api/reviews/${reviewId}`, 'yuzhou')).status).toBe(409);
      const after = await rowsOf(reviewId, 'yuzhou');
      expect(after.map(({ figures, missedDuties, weakIndicators, rank, total, lagging, schoolId }) => ({ figures, missedDuties, weakIndicators, rank, total, lagging, schoolId }))).toEqual(
        before.map(({ figures, missedDuties, weakIndicators, rank, total, lagging, schoolId }) => ({ figures, missedDuties, weakIndicators, rank, total, lagging, schoolId })),
      );
      // The same month computed afresh would now say otherwise.
      const fresh = await call('POST', '/api/reviews', 'yuzhou', { planId, kind: 'monthly', month: 5, regionId: '450902001' });
      expect(fresh.status).toBe(201);
      await call('POST', `/api/reviews/${fresh.body.id}/compute`, 'yuzhou');
      expect((await rowsOf(fresh.body.id, 'yuzhou')).find((r) => r.schoolId === a.id)).toMatchObject({ total: 50, lagging: true });
    });
  });

  it('a draft is deleted with its rows', async () => {
    const draft = await call('POST', '/api/reviews', 'yuzhou', { planId, kind: 'monthly', month: 7 });
    await call('POST', `/api/reviews/${draft.body.id}/compute`, 'yuzhou');
    expect((await rowsOf(draft.body.id, 'yuzhou')).length).toBe(7);
    expect((await call('DELETE', `/api/reviews/${draft.body.id}`, 'yuzhou')).status).toBe(200);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM review_rows WHERE review_id = $1`, [draft.body.id]);
    expect(n).toBe(0);
  });

  it('a city review read by a county: only its schools’ rows, ranked among the whole city; it cannot compute the city’s', async () => {
    const cityPlan = await plantPlan(db, 2017, '450900', '玉林市2017年度学生资助工作计划');
    const duty = await plantDuty(db, cityPlan, '每月20日前更新维护系统数据');
    const [{ id: far }] = await db.query(`SELECT id, scope_path AS path FROM schools WHERE scope_path LIKE '450900.450921.%' ORDER BY id LIMIT 1`);
    const [farSchool]: PlantedSchool[] = await db.query(`SELECT id, name, scope_path AS path FROM schools WHERE id = $1`, [far]);
    await plantOccurrence(db, duty, farSchool, '2017-05-20', 'done');
    await plantOccurrence(db, duty, a, '2017-05-20', 'late');
    await plantOccurrence(db, duty, b, '2017-05-20', 'missed');
    const review = await call('POST', '/api/reviews', 'admin', { planId: cityPlan, kind: 'monthly', month: 5 });
    expect(review.body.title).toBe('玉林市2017年5月学生资助工作月点评');
    expect((await call('POST', `/api/reviews/${review.body.id}/compute`, 'yuzhou')).status).toBe(403);
    expect((await call('POST', `/api/reviews/${review.body.id}/compute`, 'admin')).body.unitCount).toBeGreaterThan(30);
    expect((await call('POST', `/api/reviews/${review.body.id}/issue`, 'admin')).status).toBe(200);

    const city = await rowsOf(review.body.id, 'admin');
    const county = await rowsOf(review.body.id, 'yuzhou');
    expect(county.map((r) => r.schoolId).sort()).toEqual(schools.map((s) => s.id).sort());
    expect(county).toEqual(city.filter((r) => schools.some((s) => s.id === r.schoolId)));
    // The city plan has no weights of its own: the defaults. 一中: duties 50 (late), its clue closed on time 100 → (40 × 50 + 10 × 100) / 50 = 60;
    // 第一幼儿园: missed, its clue open → 0; 职业中专: only its open clue → 0, the same rank.
    expect(county.slice(0, 3).map(line)).toEqual([
      [a.id, 2, 60, false],
      [b.id, 3, 0, true],
      [d.id, 3, 0, true],
    ]);
    expect(city[0]).toMatchObject({ schoolId: far, rank: 1, total: 100, regionName: '容县' });
  });
});
