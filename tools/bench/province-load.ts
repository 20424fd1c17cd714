import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { userResource } from '@zizhu/access';
import { DEMO_CITY, DEMO_SEED, generateStudents, type RegionRow } from '@zizhu/demo-data';
import { regionResource, schoolResource } from '@zizhu/regions';
import { studentResource } from '@zizhu/students';
import { hashPassword } from '@zizhu/api/engine/auth/password';
import { copyRecords } from '@zizhu/api/engine/database/copy-loader';
import { DemoSeedService, demoPaths } from '@zizhu/api/database/seed/demo-seed.service';
import { DEMO_PASSWORD } from '@zizhu/api/database/seed/demo-users';
import { buildProvince, PROVINCE } from './province-tree';

/** The province officer's account (an admin over the whole tree), besides the demo's. */
export const PROVINCE_USER = 'province';

const STUDENT_KEYS = ['idNumber', 'name', 'gender', 'birthDate', 'schoolId', 'stage', 'grade', 'className', 'status',
  'householdRegionId', 'boarding', 'guardianName', 'phone', 'bankAccount', 'scopePath', 'version'];

/**
 * Fills a migrated, empty database with the province: the demo city's data without students
 * (accounts, programs, …), moved under the province root, 13 more cities with their schools,
 * `students` students over all schools by COPY, and the province officer. Then VACUUM ANALYZE.
 */
export async function loadProvince(db: DataSource, students: number): Promise<string> {
  await new DemoSeedService(db).seedIfEmpty(0);
  const { regions, schools } = buildProvince();
  const root: RegionRow = { id: PROVINCE.id, name: PROVINCE.name, level: 'province' as RegionRow['level'], parentId: null };
  const tree = [root, ...regions.map((r) => (r.level === 'city' ? { ...r, parentId: PROVINCE.id } : r))];
  const { regionPath, schoolPath } = demoPaths(tree, schools);

  const runner = db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await client.query('BEGIN');
    await copyRecords(client, regionResource, ['id', 'name', 'level', 'parentId', 'scopePath', 'version'], [{ ...root, scopePath: regionPath.get(root.id), version: 1 }]);
    await underProvince(client);
    const seeded = new Set<string>((await client.query('SELECT id FROM regions')).rows.map((r: { id: string }) => r.id));
    await copyRecords(client, regionResource, ['id', 'name', 'level', 'parentId', 'scopePath', 'version'],
      tree.filter((r) => !seeded.has(r.id)).map((r) => ({ ...r, scopePath: regionPath.get(r.id), version: 1 })));
    const seededSchools = new Set<string>((await client.query('SELECT code FROM schools')).rows.map((s: { code: string }) => s.code));
    await copyRecords(client, schoolResource, ['code', 'name', 'regionId', 'stages', 'ownership', 'scopePath', 'version'],
      schools.flatMap((s, i) => (seededSchools.has(s.code) ? [] : [{ ...s, scopePath: schoolPath[i], version: 1 }])));
    const idByCode = new Map<string, number>((await client.query('SELECT id, code FROM schools')).rows.map((s: { id: number; code: string }) => [s.code, s.id]));

    const rows = generateStudents({ schools, regions, count: students, seed: DEMO_SEED });
    await copyRecords(client, studentResource, STUDENT_KEYS, (function* () {
      for (const s of rows) yield { ...s, version: 1, schoolId: idByCode.get(schools[s.schoolId - 1].code), scopePath: schoolPath[s.schoolId - 1] };
    })());
    await copyRecords(client, userResource, ['username', 'displayName', 'role', 'regionId', 'schoolId', 'password', 'active', 'scopePath', 'version'], [
      { username: PROVINCE_USER, displayName: '自治区资助中心', role: 'admin', regionId: PROVINCE.id, schoolId: null,
        password: await hashPassword(DEMO_PASSWORD), active: true, scopePath: regionPath.get(PROVINCE.id), version: 1 },
    ]);
    const outside = (await client.query(`SELECT count(*)::int AS n FROM students WHERE scope_path NOT LIKE $1`, [`${PROVINCE.id}.%`])).rows[0].n;
    if (outside > 0) throw new Error(`${outside} students outside the province`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await runner.release();
  }
  await db.query('VACUUM ANALYZE');
  return `${students.toLocaleString()} students in ${tree.filter((r) => r.level === 'city').length} cities, ${schools.length} schools`;
}

/** Puts the demo city under the province (as every city of the tree): its region's parent, and every scope path in the database. */
async function underProvince(client: PoolClient): Promise<void> {
  await client.query('UPDATE regions SET parent_id = $1 WHERE id = $2', [PROVINCE.id, DEMO_CITY.id]);
  const { rows } = await client.query(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE c.table_schema = current_schema() AND c.column_name = 'scope_path' AND t.table_type = 'BASE TABLE'`,
  );
  for (const { table_name: table } of rows as { table_name: string }[]) {
    await client.query(`UPDATE "${table}" SET scope_path = $1 || scope_path WHERE scope_path LIKE $2`, [`${PROVINCE.id}.`, `${DEMO_CITY.id}.%`]);
  }
}
