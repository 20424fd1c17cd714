import { chinaDate } from '@zizhu/identities';
import { type ChecklistDefinition, scoreChecklist } from '@zizhu/schema';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { expectErrorShape } from '../../testing/bad-input';
import { hostileJson, hostileObject } from '../../testing/hostile-values';
import { inspectionAction, inspectionPlan, plannedInspection, publishedChecklist } from '../../testing/inspection.fixtures';
import { listQuery, startTestApp, type Json, type TestApp } from '../../testing/test-app';

type Rec = Record<string, Json>;

const DEFINITION = {
  sections: [
    {
      key: 'policy',
      title: '政策落实',
      weight: 2,
      items: [
        {
          key: 'publicized',
          type: 'yesNoNa',
          label: '资助政策是否公示',
          required: true,
          critical: true,
          evidenceWhen: { '==': [{ var: 'values.publicized' }, 'no'] },
        },
        {
          key: 'why',
          type: 'text',
          label: '未公示原因',
          visibleWhen: { '==': [{ var: 'values.publicized' }, 'no'] },
          requiredWhen: { '==': [{ var: 'values.publicized' }, 'no'] },
        },
        {
          key: 'quality',
          type: 'select',
          label: '档案质量',
          weight: 3,
          required: true,
          choices: [
            { value: 'good', label: '好', score: 2 },
            { value: 'fair', label: '一般', score: 1 },
            { value: 'poor', label: '差', score: 0 },
          ],
          evidenceWhen: { '==': [{ var: 'values.quality' }, 'poor'] },
        },
        { key: 'archive', type: 'boolean', label: '一人一档', naAllowed: true },
      ],
    },
    {
      key: 'funds',
      title: '资金管理',
      items: [
        { key: 'ledger', type: 'boolean', label: '台账齐全', required: true },
        { key: 'overdue', type: 'number', label: '逾期线索', dataItem: 'overdueClues' },
        {
          key: 'cards',
          type: 'boolean',
          label: '亮卡检查',
          sample: {
            size: 3,
            questions: [
              { key: 'cardHeld', type: 'boolean', label: '本人持卡' },
              { key: 'amountKnown', type: 'yesNoNa', label: '知晓资助金额' },
            ],
          },
        },
      ],
    },
  ],
};
const PASS_MARK = 80;
const DAYS_TO_RECTIFY = 20;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/**
 * Filling an inspection in and submitting it: autosaved drafts checked by type, the full
 * check on submit (conditional and hidden items, evidence, data checks, every sampled
 * student), the score as stored, findings raised as clues once, reopening with a reason,
 * and a verification showing the school's own score beside its own.
 */
describe('saving and submitting an inspection', () => {
  let api: TestApp;
  let db: DataSource;
  const token: Record<string, string> = {};
  const userId: Record<string, number> = {};
  let version: Rec;
  let inspection: Rec;
  let students: number[];
  let evidence: Rec;
  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const act = (action: string, user: string, body: Rec = {}, id = inspection.id) => call('POST', `/api/inspections/${id}/${action}`, user, body);
  const read = async (id = inspection.id) => (await call('GET', `/api/inspections/${id}`, 'admin')).body;
  async function upload(user: string): Promise<Rec> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), '现场照片.pdf');
    const response = await fetch(`${api.baseUrl}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token[user]}` }, body: form });
    return (await response.json()) as Rec;
  }
  const sampleAnswers = (ids: number[], mismatch?: number) =>
    Object.fromEntries(ids.map((id) => [String(id), id === mismatch ? { cardHeld: false, amountKnown: 'yes' } : { cardHeld: true, amountKnown: 'yes' }]));
  const clues = async (user = 'admin', id = inspection.id) => (await call('GET', `/api/clues${listQuery({ filter: { inspectionId: id }, sort: ['id', 'ASC'] })}`, user)).body as Rec[];

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    for (const user of ['admin', 'yuzhou', 'school1', 'school2', 'inspector', 'finance']) token[user] = await api.login(user);
    for (const row of await db.query(`SELECT id, username FROM users`)) userId[row.username] = row.id;
    version = await publishedChecklist(api, token.admin, { code: 'CITY-FILL', regionId: '450900' }, DEFINITION, PASS_MARK);
    const plan = await inspectionPlan(api, token.admin, { regionId: '450900', versionId: version.id, mode: 'spot', daysToRectify: DAYS_TO_RECTIFY });
    const planned = await plannedInspection(api, token.admin, { planId: plan.id, schoolId: 1, leadInspectorId: userId.inspector });
    inspection = await inspectionAction(api, token.inspector, planned.id, 'start');
    students = inspection.samples[0].students.map((s: Rec) => s.studentId);
    evidence = await upload('inspector');
  }, 120_000);
  afterAll(() => api.close());

  describe('save', () => {
    it('successful: keeps partial answers as a draft', async () => {
      const saved = await act('save', 'inspector', { answers: { values: { publicized: 'yes' }, remarks: { quality: '待查看档案室' } }, version: inspection.version });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ status: 'started', version: inspection.version + 1, score: null });
      expect(saved.body.answers).toEqual({ values: { publicized: 'yes' }, notApplicable: [], dataChecks: {}, sampleAnswers: {}, evidence: {}, remarks: { quality: '待查看档案室' } });
      inspection = saved.body;
    });

    it.each([
      ['no answers', () => ({}), 'answers'],
      ['answers that are no object', () => ({ answers: 'yes' }), 'answers'],
      ['an unknown field beside them', () => ({ answers: {}, score: 100 }), 'score'],
      ['an answer of the wrong type', () => ({ answers: { values: { publicized: true } } }), 'answers.values.publicized'],
      ['a choice that is not one', () => ({ answers: { values: { quality: 'excellent' } } }), 'answers.values.quality'],
      ['an unknown item', () => ({ answers: { values: { ghost: 1 } } }), 'answers.values.ghost'],
      ['a student not drawn', () => ({ answers: { sampleAnswers: { cards: { '999999': { cardHeld: true } } } } }), 'answers.sampleAnswers.cards.999999'],
      ['a data check without its verdict', () => ({ answers: { dataChecks: { overdue: { note: '?' } } } }), 'answers.dataChecks.overdue.confirmed'],
      ['a file that does not exist', () => ({ answers: { evidence: { quality: [999999] } } }), 'answers.evidence.quality'],
      ['a nested prototype key', () => ({ answers: { evidence: { constructor: 1 } } }), 'answers.evidence.constructor'],
    ])('failing: %s is a 422 keyed by its path; nothing changes', async (_name, body, key) => {
      const response = await act('save', 'inspector', body());
      expect(response.status).toBe(422);
      expect(Object.keys(response.body.errors)).toEqual([key]);
      expect(await read()).toMatchObject({ version: inspection.version, answers: inspection.answers });
    });

    it('failing: another user’s upload as evidence, a stale version, the school saving a spot check, finance', async () => {
      const foreign = await upload('school2');
      const borrowed = await act('save', 'inspector', { answers: { evidence: { publicized: [foreign.id] } } });
      expect(borrowed.status).toBe(422);
      expect(borrowed.body.errors).toEqual({ 'answers.evidence.publicized': expect.stringContaining('不是您上传的') });
      expect((await act('save', 'inspector', { answers: {}, version: inspection.version - 1 })).status).toBe(409);
      expect((await act('save', 'school1', { answers: {} })).status).toBe(403);
      expect((await act('save', 'school2', { answers: {} })).status).toBe(404);
      expect((await act('submit', 'finance', { answers: {} })).status).toBe(403);
    });
  });

  describe('submit', () => {
    it('failing: names every answer still missing, conditions and evidence included; nothing changes', async () => {
      const response = await act('submit', 'inspector', { answers: { values: { publicized: 'no', quality: 'poor' } } });
      expect(response.status).toBe(422);
      expect(Object.keys(response.body.errors).sort()).toEqual(
        [
          'answers.values.why',
          'answers.values.ledger',
          'answers.evidence.publicized',
          'answers.evidence.quality',
          'answers.dataChecks.overdue',
          ...students.flatMap((id) => [`answers.sampleAnswers.cards.${id}.cardHeld`, `answers.sampleAnswers.cards.${id}.amountKnown`]),
        ].sort(),
      );
      expect(await read()).toMatchObject({ status: 'started', version: inspection.version });
    });

    it('successful: scores the answers, stores the result, raises each finding as a clue due in the plan’s days', async () => {
      const answers = {
        values: { publicized: 'no', why: '公示栏拆除', quality: 'fair', archive: false, ledger: true },
        notApplicable: ['archive'],
        dataChecks: { overdue: { confirmed: false, observed: 3, note: '另有两条线索未录入' } },
        sampleAnswers: { cards: sampleAnswers(students, students[1]) },
        evidence: { publicized: [evidence.id] },
        remarks: { publicized: '现场未见公示' },
      };
      const submitted = await act('submit', 'inspector', { answers });
      expect(submitted.status).toBe(200);
      // policy: publicized 0 (×1), quality ½ (×3), archive N/A → 37.5; funds: ledger 1 → 100; total (2 × 37.5 + 100) / 3.
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        score: 58.3,
        passed: false,
        findingsCount: 3,
        submittedBy: userId.inspector,
        submittedAt: expect.any(String),
        result: { total: 58.3, criticalFailed: ['publicized'], sections: [{ key: 'policy', score: 37.5 }, { key: 'funds', score: 100 }] },
      });
      expect(submitted.body.result).toEqual(scoreChecklist(DEFINITION as ChecklistDefinition, submitted.body.answers, PASS_MARK));
      inspection = submitted.body;

      const due = new Date(`${chinaDate(new Date())}T00:00:00Z`);
      due.setUTCDate(due.getUTCDate() + DAYS_TO_RECTIFY);
      const raised = await clues();
      const common = { source: 'inspection', status: 'open', schoolId: 1, inspectionId: inspection.id, openedBy: userId.inspector, dueDate: due.toISOString().slice(0, 10) };
      expect(raised).toEqual([
        expect.objectContaining({ ...common, kind: '资助政策是否公示', itemKey: 'publicized', recordKey: 'item:publicized', severity: 'high', studentId: null }),
        expect.objectContaining({ ...common, kind: '逾期线索', itemKey: 'overdue', recordKey: 'item:overdue', severity: 'low', studentId: null }),
        expect.objectContaining({ ...common, kind: '亮卡检查', itemKey: 'cards', recordKey: `item:cards:student:${students[1]}`, severity: 'medium', studentId: students[1] }),
      ]);
      expect(raised[0].description).toBe('【政策落实】资助政策是否公示：回答：否；备注：现场未见公示');
      expect(raised[1].description).toContain(`平台数据 ${inspection.dataValues.overdue.value}条，现场核实 3条`);
      expect(raised[2].description).toContain('本人持卡：否');
    });

    it('refuses to save or submit again once submitted', async () => {
      expect((await act('save', 'inspector', { answers: {} })).status).toBe(409);
      expect((await act('submit', 'inspector', { answers: {} })).status).toBe(409);
    });

    it('lets whoever reads the inspection download its evidence, and no one else', async () => {
      const download = async (user: string) => (await fetch(`${api.baseUrl}/api/files/${evidence.id}`, { headers: { authorization: `Bearer ${token[user]}` } })).status;
      expect(await download('school1')).toBe(200);
      expect(await download('yuzhou')).toBe(200);
      expect(await download('school2')).toBe(404);
    });
  });

  describe('reopen and submit again', () => {
    it.each([
      ['the school', 'school1', { reason: '重新检查' }, 403, null],
      ['the inspector', 'inspector', { reason: '重新检查' }, 403, null],
      ['no reason', 'yuzhou', {}, 422, 'reason'],
      ['a blank reason', 'yuzhou', { reason: '   ' }, 422, 'reason'],
      ['a reason over 500 characters', 'yuzhou', { reason: '因'.repeat(501) }, 422, 'reason'],
    ])('failing: %s', async (_name, user, body, status, field) => {
      const response = await act('reopen', user, body);
      expect(response.status).toBe(status);
      if (field) expect(Object.keys(response.body.errors)).toEqual([field]);
      expect((await read()).status).toBe('submitted');
    });

    it('reopens with the reason, logged in the audit', async () => {
      const reopened = await act('reopen', 'yuzhou', { reason: '学校补充了公示照片，需复核' });
      expect(reopened.body).toMatchObject({ status: 'started', reopenReason: '学校补充了公示照片，需复核', score: 58.3 });
      expect((await act('reopen', 'yuzhou', { reason: '再次' })).status).toBe(409);
      const audit = await call('GET', `/api/audit-log${listQuery({ filter: { resource: 'inspections', recordId: String(inspection.id) }, sort: ['id', 'ASC'] })}`, 'admin');
      expect(audit.body.map((a: Rec) => a.after?.action ?? a.action)).toEqual(['create', 'start', 'save', 'submit', 'reopen']);
      expect(audit.body.at(-1).after).toMatchObject({ action: 'reopen', reason: '学校补充了公示照片，需复核', status: 'started' });
      expect(audit.body.at(-1).before).toMatchObject({ status: 'submitted', reopenReason: null });
    });

    it('scores the new answers, drops a hidden item’s answer, raises only findings not raised before', async () => {
      const answers = {
        values: { publicized: 'yes', why: '已补贴公示', quality: 'poor', archive: true, ledger: true },
        dataChecks: { overdue: { confirmed: false, observed: 3, note: '另有两条线索未录入' } },
        sampleAnswers: { cards: sampleAnswers(students, students[1]) },
        evidence: { quality: [evidence.id] },
      };
      const submitted = await act('submit', 'inspector', { answers });
      expect(submitted.status).toBe(200);
      expect(submitted.body.answers.values).toEqual({ publicized: 'yes', quality: 'poor', archive: true, ledger: true });
      // policy: publicized 1, quality 0 (×3), archive 1 → 40; funds 100; total (80 + 100) / 3 = 60.
      expect(submitted.body).toMatchObject({ status: 'submitted', score: 60, passed: false, findingsCount: 4, result: { criticalFailed: [] } });
      const raised = await clues();
      expect(raised.map((c) => c.recordKey)).toEqual(['item:publicized', 'item:overdue', `item:cards:student:${students[1]}`, 'item:quality']);
      expect(raised[3]).toMatchObject({ kind: '档案质量', severity: 'medium' });
    });
  });

  describe('self-inspection and verification', () => {
    it('shows a verification the school’s own score beside its own', async () => {
      const selfPlan = await inspectionPlan(api, token.yuzhou, { regionId: '450902', versionId: version.id, mode: 'self', name: '学校自查' });
      const verifyPlan = await inspectionPlan(api, token.admin, { regionId: '450900', versionId: version.id, mode: 'verify', name: '市级核查' });
      const own = await plannedInspection(api, token.yuzhou, { planId: selfPlan.id, schoolId: 1 });
      const started = await inspectionAction(api, token.school1, own.id, 'start');
      const drawn = started.samples[0].students.map((s: Rec) => s.studentId);
      const self = await inspectionAction(api, token.school1, own.id, 'submit', {
        answers: {
          values: { publicized: 'yes', quality: 'good', archive: true, ledger: true },
          dataChecks: { overdue: { confirmed: true } },
          sampleAnswers: { cards: sampleAnswers(drawn) },
        },
      });
      expect(self).toMatchObject({ status: 'submitted', score: 100, passed: true, findingsCount: 0, submittedBy: userId.school1 });

      const review = await plannedInspection(api, token.admin, { planId: verifyPlan.id, schoolId: 1, leadInspectorId: userId.inspector });
      const verifying = await inspectionAction(api, token.inspector, review.id, 'start');
      expect(verifying).toMatchObject({ selfInspectionId: own.id, selfScore: 100, selfResult: self.result });
      const listed = (await call('GET', `/api/inspections${listQuery({ filter: { planId: verifyPlan.id } })}`, 'school1')).body;
      expect(listed).toEqual([expect.objectContaining({ id: review.id, selfScore: 100, selfResult: self.result })]);
      expect(await read(own.id)).not.toHaveProperty('selfScore');
    });
  });

  describe('hostile answers', () => {
    it('any answers are a 2xx or a 4xx in the error shape, never a 5xx', async () => {
      const plan = await inspectionPlan(api, token.admin, { regionId: '450900', versionId: version.id, mode: 'spot', name: '任意答案' });
      const target = await inspectionAction(api, token.inspector, (await plannedInspection(api, token.admin, { planId: plan.id, schoolId: 1, leadInspectorId: userId.inspector })).id, 'start');
      const drawn = target.samples[0].students.map((s: Rec) => String(s.studentId));
      const items = ['publicized', 'why', 'quality', 'archive', 'ledger', 'overdue', 'cards'];
      const answers = fc.oneof(
        hostileJson,
        fc.record(
          {
            values: hostileObject(items),
            notApplicable: fc.oneof(hostileJson, fc.subarray(items)),
            dataChecks: fc.dictionary(fc.constantFrom(...items), fc.oneof(hostileJson, hostileObject(['confirmed', 'observed', 'note']))),
            sampleAnswers: fc.record({ cards: fc.dictionary(fc.constantFrom(...drawn, '0', '__proto__'), fc.oneof(hostileJson, hostileObject(['cardHeld', 'amountKnown']))) }),
            evidence: hostileObject(items),
            remarks: hostileObject(items),
          },
          { requiredKeys: [] },
        ),
      );
      await fc.assert(
        fc.asyncProperty(answers, fc.constantFrom('save', 'submit'), async (given, action) => {
          const response = await act(action, 'inspector', { answers: given }, target.id);
          if (response.status >= 500) throw new Error(`${action} → ${response.status}: ${JSON.stringify(response.body)}`);
          if (response.status >= 400) expectErrorShape(response);
          if (action === 'submit' && response.status === 200) await act('reopen', 'admin', { reason: '继续测试' }, target.id);
        }),
        { numRuns: 60, endOnFailure: true },
      );
    }, 120_000);
  });
});
