import { studentResource } from '@zizhu/students';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { type Condition, whereClause } from './list-query';
import { pageSql } from './resource-reader.service';

/** A list page is the same whichever way its ids are found: by walking the sort, or by collecting the few that match first. */
describe('list page shapes', () => {
  let api: TestApp;
  let db: DataSource;
  let school: { id: number; scope_path: string };

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    [school] = await db.query(`SELECT id, scope_path FROM schools ORDER BY id LIMIT 1`);
  });
  afterAll(() => api.close());

  const page = async (conditions: Condition[], sort: { column: string; order: 'ASC' | 'DESC' }, few: boolean, offset = 0) => {
    const params: unknown[] = [];
    const where = whereClause(conditions, params);
    params.push(25, offset);
    const rows: { id: number; name: string }[] = await db.query(pageSql(studentResource, where, sort, few, params.length - 1), params);
    return rows.map((row) => row.id);
  };

  it.each([
    ['no filter, default sort', [] as Condition[], { column: 'id', order: 'DESC' as const }],
    ['a stage within a school, by name', [{ kind: 'eq', column: 'school_id', value: 0 }, { kind: 'eq', column: 'stage', value: 'primary' }] as Condition[], { column: 'name', order: 'ASC' as const }],
    ['a stage the school may not teach, by id', [{ kind: 'eq', column: 'school_id', value: 0 }, { kind: 'eq', column: 'stage', value: 'vocational' }] as Condition[], { column: 'id', order: 'ASC' as const }],
    ['a region, by grade', [{ kind: 'prefix', column: 'scope_path', value: '' }] as Condition[], { column: 'grade', order: 'DESC' as const }],
  ])('%s', async (_name, template, sort) => {
    const conditions = (template as Condition[]).map((c) =>
      c.kind === 'eq' && c.column === 'school_id' ? { ...c, value: school.id } : c.kind === 'prefix' ? { ...c, value: school.scope_path } : c,
    );
    for (const offset of [0, 25]) {
      const walked = await page(conditions, sort, false, offset);
      expect(await page(conditions, sort, true, offset)).toEqual(walked);
    }
    if (!template.length) expect(await page(conditions, sort, true)).toHaveLength(25);
  });
});
