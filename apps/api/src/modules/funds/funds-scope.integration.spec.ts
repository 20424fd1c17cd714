import { Client } from 'pg';
import { listQuery, startTestApp, type Json, type TestApp } from '../../testing/test-app';
import { ok, reconciliation } from '../../testing/funds.fixtures';

type Rec = Record<string, Json>;

const ALL = ['program', 'term', 'region', 'source'];
/** The dashboard's two queries (by program, by county) and the reconciliation page's default. */
const GROUPINGS = [ALL, ['program'], ['region'], ['program', 'term', 'region']];

/**
 * Scope restricts which rows a county reads, never how a row is computed: over the demo
 * city's funds (a county short of its allocation, city-level money pooled for the counties
 * given none), each county's reconciliation, dashboard figures and exceptions are the
 * city's, filtered to that county.
 */
describe('funds: a county reads the city’s figures for its own rows', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let counties: Rec[];
  let programs: Rec[];

  const get = async (path: string, user: string): Promise<Json> => ok(api.request('GET', path, { token: token[user] }));
  const exceptions = async (filter: Rec, user: string): Promise<Rec[]> =>
    (await get(`/api/funds/exceptions?filter=${encodeURIComponent(JSON.stringify(filter))}`, user)).exceptions;
  const rows = async (groupBy: string[], filter: Rec, user: string): Promise<Rec[]> => (await ok(reconciliation(api, token[user], groupBy, filter))).rows;

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'finance']) token[user] = await api.login(user);
    counties = await get(`/api/regions${listQuery({ filter: { level: 'county' }, sort: ['id', 'ASC'], range: [0, 99] })}`, 'admin');
    programs = await get(`/api/programs${listQuery({ sort: ['id', 'ASC'], range: [0, 99] })}`, 'admin');
    for (const county of counties) {
      const username = `county-${county.id}`;
      await ok(api.request('POST', '/api/users', { token: token.admin, body: { username, displayName: `${county.name}资助中心`, role: 'county', regionId: county.id, password: 'Zizhu@2026' } }));
      token[county.id] = await api.login(username, 'Zizhu@2026');
    }
  }, 120_000);
  afterAll(() => api.close(), 60_000);

  it('has the demo’s exceptions to compare: a county over its allocation and city-level money pooled for the others', async () => {
    expect(counties.length).toBe(7);
    const kinds = (await exceptions({}, 'finance')).map((e) => e.kind);
    expect(kinds).toContain('overAllocation');
    expect(kinds).toContain('amountMismatch');
  });

  it.each(GROUPINGS.map((groupBy) => ({ groupBy, name: groupBy.join(', ') })))('reconciliation grouped by $name: every county’s rows are the city’s rows of that county', async ({ groupBy }) => {
    for (const county of counties) {
      for (const program of [undefined, ...programs]) {
        const filter: Rec = program ? { programId: program.id } : {};
        const own = await ok(reconciliation(api, token[county.id], groupBy, filter));
        if (groupBy.includes('region')) {
          const city = (await rows(groupBy, filter, 'finance')).filter((r) => r.regionId === county.id);
          expect({ county: county.id, program: program?.id, rows: own.rows }).toEqual({ county: county.id, program: program?.id, rows: city });
        }
        // The city filtering by the county reads the county's rows and totals, whatever the grouping.
        const cityFiltered = await ok(reconciliation(api, token.finance, groupBy, { ...filter, regionId: county.id }));
        expect({ rows: own.rows, totals: own.totals }).toEqual({ rows: cityFiltered.rows, totals: cityFiltered.totals });
      }
    }
  }, 120_000);

  it('the dashboard’s overdue rosters: every county’s are the city’s of that county', async () => {
    const city: Rec[] = await get('/api/funds/overdue', 'finance');
    expect(city.length).toBeGreaterThan(0);
    for (const county of counties) {
      expect({ county: county.id, overdue: await get('/api/funds/overdue', county.id) }).toEqual({ county: county.id, overdue: city.filter((o) => o.regionId === county.id) });
    }
  });

  /** The city's exceptions of a county: a money cell by its county, a line exception by any of its lines. */
  const inCounty = async (all: Rec[], countyId: string): Promise<Rec[]> => {
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    const lines = new Map<number, string>((await db.query('SELECT id, region_id FROM disbursements')).rows.map((r) => [r.id, r.region_id]));
    await db.end();
    return all.filter((e) => (e.lineIds.length ? e.lineIds.some((id: number) => lines.get(id) === countyId) : e.regionId === countyId));
  };

  const everyCountyListsTheCitysExceptions = async () => {
    const cityAll = await exceptions({}, 'finance');
    for (const county of counties) {
      const ofCounty = await inCounty(cityAll, county.id);
      for (const program of [undefined, ...programs]) {
        const filter: Rec = program ? { programId: program.id } : {};
        const city = ofCounty.filter((e) => !program || e.programId === program.id);
        const own = await exceptions(filter, county.id);
        expect({ county: county.id, program: program?.id, exceptions: own }).toEqual({ county: county.id, program: program?.id, exceptions: city });
        // The city filtering by the county gets the same list: a filter, too, only picks rows.
        expect(await exceptions({ ...filter, regionId: county.id }, 'finance')).toEqual(city);
      }
    }
  };

  it('exceptions: every county lists exactly the city’s exceptions of that county, for every program', everyCountyListsTheCitysExceptions, 120_000);

  it('city-level money is judged over the whole city: the county pool of 普通高中国家助学金 is within its allocation', async () => {
    const grant = programs.find((p) => p.name === '普通高中国家助学金')!;
    const pooled = (await exceptions({ programId: grant.id, kind: 'overAllocation' }, 'finance')).filter((e) => e.regionId === null);
    expect(pooled).toEqual([]);
    expect(await exceptions({ programId: grant.id, kind: 'overAllocation' }, '450902')).toEqual([]);
  });

  it('a student paid in two counties is one paidTwice, the same for both counties and the city', async () => {
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    // A yuzhou student's paid line paid again by a 容县 school (a transfer the rosters missed).
    const { rows } = await db.query(
      `INSERT INTO disbursements (serial_no, batch_id, student_id, program_id, year, term, school_id, region_id, amount, date, method, account, status, scope_path, version)
       SELECT 'X-' || d.id, d.batch_id, d.student_id, d.program_id, d.year, d.term, s.id, s.region_id, d.amount, d.date, d.method, d.account, 'paid', s.scope_path, 1
         FROM disbursements d, LATERAL (SELECT sc.id, '450921' AS region_id, sc.scope_path FROM schools sc WHERE sc.scope_path LIKE '450900.450921.%' ORDER BY sc.id LIMIT 1) s
        WHERE d.region_id = '450902' AND d.status = 'paid' ORDER BY d.id LIMIT 1
       RETURNING id, student_id`,
    );
    await db.end();
    const [line] = rows;
    const twice = (user: string) => exceptions({ kind: 'paidTwice' }, user).then((list) => list.filter((e) => e.studentId === line.student_id));
    const city = await twice('finance');
    expect(city).toHaveLength(1);
    expect(city[0].lineIds).toContain(line.id);
    expect(city[0].lineIds).toHaveLength(2);
    expect(await twice('450902')).toEqual(city);
    expect(await twice('450921')).toEqual(city);
    await everyCountyListsTheCitysExceptions();
  }, 120_000);
});
