import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { userResource } from '@zizhu/access';
import {
  buildRegionTree,
  buildSchools,
  DEMO_SEED,
  DEMO_STUDENT_COUNT,
  generateStudents,
  type RegionRow,
  type SchoolRow,
  type StudentRow,
} from '@zizhu/demo-data';
import { DEMO_IDENTITY_LISTS, demoIdentities, sampledForIdentities } from './demo-identities';
import { identityListResource, identityResource, identityTypeResource } from '@zizhu/identities';
import { idNumberFacts } from '@zizhu/schema';
import { regionResource, schoolResource } from '@zizhu/regions';
import { studentResource } from '@zizhu/students';
import type { PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from '../../engine/auth/password';
import { copyRecords } from '../../engine/database/copy-loader';
import { seedAuditRules } from './demo-audit-rules';
import { seedChecklists } from './demo-checklists';
import { seedInspections } from './demo-inspections';
import { seedFollowUps } from './demo-follow-ups';
import { seedPlans } from './demo-plans';
import { seedReviews } from './demo-reviews';
import { seedFunds } from './demo-funds';
import { seedLetters } from './demo-letters';
import { seedPrograms } from './demo-programs';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';

/** Paths of the demo tree, computed the way the engine derives them on writes. */
export function demoPaths(regions: readonly RegionRow[], schools: readonly SchoolRow[]) {
  const regionPath = new Map<string, string>();
  for (const r of regions) regionPath.set(r.id, `${r.parentId ? regionPath.get(r.parentId) : ''}${r.id}.`);
  const schoolPath = schools.map((s) => `${regionPath.get(s.regionId)}${s.code}.`);
  return { regionPath, schoolPath };
}

/** Loads the demo city once, into an empty database: a realistic place to try the panel. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async seedIfEmpty(studentCount = DEMO_STUDENT_COUNT): Promise<boolean> {
    const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM regions');
    if (n > 0) return false;
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await client.query('BEGIN');
      await this.seed(client, runner.manager, studentCount);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      await runner.release();
    }
    // Bulk-loaded tables need their visibility map set for index-only scans.
    await this.db.query('VACUUM ANALYZE');
    this.logger.log(`demo data loaded: ${studentCount} students; demo password ${DEMO_PASSWORD}`);
    return true;
  }

  /** `manager` runs on `client`'s connection, inside the same transaction (for seeds that reuse the modules' own functions). */
  private async seed(client: PoolClient, manager: EntityManager, studentCount: number): Promise<void> {
    const regions = buildRegionTree();
    const schools = buildSchools(regions);
    const { regionPath, schoolPath } = demoPaths(regions, schools);
    const versioned = { version: 1 };

    await copyRecords(client, regionResource, ['id', 'name', 'level', 'parentId', 'scopePath', 'version'],
      regions.map((r) => ({ ...r, ...versioned, scopePath: regionPath.get(r.id) })));
    await copyRecords(client, schoolResource, ['code', 'name', 'regionId', 'stages', 'ownership', 'scopePath', 'version'],
      schools.map((s, i) => ({ ...s, ...versioned, scopePath: schoolPath[i] })));
    const schoolIds: { id: number; code: string }[] = (await client.query('SELECT id, code FROM schools')).rows;
    const idByCode = new Map(schoolIds.map((s) => [s.code, s.id]));

    const studentKeys = ['idNumber', 'name', 'gender', 'birthDate', 'schoolId', 'stage', 'grade', 'className', 'status',
      'householdRegionId', 'boarding', 'guardianName', 'phone', 'bankAccount', 'scopePath', 'version'];
    const students = generateStudents({ schools, regions, count: studentCount, seed: DEMO_SEED });
    const sampled: StudentRow[] = [];
    let index = 0;
    await copyRecords(client, studentResource, studentKeys, mapRows(students, (s) => {
      if (sampledForIdentities(index++) && sampled.length < DEMO_IDENTITY_SAMPLE) sampled.push(s);
      return { ...s, ...versioned, schoolId: idByCode.get(schools[s.schoolId - 1].code), scopePath: schoolPath[s.schoolId - 1] };
    }));

    const hash = await hashPassword(DEMO_PASSWORD);
    const users = DEMO_USERS.map((u) => {
      if (u.role !== 'school') return { ...u, schoolId: null, password: hash, active: true, scopePath: regionPath.get(u.regionId), ...versioned };
      const index = schools.findIndex((s) => regionPath.get(s.regionId)?.startsWith(regionPath.get(u.regionId) ?? '-'));
      return { ...u, regionId: null, schoolId: idByCode.get(schools[index].code), password: hash, active: true, scopePath: schoolPath[index], ...versioned };
    });
    await copyRecords(client, userResource, ['username', 'displayName', 'role', 'regionId', 'schoolId', 'password', 'active', 'scopePath', 'version'], users);

    const city = regions.find((r) => !r.parentId);
    if (city) {
      const cityPath = regionPath.get(city.id);
      await copyRecords(client, identityTypeResource, ['name', 'department', 'aidTier', 'priority', 'regionId', 'scopePath', 'version'],
        DEMO_IDENTITY_TYPES.map((t) => ({ ...t, aidTier: 'highest', regionId: city.id, scopePath: cityPath, ...versioned })));
      await this.seedIdentities(client, city.id, cityPath ?? '', sampled);
      await seedPrograms(client, city.id, cityPath ?? '');
      await seedFunds(client, city.id);
      await seedAuditRules(client, city.id);
      const checklists = await seedChecklists(client, city.id);
      // Inspections sample students: a database seeded without any (the benchmarks') gets none.
      if (studentCount > 0) await seedInspections(manager, checklists.get('ZXJC') as number, city.id);
      await seedFollowUps(client, city.id);
      await seedLetters(client, city.id);
      await seedPlans(client);
      await seedReviews(client);
    }
  }

  /** The departments' lists and a few hundred listed people (see demo-identities.ts). */
  private async seedIdentities(client: PoolClient, cityId: string, cityPath: string, sampled: StudentRow[]): Promise<void> {
    const types: { id: number; name: string }[] = (await client.query('SELECT id, name FROM identity_types')).rows;
    const typeId = (name: string) => types.find((t) => t.name === name)?.id;
    const lists = DEMO_IDENTITY_LISTS.map((l) => ({
      name: l.name, department: l.department, identityTypeId: typeId(l.typeName), regionId: cityId,
      batchDate: '2026-09-01', validUntil: '2027-08-31', documentNumber: l.documentNumber, scopePath: cityPath, version: 1,
    }));
    await copyRecords(client, identityListResource, ['name', 'department', 'identityTypeId', 'regionId', 'batchDate', 'validUntil', 'documentNumber', 'scopePath', 'version'], lists);
    const listRows: { id: number; name: string }[] = (await client.query('SELECT id, name FROM identity_lists ORDER BY id')).rows;
    const listId = (index: number) => listRows.find((l) => l.name === DEMO_IDENTITY_LISTS[index].name)!.id;
    await copyRecords(client, identityResource, ['listId', 'idNumber', 'name', 'birthDate', 'identityTypeId', 'householdHead', 'householdRegionId', 'scopePath', 'version'],
      demoIdentities(sampled).map((p) => ({
        ...p,
        listId: listId(p.listIndex),
        birthDate: idNumberFacts(p.idNumber).birthDate,
        identityTypeId: typeId(DEMO_IDENTITY_LISTS[p.listIndex].typeName),
        scopePath: `${cityPath}`,
        version: 1,
      })));
  }
}

/** Listed people drawn from the enrolled students (the rest of the demo's few hundred study elsewhere). */
const DEMO_IDENTITY_SAMPLE = 260;

/** The six special identities of the 大数据比对 notices (seeds 000), in priority order. */
export const DEMO_IDENTITY_TYPES = [
  { name: '建档立卡贫困户', department: 'poverty', priority: 10 },
  { name: '最低生活保障', department: 'civilAffairs', priority: 20 },
  { name: '特困救助供养', department: 'civilAffairs', priority: 30 },
  { name: '孤儿', department: 'civilAffairs', priority: 40 },
  { name: '残疾', department: 'disabledFederation', priority: 50 },
  { name: '建档困难职工', department: 'tradeUnion', priority: 60 },
] as const;

function* mapRows<T, U>(rows: Iterable<T>, map: (row: T) => U): Generator<U> {
  for (const row of rows) yield map(row);
}
