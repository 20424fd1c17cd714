import { DataSource } from 'typeorm';
import { approvedRoster, bankFile, fundProgram, linesOf, ok, studentsOf, uploadBankResult } from '../../../testing/funds.fixtures';
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

  /**
   * School 1 in the autumn term of 2017 (no demo data there): a roster of four (T1 is the top
   * tier), three of them marked special by a comparison run, two paid, one of those after the
   * roster's deadline; the run's results for the school half decided.
   */
  describe('on a planted term', () => {
    const autumn2017 = '2017-10-15';
    const planted = (code: string) => findDataItem(code)!.compute(db.manager, { schoolId: 1, today: autumn2017 });

    beforeAll(async () => {
      for (const user of ['school1', 'finance']) token[user] = await api.login(user);
      const program = await ok(call('POST', '/api/programs', 'admin', fundProgram()));
      const students = await studentsOf(api, token.school1, 1, 4);
      const chain = [token.school1, token.school1, token.yuzhou, token.finance];
      const tiers = ['T1', 'T2', 'T1', 'T2'];
      const roster = await approvedRoster(api, chain, { programId: program.id, year: 2017, term: 'autumn', schoolId: 1 }, students.map((s, i) => ({ studentId: s.id, tier: tiers[i] })));
      const batch = await ok(call('POST', '/api/disbursement-batches', 'finance', { programId: program.id, year: 2017, term: 'autumn', method: 'aidCard', date: '2017-10-10' }));
      const lines = await linesOf(api, token.admin, batch.id);
      const line = (studentId: number) => lines.find((l) => l.studentId === studentId)!;
      // Paid: the first (T1, 125000) and the second (T2, 100000) of 450000 approved.
      const paid = await uploadBankResult(api, token.finance, batch.id, await bankFile([students[0], students[1]].map((s) => [line(s.id).serialNo, '', null, '成功', null, '2017-10-10'])));
      expect(paid.status).toBe(200);
      // The deadline falls between the two payments: only the second is late.
      await db.query(`UPDATE disbursements SET date = CASE student_id WHEN $1 THEN '2017-09-20'::date ELSE '2017-10-10'::date END WHERE batch_id = $2`, [students[0].id, batch.id]);
      await db.query(`UPDATE rosters SET deadline = '2017-09-25' WHERE id = $1`, [roster.id]);
      // A finished comparison run as the comparison engine leaves it: its own partition, one result per student.
      const [run] = await db.query(
        `INSERT INTO comparisons (name, region_id, list_ids, status, started_at, finished_at, scope_path, version)
         VALUES ('督查测试比对', '450900', '1', 'done', now(), now(), '450900.', 1) RETURNING id`,
      );
      await db.query(`CREATE TABLE comparison_results_${Number(run.id)} PARTITION OF comparison_results FOR VALUES IN (${Number(run.id)})`);
      const results: [number, string, boolean][] = [
        [students[0].id, 'confirmed', true],
        [students[1].id, 'pending', true],
        [students[2].id, 'confirmed', true],
        [students[3].id, 'pending', false],
      ];
      for (const [studentId, decision, marked] of results) {
        await db.query(
          `INSERT INTO comparison_results (comparison_id, student_id, identity_id, region_id, outcome, reason, decision, marked, scope_path, school_id, stage, version)
           SELECT $1, s.id, 1, sc.region_id, 'matched', 'idNumber', $2, $3, s.scope_path, s.school_id, s.stage, 1
             FROM students s JOIN schools sc ON sc.id = s.school_id WHERE s.id = $4`,
          [run.id, decision, marked, studentId],
        );
      }
    }, 180_000);

    it('special-identity students at the top tier: two of the three marked are on T1', async () => {
      expect(await planted('specialTopTierShare')).toBe(66.7);
    });

    it('execution rate: 225000 paid of 450000 approved', async () => {
      expect(await planted('programExecutionRate')).toBe(50);
    });

    it('late payments: the one paid after the roster deadline, none in another term', async () => {
      expect(await planted('latePayments')).toBe(1);
      expect(await findDataItem('latePayments')!.compute(db.manager, { schoolId: 1, today: '2017-05-15' })).toBe(0);
    });

    it('verification progress: two of four results decided in the latest run', async () => {
      expect(await planted('verificationProgress')).toBe(50);
    });
  });

  it('every item of the catalogue computes for a demo school', async () => {
    const [{ id }] = await db.query(`SELECT school_id AS id FROM rosters ORDER BY id LIMIT 1`);
    for (const item of DATA_ITEMS) {
      const result = await item.compute(db.manager, { schoolId: id, today: '2025-10-15' });
      expect(result === null || typeof result === 'number').toBe(true);
    }
  });
});
