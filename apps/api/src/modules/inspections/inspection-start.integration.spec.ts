import { allocateSample, maskName } from '@zizhu/checks';
import { chinaDate } from '@zizhu/identities';
import { DataSource } from 'typeorm';
import { inspectionAction, inspectionPlan, plannedInspection, publishedChecklist } from '../../testing/inspection.fixtures';
import { listQuery, startTestApp, type Json, type TestApp } from '../../testing/test-app';
import { currentTerm } from '../checks/data-items/data-item';
import { findDataItem } from '../checks/data-items/data-item-catalogue';

type Rec = Record<string, Json>;

const DATA_ITEMS = { overdue: 'overdueClues', late: 'latePayments', rate: 'programExecutionRate', topTier: 'specialTopTierShare' };
const DEFINITION = {
  sections: [
    { key: 'data', title: '数据核对', items: Object.entries(DATA_ITEMS).map(([key, dataItem]) => ({ key, type: 'number', label: dataItem, dataItem })) },
    {
      key: 'samples',
      title: '抽样检查',
      items: [
        { key: 'cards', type: 'boolean', label: '亮卡检查', sample: { size: 50, questions: [{ key: 'cardHeld', type: 'boolean', label: '本人持卡' }] } },
        { key: 'visits', type: 'boolean', label: '入户核实', sample: { size: 3, questions: [{ key: 'visited', type: 'boolean', label: '已入户' }] } },
      ],
    },
  ],
};

/** 玉林市第一中学: 77 students paid by 普通高中国家助学金 (program 3) in spring 2026 in the demo data. */
const SCHOOL = 1;
/** 玉林市玉州区第一幼儿园: never paid anything. */
const UNPAID_SCHOOL = 3;

/**
 * Starting an inspection freezes the data items as computed at that moment and draws each
 * sample item's students: enrolled recipients the school paid in its latest paid term,
 * stratified by program.
 */
describe('starting an inspection', () => {
  let api: TestApp;
  let db: DataSource;
  const token: Record<string, string> = {};
  let plan: Rec;
  let inspectorId: number;
  let started: Rec;
  let overdueBefore: number;
  /** Students planted out of the draw: left school, moved school, paid only in an older term, or whose payment failed. */
  const excluded = new Set<number>();
  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const clue = (kind: string, dueDate: string) => call('POST', '/api/clues', 'admin', { source: 'audit', kind, description: '测试', schoolId: SCHOOL, dueDate });

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    for (const user of ['admin', 'inspector']) token[user] = await api.login(user);
    [{ id: inspectorId }] = await db.query(`SELECT id FROM users WHERE username = 'inspector'`);
    const version = await publishedChecklist(api, token.admin, { code: 'CITY-SAMPLE', regionId: '450900' }, DEFINITION);
    plan = await inspectionPlan(api, token.admin, { regionId: '450900', versionId: version.id, mode: 'spot' });

    const recipients: number[] = (await db.query(`SELECT DISTINCT student_id AS id FROM disbursements WHERE school_id = $1 AND status = 'paid' ORDER BY 1`, [SCHOOL])).map((r: Rec) => r.id);
    const others: number[] = (
      await db.query(`SELECT id FROM students s WHERE school_id = $1 AND status = 'enrolled' AND NOT EXISTS (SELECT 1 FROM disbursements d WHERE d.student_id = s.id) ORDER BY id LIMIT 18`, [SCHOOL])
    ).map((r: Rec) => r.id);
    const line = (studentId: number, programId: number, year: number, term: string, amount: number, status = 'paid') =>
      db.query(
        `INSERT INTO disbursements (student_id, program_id, year, term, school_id, amount, status, scope_path, version)
         SELECT $1, $2, $3, $4, $5, $6, $7, scope_path, 1 FROM schools WHERE id = $5`,
        [studentId, programId, year, term, SCHOOL, amount, status],
      );
    // Ten more recipients, of 寄宿生生活补助 (program 2), one of them paid twice.
    for (const id of others.slice(0, 10)) await line(id, 2, 2026, 'spring', 62500);
    await line(others[0], 2, 2026, 'spring', 10000);
    // Out of the draw: paid only in autumn 2025, or whose payment failed.
    for (const id of others.slice(10, 15)) await line(id, 4, 2025, 'autumn', 100000);
    for (const id of others.slice(15, 18)) await line(id, 2, 2026, 'spring', 62500, 'failed');
    // 25 of the program's recipients left school, 5 moved to another school.
    await db.query(`UPDATE students SET status = 'dropped' WHERE id = ANY($1::int[])`, [recipients.slice(0, 25)]);
    await db.query(`UPDATE students SET school_id = 2 WHERE id = ANY($1::int[])`, [recipients.slice(25, 30)]);
    for (const id of [...recipients.slice(0, 30), ...others.slice(10, 18)]) excluded.add(id);

    // The demo's own inspection left overdue findings at the school: count on top of them.
    overdueBefore = (await findDataItem('overdueClues')!.compute(db.manager, { schoolId: SCHOOL, today: chinaDate(new Date()) })) ?? 0;
    await clue('逾期线索一', '2020-01-31');
    const inspection = await plannedInspection(api, token.admin, { planId: plan.id, schoolId: SCHOOL, leadInspectorId: inspectorId });
    started = await inspectionAction(api, token.inspector, inspection.id, 'start');
  }, 120_000);
  afterAll(() => api.close());

  it('freezes each data item as computed for the school at the start', async () => {
    const today = chinaDate(new Date());
    expect(Object.keys(started.dataValues).sort()).toEqual(Object.keys(DATA_ITEMS).sort());
    for (const [key, code] of Object.entries(DATA_ITEMS)) {
      const item = findDataItem(code)!;
      expect(started.dataValues[key]).toEqual({
        code,
        label: item.label,
        unit: item.unit,
        value: await item.compute(db.manager, { schoolId: SCHOOL, today }),
        computedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    }
    expect(started.dataValues.overdue.value).toBe(overdueBefore + 1);
  });

  it('keeps the frozen values when the data change afterwards', async () => {
    await clue('逾期线索二', '2020-02-29');
    expect(await findDataItem('overdueClues')!.compute(db.manager, { schoolId: SCHOOL, today: chinaDate(new Date()) })).toBe(overdueBefore + 2);
    const read = (await call('GET', `/api/inspections/${started.id}`, 'admin')).body;
    expect(read.dataValues).toEqual(started.dataValues);
  });

  it('draws distinct enrolled recipients of the school from its latest paid term, stratified by program', async () => {
    const cards = started.samples.find((s: Rec) => s.itemKey === 'cards');
    expect(cards).toMatchObject({ year: 2026, term: 'spring' });
    const students: Rec[] = cards.students;
    expect(students).toHaveLength(50);
    expect(new Set(students.map((s) => s.studentId)).size).toBe(50);
    expect(students.filter((s) => excluded.has(s.studentId))).toEqual([]);
    const byProgram = (list: Rec[]) => list.reduce<Record<number, number>>((counts, s) => ({ ...counts, [s.programId]: (counts[s.programId] ?? 0) + 1 }), {});
    // 47 recipients of program 3 still at the school, 10 of program 2: 50 drawn in proportion.
    expect(byProgram(students)).toEqual(Object.fromEntries(allocateSample([{ key: 3, size: 47 }, { key: 2, size: 10 }], 50)));
    expect(byProgram(students)).toEqual({ 3: 41, 2: 9 });

    const facts: Rec[] = await db.query(
      `SELECT s.id, s.name, s.school_id, s.status, p.name AS program, sum(d.amount)::int AS paid
         FROM students s JOIN disbursements d ON d.student_id = s.id AND d.status = 'paid' AND d.year = 2026 AND d.term = 'spring'
         JOIN programs p ON p.id = d.program_id
        WHERE s.id = ANY($1::int[]) GROUP BY s.id, p.name`,
      [students.map((s) => s.studentId)],
    );
    const fact = new Map(facts.map((f) => [f.id, f]));
    for (const student of students) {
      const known = fact.get(student.studentId)!;
      expect(known).toMatchObject({ school_id: SCHOOL, status: 'enrolled' });
      expect(student).toEqual({ studentId: known.id, name: maskName(known.name), programId: student.programId, programName: known.program, amountPaid: known.paid });
    }
  });

  it('draws each sample item on its own: a small one still takes every program', async () => {
    const visits = started.samples.find((s: Rec) => s.itemKey === 'visits');
    expect(visits.students).toHaveLength(3);
    expect(visits.students.map((s: Rec) => s.programId).sort()).toEqual([2, 3, 3]);
  });

  it('draws no one at a school that never paid aid, in the current term', async () => {
    const inspection = await plannedInspection(api, token.admin, { planId: plan.id, schoolId: UNPAID_SCHOOL, leadInspectorId: inspectorId });
    const start = await inspectionAction(api, token.inspector, inspection.id, 'start');
    const term = currentTerm(chinaDate(new Date()));
    expect(start.samples).toEqual([
      { itemKey: 'cards', ...term, students: [] },
      { itemKey: 'visits', ...term, students: [] },
    ]);
    expect(start.dataValues.overdue.value).toBe(0);
  });

  it('audits the start with what it froze', async () => {
    const audit = await call('GET', `/api/audit-log${listQuery({ filter: { resource: 'inspections', recordId: String(started.id) }, sort: ['id', 'ASC'] })}`, 'admin');
    const start = audit.body.find((a: Rec) => a.after?.action === 'start');
    expect(start.before).toMatchObject({ status: 'planned', dataValues: null, samples: null });
    expect(start.after).toMatchObject({ status: 'started', dataValues: started.dataValues, samples: started.samples });
  });
});
