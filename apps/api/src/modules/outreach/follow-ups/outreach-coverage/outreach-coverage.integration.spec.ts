import { listAll, plantCoverageTerm, PNG, type PlantedTerm, uploadFile } from '../../../../testing/follow-up.fixtures';
import { startTestApp, type Json, type TestApp } from '../../../../testing/test-app';

type Rec = Record<string, Json>;

type Counts = Record<'recipients' | 'lettersGenerated' | 'lettersDelivered' | 'receiptsReturned' | 'phoneDrawn' | 'phoned' | 'visitDrawn' | 'visited', number>;

const counts = (values: Partial<Counts>): Counts => ({
  recipients: 0,
  lettersGenerated: 0,
  lettersDelivered: 0,
  receiptsReturned: 0,
  phoneDrawn: 0,
  phoned: 0,
  visitDrawn: 0,
  visited: 0,
  ...values,
});

const bp = (part: number, whole: number) => (whole ? Math.floor((part * 10_000) / whole) : null);

/** The figures as the API answers them: the counts and their shares of recipients. */
const figures = (values: Partial<Counts>) => {
  const c = counts(values);
  return {
    ...c,
    sharesBp: { lettersDelivered: bp(c.lettersDelivered, c.recipients), receiptsReturned: bp(c.receiptsReturned, c.recipients), phoned: bp(c.phoned, c.recipients), visited: bp(c.visited, c.recipients) },
  };
};

/**
 * The planted term (see plantCoverageTerm): recipients 玉林市第一中学 s1a s1b s1d s1f (s1c refunded
 * in full, s1e failed, s1g counted at 容县高级中学 which paid more), 容县高级中学 s12a s12b s12c s1g,
 * 容县职业中等专业学校 s13a, 玉林市福绵高级中学 s8a. A city phone campaign draws all ten; s1a is
 * reached on 20 October, s1b not reached, s12a reached on 3 November; 容县's visit campaign
 * draws one per school and visits s13a on 25 October.
 */
const EXPECTED = {
  all: {
    city: { recipients: 10, lettersGenerated: 6, lettersDelivered: 4, receiptsReturned: 2, phoneDrawn: 10, phoned: 2, visitDrawn: 2, visited: 1 },
    yuzhou: { recipients: 4, lettersGenerated: 3, lettersDelivered: 2, receiptsReturned: 1, phoneDrawn: 4, phoned: 1 },
    rongxian: { recipients: 5, lettersGenerated: 3, lettersDelivered: 2, receiptsReturned: 1, phoneDrawn: 5, phoned: 1, visitDrawn: 2, visited: 1 },
    fumian: { recipients: 1, phoneDrawn: 1 },
    school1: { recipients: 4, lettersGenerated: 3, lettersDelivered: 2, receiptsReturned: 1, phoneDrawn: 4, phoned: 1 },
    rongxianHigh: { recipients: 4, lettersGenerated: 3, lettersDelivered: 2, receiptsReturned: 1, phoneDrawn: 4, phoned: 1, visitDrawn: 1 },
    rongxianVocational: { recipients: 1, phoneDrawn: 1, visitDrawn: 1, visited: 1 },
  },
  // By the end of 31 October: s12b's letter (1 Nov 00:30), s1g's delivery (5 Nov), s12a's receipt (10 Nov) and call (3 Nov) are later.
  byOctober: {
    city: { recipients: 10, lettersGenerated: 5, lettersDelivered: 3, receiptsReturned: 1, phoneDrawn: 10, phoned: 1, visitDrawn: 2, visited: 1 },
    rongxian: { recipients: 5, lettersGenerated: 2, lettersDelivered: 1, receiptsReturned: 0, phoneDrawn: 5, phoned: 0, visitDrawn: 2, visited: 1 },
  },
} satisfies Record<string, Record<string, Partial<Counts>>>;

describe('outreach coverage', () => {
  let api: TestApp;
  let planted: PlantedTerm;
  const token: Record<string, string> = {};

  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const coverage = async (query: string, user = 'admin'): Promise<Rec> => {
    const response = await call('GET', `/api/outreach-coverage?year=2025&term=autumn${query}`, user);
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const regionRow = (body: Rec, id: string) => body.regions.find((r: Rec) => r.regionId === id);
  const schoolRow = (body: Rec, id: number) => body.schools.find((s: Rec) => s.schoolId === id);
  const only = ({ regionId: _r, regionName: _n, schoolId: _s, schoolName: _sn, direct: _d, ...rest }: Rec) => rest;

  async function drawAndRecord(): Promise<void> {
    const campaign = async (body: Rec, user: string) => {
      const created = await call('POST', '/api/follow-up-campaigns', user, { year: 2025, term: 'autumn', dueDate: '2025-11-30', ...body });
      const drawn = await call('POST', `/api/follow-up-campaigns/${created.body.id}/draw`, user);
      if (drawn.status !== 200) throw new Error(`draw ${drawn.status}: ${JSON.stringify(drawn.body)}`);
      return listAll(api, token.admin, 'follow-ups', { campaignId: created.body.id });
    };
    const phone = await campaign({ name: '秋季电话回访', regionId: '450900', kind: 'phone', samplePerSchool: 50 }, 'admin');
    const visits = await campaign({ name: '容县大走访', regionId: '450921', kind: 'visit', samplePerSchool: 1 }, 'rongxian');
    const { s1a, s1b, s12a, s13a } = planted.students;
    const put = async (rows: Rec[], studentId: number, body: Rec, user = 'admin') => {
      const row = rows.find((r) => r.studentId === studentId);
      if (!row) throw new Error(`student ${studentId} was not drawn`);
      const response = await call('PUT', `/api/follow-ups/${row.id}`, user, { ...body, version: row.version });
      if (response.status !== 200) throw new Error(`record ${response.status}: ${JSON.stringify(response.body)}`);
    };
    const reached = { reached: true, contactName: '家长', knewPolicy: true, amountCheck: 'confirmed', satisfaction: 'satisfied' };
    await put(phone, s1a, { ...reached, contactedAt: '2025-10-20T09:00:00+08:00' });
    await put(phone, s1b, { reached: false, notes: '无人接听', contactedAt: '2025-10-21T09:00:00+08:00' });
    await put(phone, s12a, { ...reached, contactedAt: '2025-11-03T09:00:00+08:00' });
    // 容县职业中等专业学校 has one recipient, so the draw of one per school takes s13a.
    const photo = await uploadFile(api, token.rongxian, '走访.png', PNG);
    await put(visits, s13a, { ...reached, contactedAt: '2025-10-25T15:00:00+08:00', evidenceFileId: photo }, 'rongxian');
  }

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2', 'inspector', 'finance']) token[user] = await api.login(user);
    planted = await plantCoverageTerm(api.databaseUrl);
    await drawAndRecord();
  }, 120_000);
  afterAll(() => api.close());

  it('successful: the draw counted each student once, at the school that paid most, with the net amount frozen', async () => {
    const rows = await listAll(api, token.admin, 'follow-ups', { kind: 'phone' });
    const planted2025 = rows.filter((r) => Object.values(planted.students).includes(r.studentId));
    const { s1a, s1d, s1g, s1c, s1e } = planted.students;
    const of = (id: number) => planted2025.find((r) => r.studentId === id);
    expect(of(s1a)).toMatchObject({ schoolId: planted.schools.yuzhou, amountPaid: 150_000 });
    expect(of(s1d)).toMatchObject({ schoolId: planted.schools.yuzhou, amountPaid: 70_000 });
    expect(of(s1g)).toMatchObject({ schoolId: planted.schools.rongxianHigh, amountPaid: 200_000 });
    expect(of(s1c)).toBeUndefined();
    expect(of(s1e)).toBeUndefined();
  });

  it('successful: the city’s exact counts in total, per county (every one) and per school with recipients', async () => {
    const body = await coverage('');
    expect(body).toMatchObject({ year: 2025, term: 'autumn', dueDate: null, place: { kind: 'region', id: '450900', name: '玉林市' } });
    expect(body.total).toEqual(figures(EXPECTED.all.city));
    expect(body.regions).toHaveLength(7);
    expect(only(regionRow(body, '450902'))).toEqual(figures(EXPECTED.all.yuzhou));
    expect(only(regionRow(body, '450921'))).toEqual(figures(EXPECTED.all.rongxian));
    expect(only(regionRow(body, '450903'))).toEqual(figures(EXPECTED.all.fumian));
    expect(only(regionRow(body, '450923'))).toEqual(figures({}));
    expect(body.schools.map((s: Rec) => s.schoolId).sort()).toEqual(Object.values(planted.schools).sort());
    expect(only(schoolRow(body, planted.schools.yuzhou))).toEqual(figures(EXPECTED.all.school1));
    expect(only(schoolRow(body, planted.schools.rongxianHigh))).toEqual(figures(EXPECTED.all.rongxianHigh));
    expect(only(schoolRow(body, planted.schools.rongxianVocational))).toEqual(figures(EXPECTED.all.rongxianVocational));
    expect(schoolRow(body, planted.schools.yuzhou)).toMatchObject({ schoolName: '玉林市第一中学', regionId: expect.stringMatching(/^450902\d{3}$/) });
    expect(body.total.sharesBp).toEqual({ lettersDelivered: 4000, receiptsReturned: 2000, phoned: 2000, visited: 1000 });
  });

  it('successful: with a due date only what was done by the end of that day (China time) counts', async () => {
    const body = await coverage('&dueDate=2025-10-31');
    expect(body.dueDate).toBe('2025-10-31');
    expect(body.total).toEqual(figures(EXPECTED.byOctober.city));
    expect(only(regionRow(body, '450921'))).toEqual(figures(EXPECTED.byOctober.rongxian));
  });

  it('successful: the term’s campaigns with their due dates, for the place', async () => {
    const city = await coverage('');
    expect(city.campaigns.map((c: Rec) => [c.name, c.kind, c.regionId, c.dueDate, c.status])).toEqual([
      ['秋季电话回访', 'phone', '450900', '2025-11-30', 'drawn'],
      ['容县大走访', 'visit', '450921', '2025-11-30', 'drawn'],
    ]);
    expect((await coverage('', 'yuzhou')).campaigns.map((c: Rec) => c.name)).toEqual(['秋季电话回访']);
  });

  it.each([
    ['玉州区', 'yuzhou', '450902'],
    ['容县', 'rongxian', '450921'],
  ])('scope: %s reads exactly the city’s rows for it (total and schools)', async (_name, user, regionId) => {
    const city = await coverage('');
    const own = await coverage('', user);
    expect(own.place).toMatchObject({ kind: 'region', id: regionId });
    expect(own.total).toEqual(only(regionRow(city, regionId)));
    expect(own.schools).toEqual(city.schools.filter((s: Rec) => own.schools.some((o: Rec) => o.schoolId === s.schoolId)));
    expect(own.schools.length).toBeGreaterThan(0);
    // Its townships add up to its total.
    const sum = (key: keyof Counts) => own.regions.reduce((n: number, r: Rec) => n + r[key], 0);
    expect(sum('recipients')).toBe(own.total.recipients);
    expect(sum('phoned')).toBe(own.total.phoned);
    // The city drilling into the county reads the same figures.
    const drilled = await coverage(`&regionId=${regionId}`);
    expect(drilled.total).toEqual(own.total);
    expect(drilled.regions).toEqual(own.regions);
  });

  it('scope: a school officer reads their school’s row, as the city reads it', async () => {
    const city = await coverage('');
    const own = await coverage('', 'school1');
    expect(own.place).toEqual({ kind: 'school', id: String(planted.schools.yuzhou), name: '玉林市第一中学' });
    expect(own.total).toEqual(only(schoolRow(city, planted.schools.yuzhou)));
    expect(own.regions).toEqual([]);
    expect(own.schools).toEqual([schoolRow(city, planted.schools.yuzhou)]);
  });

  it.each<[string, string, string, number, Record<string, string> | undefined]>([
    ['no year', '/api/outreach-coverage?term=autumn', 'admin', 422, { year: '年度应为 2000 至 2100 之间的四位数字' }],
    ['a year out of range', '/api/outreach-coverage?year=1999&term=autumn', 'admin', 422, { year: '年度应为 2000 至 2100 之间的四位数字' }],
    ['an unknown term', '/api/outreach-coverage?year=2025&term=winter', 'admin', 422, { term: '学期应为春季学期、秋季学期或全学年' }],
    ['a malformed region', '/api/outreach-coverage?year=2025&term=autumn&regionId=abc', 'admin', 422, { regionId: '区划代码应为6位或9位数字' }],
    ['another county’s region', '/api/outreach-coverage?year=2025&term=autumn&regionId=450921', 'yuzhou', 422, { regionId: '所选区域不存在或不在您的管辖范围内' }],
    ['a day that does not exist', '/api/outreach-coverage?year=2025&term=autumn&dueDate=2025-02-30', 'admin', 422, { dueDate: '截止日期应为有效日期（如 2026-11-30）' }],
    ['a repeated parameter', '/api/outreach-coverage?year=2025&year=2026&term=autumn', 'admin', 422, { year: '年度应为 2000 至 2100 之间的四位数字' }],
    ['an unknown parameter', '/api/outreach-coverage?year=2025&term=autumn&schoolId=1', 'admin', 422, { schoolId: '不接受该字段' }],
    ['the finance role', '/api/outreach-coverage?year=2025&term=autumn', 'finance', 403, undefined],
  ])('failing: %s', async (_case, path, user, status, errors) => {
    const response = await call('GET', path, user);
    expect(response.status).toBe(status);
    if (errors) expect(response.body.errors).toEqual(errors);
  });

  it('successful: an inspector reads the city’s coverage', async () => {
    expect((await coverage('', 'inspector')).total).toEqual(figures(EXPECTED.all.city));
  });
});
