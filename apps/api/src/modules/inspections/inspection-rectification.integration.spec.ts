import { DataSource } from 'typeorm';
import { OverdueChecksJob } from '../../engine/jobs/overdue-checks.job';
import { inspectionAction, inspectionPlan, plannedInspection, publishedChecklist } from '../../testing/inspection.fixtures';
import { listQuery, startTestApp, type Json, type TestApp } from '../../testing/test-app';

type Rec = Record<string, Json>;

const DEFINITION = {
  sections: [
    {
      key: 'funds',
      title: '资金管理',
      items: [
        { key: 'ledger', type: 'boolean', label: '资助台账齐全', required: true, critical: true },
        { key: 'cards', type: 'boolean', label: '亮卡检查', sample: { size: 3, questions: [{ key: 'cardHeld', type: 'boolean', label: '本人持卡' }] } },
      ],
    },
  ],
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/**
 * An inspection's findings are problem clues: the school reads its own and answers them
 * with its rectification, the inspector (or the county) accepts (销号) or returns them; each
 * night the rectifications past their due date are flagged once.
 */
describe('rectifying an inspection’s findings', () => {
  let api: TestApp;
  let db: DataSource;
  const token: Record<string, string> = {};
  let findings: Rec[];
  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const clue = async (id: number, user = 'admin') => (await call('GET', `/api/clues/${id}`, user)).body;
  const rectified = { verdict: 'confirmed', finding: '经核实属实', rectification: '已补齐台账并张贴公示' };

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2', 'inspector']) token[user] = await api.login(user);
    const [{ id: inspectorId }] = await db.query(`SELECT id FROM users WHERE username = 'inspector'`);
    const version = await publishedChecklist(api, token.admin, { code: 'CITY-RECT', regionId: '450900' }, DEFINITION);
    const plan = await inspectionPlan(api, token.admin, { regionId: '450900', versionId: version.id, mode: 'spot', daysToRectify: 15 });
    const planned = await plannedInspection(api, token.admin, { planId: plan.id, schoolId: 1, leadInspectorId: inspectorId });
    const started = await inspectionAction(api, token.inspector, planned.id, 'start');
    const drawn: number[] = started.samples[0].students.map((s: Rec) => s.studentId);
    await inspectionAction(api, token.inspector, planned.id, 'submit', {
      answers: { values: { ledger: false }, sampleAnswers: { cards: Object.fromEntries(drawn.map((id) => [String(id), { cardHeld: false }])) } },
    });
    findings = (await call('GET', `/api/clues${listQuery({ filter: { inspectionId: planned.id }, sort: ['id', 'ASC'] })}`, 'admin')).body;
  }, 120_000);
  afterAll(() => api.close());

  it('raises the failed item and each sample mismatch as clues the school reads, and no other school', async () => {
    expect(findings.map((f) => [f.itemKey, f.severity, f.studentId === null])).toEqual([
      ['ledger', 'high', true],
      ['cards', 'medium', false],
      ['cards', 'medium', false],
      ['cards', 'medium', false],
    ]);
    // The demo's own inspection of this school has findings too: read this inspection's.
    const mine = await call('GET', `/api/clues${listQuery({ filter: { source: 'inspection', inspectionId: findings[0].inspectionId } })}`, 'school1');
    expect(mine.body.map((c: Rec) => c.id).sort()).toEqual(findings.map((f) => f.id).sort());
    expect((await call('GET', `/api/clues${listQuery({ filter: { source: 'inspection' } })}`, 'school2')).body).toEqual([]);
    expect((await call('GET', `/api/clues/${findings[0].id}`, 'school2')).status).toBe(404);
    expect((await call('POST', `/api/clues/${findings[0].id}/accept`, 'rongxian', {})).status).toBe(404);
  });

  it('runs the rectification: the school answers with evidence, the inspector returns it, the school answers again, the inspector accepts', async () => {
    const id = findings[0].id;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), '整改报告.pdf');
    const file = await (await fetch(`${api.baseUrl}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token.school1}` }, body: form })).json();
    expect((await call('POST', `/api/clues/${id}/answer`, 'school1', { ...rectified, rectificationFileId: file.id })).body).toMatchObject({ status: 'answered' });
    expect((await call('POST', `/api/clues/${id}/return`, 'inspector', { reason: '整改报告未盖章' })).body).toMatchObject({ status: 'returned', reviewComment: '整改报告未盖章' });
    expect((await call('POST', `/api/clues/${id}/answer`, 'school1', { ...rectified, rectificationFileId: file.id })).body.status).toBe('answered');
    expect((await call('POST', `/api/clues/${id}/accept`, 'inspector', { reason: '整改到位，予以销号' })).body).toMatchObject({ status: 'closed', overdue: false });
    const history = await call('GET', `/api/clue-actions${listQuery({ filter: { clueId: id } })}`, 'school1');
    expect(history.body.map((h: Rec) => h.action)).toEqual(['answer', 'return', 'answer', 'accept']);
  });

  it('lets the county accept a rectification too, and never the school', async () => {
    const id = findings[1].id;
    await call('POST', `/api/clues/${id}/answer`, 'school1', rectified);
    expect((await call('POST', `/api/clues/${id}/accept`, 'school1', {})).status).toBe(403);
    expect((await call('POST', `/api/clues/${id}/accept`, 'yuzhou', {})).body.status).toBe('closed');
  });

  it('flags each night, once, the open findings past their due date', async () => {
    const job = api.app.get(OverdueChecksJob);
    expect(job.names).toContain('rectifications');
    const [schedule] = await db.query(`SELECT cron FROM pgboss.schedule WHERE name = 'overdue-checks'`);
    expect(schedule).toEqual({ cron: '30 0 * * *' });

    // Time passes: two findings (one closed) and a clue of another source fall past due; the last finding is still due.
    await db.query(`UPDATE clues SET due_date = '2020-01-31' WHERE id = ANY($1::int[])`, [[findings[0].id, findings[2].id]]);
    const audit = await call('POST', '/api/clues', 'yuzhou', { source: 'audit', kind: '审计线索', description: '逾期', schoolId: 1, dueDate: '2020-01-31' });
    await job.run();
    const late = await clue(findings[2].id);
    expect(late).toMatchObject({ overdue: true, overdueFlaggedAt: expect.any(String) });
    expect(await clue(findings[0].id)).toMatchObject({ status: 'closed', overdueFlaggedAt: null });
    expect(await clue(findings[3].id)).toMatchObject({ overdue: false, overdueFlaggedAt: null });
    expect(await clue(audit.body.id)).toMatchObject({ overdue: true, overdueFlaggedAt: null });

    await job.run();
    expect((await clue(findings[2].id)).overdueFlaggedAt).toBe(late.overdueFlaggedAt);
  });
});
