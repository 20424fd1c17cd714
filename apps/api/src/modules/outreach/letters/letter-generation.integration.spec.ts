import { Client } from 'pg';
import { ok } from '../../../testing/funds.fixtures';
import { generateLetters, PLANTED_TERM, type PlantedTerm, plantPaidTerm } from '../../../testing/letter.fixtures';
import { listQuery, startTestApp, type Json, type TestApp } from '../../../testing/test-app';

type Rec = Record<string, Json>;

const SLOW = 120_000;
const { year, term } = PLANTED_TERM;

/**
 * Letters are made from what was actually paid: each paid line of the term less its
 * refunds, to the fen; a failed line makes no letter; a second run changes nothing, and a
 * run after a change refreshes only the letters not yet delivered.
 */
describe('letters to families: templates and generation', () => {
  let api: TestApp;
  let db: Client;
  const token: Record<string, string> = {};
  let planted: PlantedTerm;
  let template: Rec;

  const lettersOf = async (user = 'admin'): Promise<Rec[]> =>
    (await api.request('GET', `/api/letters${listQuery({ filter: { year, term }, sort: ['id', 'ASC'], range: [0, 99] })}`, { token: token[user] })).body;

  beforeAll(async () => {
    api = await startTestApp();
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2', 'finance']) token[user] = await api.login(user);
    planted = await plantPaidTerm(api, { admin: token.admin, school1: token.school1, yuzhou: token.yuzhou, finance: token.finance });
    template = await ok(
      api.request('POST', '/api/letter-templates', {
        token: token.yuzhou,
        body: { name: '玉州区告知书', body: '尊敬的{{guardianName}}：{{studentName}}{{term}}获资助：\n{{payments}}\n合计 {{total}} 元。查询：{{queryUrl}}', receiptText: '已收到，合计 {{total}} 元' },
      }),
    );
  }, SLOW);

  afterAll(async () => {
    await db?.end();
    await api?.close();
  }, 60_000);

  describe('templates', () => {
    it.each([
      ['body', '{{studentNmae}}您好', '{{studentNmae}}'],
      ['receiptText', '合计 {{total}', '成对'],
    ])('refuses an unknown or unclosed placeholder in %s with a 422 on it', async (field, text, says) => {
      const response = await api.request('POST', '/api/letter-templates', { token: token.yuzhou, body: { name: '错误模板', body: '正文', receiptText: '回执', [field]: text } });
      expect(response.status).toBe(422);
      expect(Object.keys(response.body.errors)).toEqual([field]);
      expect(response.body.errors[field]).toContain(says);
    });

    it('starts as a draft of revision 1 owned by the county, which generation refuses', async () => {
      expect(template).toMatchObject({ status: 'draft', revision: 1, regionId: '450902' });
      const refused = await api.request('POST', '/api/letters/generate', { token: token.yuzhou, body: { schoolId: 1, year, term, templateId: template.id } });
      expect(refused.status).toBe(422);
      expect(Object.keys(refused.body.errors)).toEqual(['templateId']);
    });

    it('keeps its revision while a draft, raises it with each change of text once published; retires', async () => {
      const draft = await ok(api.request('PUT', `/api/letter-templates/${template.id}`, { token: token.yuzhou, body: { body: `${template.body}\n{{issuer}}`, version: template.version } }));
      expect(draft.revision).toBe(1);
      const published = await ok(api.request('POST', `/api/letter-templates/${template.id}/publish`, { token: token.yuzhou }));
      expect(published).toMatchObject({ status: 'published', revision: 1 });
      expect(published.publishedAt).toBeTruthy();
      expect((await api.request('POST', `/api/letter-templates/${template.id}/publish`, { token: token.yuzhou })).status).toBe(409);
      const renamed = await ok(api.request('PUT', `/api/letter-templates/${template.id}`, { token: token.yuzhou, body: { name: '玉州区告知书（家长）', version: published.version } }));
      expect(renamed.revision).toBe(1);
      template = await ok(api.request('PUT', `/api/letter-templates/${template.id}`, { token: token.yuzhou, body: { receiptText: '已收到告知书，合计 {{total}} 元', version: renamed.version } }));
      expect(template.revision).toBe(2);
      // Another county neither sees nor publishes it; the city's template is read by the county, not changed.
      expect((await api.request('GET', `/api/letter-templates/${template.id}`, { token: token.rongxian })).status).toBe(404);
      const [cityTemplate] = (await api.request('GET', `/api/letter-templates${listQuery({ filter: { regionId: '450900' } })}`, { token: token.yuzhou })).body;
      expect(cityTemplate).toMatchObject({ status: 'published' });
      expect((await api.request('POST', `/api/letter-templates/${cityTemplate.id}/retire`, { token: token.yuzhou })).status).toBe(403);
    });
  });

  describe('generation', () => {
    let run: Rec;

    beforeAll(async () => {
      run = await generateLetters(api, token.school1, { schoolId: 1, year, term, templateId: template.id });
    }, SLOW);

    it('makes one letter per student paid, from what was paid less refunds, to the fen', async () => {
      expect(run).toMatchObject({ status: 'done', schoolId: 1, year, term, counts: { recipients: 4, created: 4, updated: 0, kept: 0, removed: 0 } });
      const lines = (await api.request('GET', `/api/disbursements${listQuery({ filter: { programId: planted.programs[0].id }, sort: ['id', 'ASC'] })}`, { token: token.admin })).body as Rec[];
      const failed = lines.find((l) => l.status === 'failed')!;
      const refunded = planted.lines[1];
      const letters = await lettersOf('school1');
      expect(letters.map((l) => l.studentId).sort()).toEqual(lines.filter((l) => l.status === 'paid').map((l) => l.studentId).sort());
      expect(letters.map((l) => l.studentId)).not.toContain(failed.studentId);
      for (const letter of letters) {
        const paid = lines.filter((l) => l.studentId === letter.studentId && l.status === 'paid');
        const twoPrograms = letter.studentId === planted.students[0].id;
        const net = (l: Rec) => l.amount - (l.id === refunded.id ? 30000 : 0);
        const expected = paid.reduce((sum, l) => sum + net(l), 0) + (twoPrograms ? 100000 : 0);
        expect(letter.total).toBe(expected);
        const full = await ok(api.request('GET', `/api/letters/${letter.id}`, { token: token.school1 }));
        expect(full.payments).toHaveLength(twoPrograms ? 2 : 1);
        expect(full.payments[0]).toMatchObject({ program: '告知测试国家助学金', amount: net(paid[0]), paid: paid[0].amount, date: PLANTED_TERM.paidOn });
        expect(full.payments[0].account).toMatch(/^\d{4}\*+\d{4}$/);
        expect(full).toMatchObject({ status: 'generated', templateId: template.id, templateRevision: 2 });
        expect(full.content).toContain(`合计 ${(expected / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} 元`);
        expect(full.receipt).toBe(`已收到告知书，合计 ${(expected / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} 元`);
      }
      const withRefund = await ok(api.request('GET', `/api/letters/${letters.find((l) => l.studentId === refunded.studentId)!.id}`, { token: token.school1 }));
      expect(withRefund.payments[0]).toMatchObject({ amount: 70000, paid: 100000, refunded: 30000 });
      expect(withRefund.content).toContain('700.00 元（2017-10-21 发放 1,000.00 元至');
      expect(withRefund.content).toContain('已退回 300.00 元');
      expect(withRefund.content).toContain('/#/aid-query');
      const first = await ok(api.request('GET', `/api/letters/${letters.find((l) => l.studentId === planted.students[0].id)!.id}`, { token: token.school1 }));
      expect(first.payments.map((p: Rec) => [p.program, p.amount])).toEqual([
        ['告知测试国家助学金', 125000],
        ['告知测试生活补助', 100000],
      ]);
    }, SLOW);

    it('audits each letter it made, naming who started the run', async () => {
      const { rows } = await db.query(`SELECT a.action, u.username FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.resource = 'letters' AND a.record_id = ANY($1)`, [
        (await lettersOf()).map((l) => String(l.id)),
      ]);
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.action === 'create' && r.username === 'school1')).toBe(true);
    });

    it('changes nothing when run again', async () => {
      const before = await lettersOf();
      const again = await generateLetters(api, token.yuzhou, { regionId: '450902', year, term, templateId: template.id });
      expect(again.counts).toEqual({ recipients: 4, created: 0, updated: 0, kept: 0, removed: 0 });
      expect((await lettersOf()).map((l) => [l.id, l.version, l.total])).toEqual(before.map((l) => [l.id, l.version, l.total]));
    }, SLOW);

    it('refreshes only letters still to deliver after a refund, keeps delivered ones, removes one refunded in full', async () => {
      const letters = await lettersOf();
      const byStudent = (id: number) => letters.find((l) => l.studentId === id)!;
      const delivered = byStudent(planted.students[0].id);
      await ok(api.request('POST', '/api/letters/mark', { token: token.school1, body: { ids: [delivered.id], status: 'delivered', date: '2017-11-10' } }));
      const lines = (await api.request('GET', `/api/disbursements${listQuery({ filter: { programId: planted.programs[0].id, status: 'paid' }, sort: ['id', 'ASC'] })}`, { token: token.admin })).body as Rec[];
      const lineOf = (studentId: number) => lines.find((l) => l.studentId === studentId)!;
      const refund = async (line: Rec, amount: number) =>
        ok(api.request('POST', '/api/refunds', { token: token.finance, body: { disbursementId: line.id, amount, date: '2017-11-20', receivingAccount: '财政专户', reason: '核查' } }));
      await refund(lineOf(planted.students[0].id), 25000);
      const stillGenerated = letters.find((l) => l.studentId !== planted.students[0].id && l.studentId !== planted.students[1].id)!;
      await refund(lineOf(stillGenerated.studentId), 40000);
      const gone = letters.find((l) => l.id !== stillGenerated.id && l.studentId !== planted.students[0].id && l.studentId !== planted.students[1].id)!;
      await refund(lineOf(gone.studentId), 100000);

      const rerun = await generateLetters(api, token.school1, { schoolId: 1, year, term, templateId: template.id });
      expect(rerun.counts).toEqual({ recipients: 3, created: 0, updated: 1, kept: 1, removed: 1 });
      const after = await lettersOf();
      expect(after.map((l) => l.id)).not.toContain(gone.id);
      expect(after.find((l) => l.id === delivered.id)).toMatchObject({ status: 'delivered', total: delivered.total, version: delivered.version + 1 });
      expect(after.find((l) => l.id === stillGenerated.id)).toMatchObject({ total: stillGenerated.total - 40000, version: stillGenerated.version + 1 });
    }, SLOW);
  });

  describe('who may generate what', () => {
    it.each([
      ['school2', { schoolId: 1 }, 422, 'schoolId'],
      ['rongxian', { schoolId: 1 }, 422, 'schoolId'],
      ['rongxian', { regionId: '450902' }, 422, 'regionId'],
      ['yuzhou', { schoolId: 1, regionId: '450902' }, 422, 'schoolId'],
      ['yuzhou', {}, 422, 'schoolId'],
      ['finance', { schoolId: 1 }, 403, undefined],
    ])('%s generating %j: %d', async (user, target, status, field) => {
      const response = await api.request('POST', '/api/letters/generate', { token: token[user], body: { ...target, year, term, templateId: template.id } });
      expect(response.status).toBe(status);
      if (field) expect(Object.keys(response.body.errors)).toEqual([field]);
    });

    it('refuses a term with nothing paid and a bad term or year, each on its field', async () => {
      const nothing = await api.request('POST', '/api/letters/generate', { token: token.school1, body: { schoolId: 1, year: 2016, term, templateId: template.id } });
      expect(nothing.status).toBe(422);
      expect(Object.keys(nothing.body.errors)).toEqual(['term']);
      const bad = await api.request('POST', '/api/letters/generate', { token: token.school1, body: { schoolId: 1, year: 1999, term: 'summer', templateId: template.id } });
      expect(Object.keys(bad.body.errors).sort()).toEqual(['term', 'year']);
    });

    it('shows a school its own letters only; another school reads none of them', async () => {
      const letters = await lettersOf('school1');
      expect(letters.length).toBeGreaterThan(0);
      expect(await lettersOf('school2')).toEqual([]);
      expect((await api.request('GET', `/api/letters/${letters[0].id}`, { token: token.school2 })).status).toBe(404);
      expect((await api.request('GET', `/api/letters/${letters[0].id}`, { token: token.rongxian })).status).toBe(404);
      expect((await api.request('GET', '/api/letters/abc', { token: token.school1 })).status).toBe(400);
      // The letter run is read by its school and the regions above, not by another school.
      const [run] = (await api.request('GET', `/api/letter-runs${listQuery({ filter: { schoolId: 1 } })}`, { token: token.school1 })).body;
      expect(run).toBeTruthy();
      expect((await api.request('GET', `/api/letter-runs/${run.id}`, { token: token.school2 })).status).toBe(404);
    });
  });
});
