import { DataSource } from 'typeorm';
import { startTestApp, type Json, type TestApp } from '../../../testing/test-app';
import { DATA_ITEMS, findDataItem } from './data-item-catalogue';

type Rec = Record<string, Json>;

/** The data items on a school planted for them: exact values, and nothing counted from other schools. */
describe('checklist data items', () => {
  let api: TestApp;
  let db: DataSource;
  let school: Rec;
  const token: Record<string, string> = {};
  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const value = (code: string, today = '2025-10-15') => findDataItem(code)!.compute(db.manager, { schoolId: school.id, today });

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    for (const user of ['admin', 'yuzhou']) token[user] = await api.login(user);
    school = (await call('POST', '/api/schools', 'admin', { code: '4509020999', name: '督查测试学校', regionId: '450902', stages: ['primary'], ownership: 'public' })).body;
    const clue = (dueDate: string, kind: string) =>
      call('POST', '/api/clues', 'yuzhou', { source: 'audit', kind, description: '测试', schoolId: school.id, dueDate });
    await clue('2025-09-30', '逾期一');
    await clue('2025-10-01', '逾期二');
    await clue('2025-12-31', '未到期');
  }, 120_000);
  afterAll(() => api.close());

  it('open clues past due: those whose due date has passed and are not closed', async () => {
    expect(await value('overdueClues')).toBe(2);
    expect(await value('overdueClues', '2025-09-30')).toBe(0);
    await db.query(`UPDATE clues SET status = 'closed' WHERE school_id = $1 AND kind = '逾期一'`, [school.id]);
    expect(await value('overdueClues')).toBe(1);
  });

  it('a school with no rosters, payments or comparison results: nothing to count', async () => {
    expect(await value('specialTopTierShare')).toBeNull();
    expect(await value('programExecutionRate')).toBeNull();
    expect(await value('latePayments')).toBe(0);
    expect(await value('verificationProgress')).toBeNull();
  });

  it('every item of the catalogue computes for a demo school', async () => {
    const [{ id }] = await db.query(`SELECT school_id AS id FROM rosters ORDER BY id LIMIT 1`);
    for (const item of DATA_ITEMS) {
      const result = await item.compute(db.manager, { schoolId: id, today: '2025-10-15' });
      expect(result === null || typeof result === 'number').toBe(true);
    }
  });
});
