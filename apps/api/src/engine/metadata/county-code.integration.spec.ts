import { idNumberCheckChar } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { listQuery, startTestApp, type Json, type TestApp } from '../../testing/test-app';
import { RESOURCES } from './resource-registry';

const SLOW = 60_000;
const DISTRIBUTED = RESOURCES.filter((resource) => resource.distributedBy === 'county');

let serial = 0;
/** A fresh valid ID number: county 450902, born in 2010. */
function newIdNumber(): string {
  serial += 1;
  const first17 = `4509022010${String(401 + serial).padStart(4, '0')}${String(200 + serial).slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
}

/** Resources declared `distributedBy: 'county'` carry the county of their scope path, kept by the database. */
describe('county_code', () => {
  let api: TestApp;
  let db: DataSource;
  let admin: string;

  const call = (method: string, path: string, body?: unknown) => api.request(method, path, { token: admin, body });
  const countyOf = async (table: string, id: number): Promise<string | null> =>
    ((await db.query(`SELECT county_code FROM "${table}" WHERE id = $1`, [id])) as { county_code: string | null }[])[0].county_code;
  const newSchool = async (code: string, regionId: string): Promise<Json> => {
    const created = await call('POST', '/api/schools', { code, name: `测试学校${code}`, regionId, stages: ['primary'], ownership: 'public' });
    expect(created.status).toBe(201);
    return created.body;
  };
  const newStudent = async (schoolId: number): Promise<Json> => {
    const created = await call('POST', '/api/students', { idNumber: newIdNumber(), name: '黄小明', schoolId, stage: 'primary', status: 'enrolled' });
    expect(created.status).toBe(201);
    return created.body;
  };

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    admin = await api.login('admin');
  }, SLOW);
  afterAll(() => api.close());

  it('is declared on the large per-county tables', () => {
    expect(DISTRIBUTED.map((resource) => resource.table).sort()).toEqual(['disbursements', 'roster_entries', 'students']);
  });

  it('exists, generated from scope_path, exactly on the tables declared distributed by county', async () => {
    const columns: { table_name: string; data_type: string; character_maximum_length: number; is_generated: string }[] = await db.query(
      `SELECT table_name, data_type, character_maximum_length, is_generated FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'county_code' ORDER BY table_name`,
    );
    expect(columns).toEqual(
      DISTRIBUTED.map((resource) => resource.table)
        .sort()
        .map((table) => ({ table_name: table, data_type: 'character varying', character_maximum_length: 6, is_generated: 'ALWAYS' })),
    );
  });

  it.each(DISTRIBUTED.map((resource) => [resource.table]))(
    '%s: every demo row holds the county region its path lies under (schools sit under townships)',
    async (table) => {
      const [counts]: { rows: number; wrong: number }[] = await db.query(
        `SELECT count(*)::int AS rows, count(*) FILTER (WHERE t.county_code IS DISTINCT FROM r.id)::int AS wrong
           FROM "${table}" t LEFT JOIN regions r ON r.level = 'county' AND t.scope_path LIKE r.scope_path || '%'`,
      );
      expect(counts.rows).toBeGreaterThan(0);
      expect(counts.wrong).toBe(0);
    },
    SLOW,
  );

  it('is the county for a student of a school directly under the county and of a township school under it', async () => {
    const [township]: { id: string }[] = await db.query(`SELECT id FROM regions WHERE level = 'township' AND parent_id = '450921' ORDER BY id LIMIT 1`);
    const inCounty = await newStudent((await newSchool('4509219901', '450921')).id);
    const inTownship = await newStudent((await newSchool('4509219902', township.id)).id);
    expect(await countyOf('students', inCounty.id)).toBe('450921');
    expect(await countyOf('students', inTownship.id)).toBe('450921');
    // The API shows what it showed before: the column is for the database, not the reader.
    expect(inCounty).not.toHaveProperty('countyCode');
    expect((await call('GET', `/api/students/${inCounty.id}`)).body).not.toHaveProperty('countyCode');
    expect((await call('GET', `/api/students${listQuery({ filter: { id: [inCounty.id] } })}`)).body[0]).not.toHaveProperty('countyCode');
  }, SLOW);

  it('is empty for a school the city runs itself (no county above it)', async () => {
    const student = await newStudent((await newSchool('4509009903', '450900')).id);
    expect(await countyOf('students', student.id)).toBeNull();
  }, SLOW);

  it('follows a school moved to another county, and its students with it', async () => {
    const school = await newSchool('4509219904', '450921');
    const student = await newStudent(school.id);
    const moved = await call('PUT', `/api/schools/${school.id}`, { ...school, regionId: '450922' });
    expect(moved.status).toBe(200);
    expect(await countyOf('students', student.id)).toBe('450922');
  }, SLOW);
});
