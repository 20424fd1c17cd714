import { startTestApp, type Json, type TestApp } from '../../testing/test-app';
import { approvedRoster, bankFile, fundProgram, linesOf, ok, studentsOf, uploadBankResult } from '../../testing/funds.fixtures';

type Rec = Record<string, Json>;

const SLOW = 60_000;

/**
 * A batch says which figure is which: 应发 (what the batch pays, fixed when it is made)
 * = 成功 + 失败 (failed or returned, not re-issued yet) + 待发放. Before, 金额合计 dropped
 * after failed lines while 笔数 stayed.
 */
describe('payment batch figures: 应发 / 成功 / 失败', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let batch: Rec;
  let lines: Rec[];
  const today = new Date().toISOString().slice(0, 10);
  const figures = async (): Promise<Rec> => {
    const b = (await api.request('GET', `/api/disbursement-batches/${batch.id}`, { token: token.finance })).body;
    return { lineCount: b.lineCount, totalAmount: b.totalAmount, paidCount: b.paidCount, paidAmount: b.paidAmount, failedCount: b.failedCount, failedAmount: b.failedAmount };
  };

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'school1', 'finance']) token[user] = await api.login(user);
    const program = await ok(api.request('POST', '/api/programs', { token: token.admin, body: fundProgram() }));
    const students = await studentsOf(api, token.school1, 1, 4);
    const chain = [token.school1, token.school1, token.yuzhou, token.finance];
    await approvedRoster(api, chain, { programId: program.id, year: 2017, term: 'autumn', schoolId: 1 }, students.map((s, i) => ({ studentId: s.id, tier: i === 0 ? 'T1' : 'T2' })));
    batch = await ok(api.request('POST', '/api/disbursement-batches', { token: token.finance, body: { programId: program.id, year: 2017, term: 'autumn', method: 'aidCard', date: today } }));
    lines = await linesOf(api, token.admin, batch.id);
  }, 120_000);
  afterAll(() => api.close(), 60_000);

  it('labels each figure for what it counts, in Chinese and English', async () => {
    const schema = (await api.request('GET', '/api/schema', { token: token.finance })).body;
    const fields = (schema.resources as Rec[]).find((r) => r.name === 'disbursement-batches')!.fields as Rec[];
    const labels = (lang: 'zh' | 'en') => Object.fromEntries(fields.map((f) => [f.key, f.label[lang]]));
    const zh = labels('zh');
    const en = labels('en');
    const pick = (l: Rec) => [l.lineCount, l.totalAmount, l.paidCount, l.paidAmount, l.failedCount, l.failedAmount];
    expect(pick(zh)).toEqual(['应发笔数', '应发金额', '成功笔数', '成功金额', '失败笔数', '失败金额']);
    expect(pick(en)).toEqual(['Lines to pay', 'Amount to pay', 'Lines paid', 'Amount paid', 'Lines failed', 'Amount failed']);
  });

  it('keeps 应发 whole after failures and splits it into 成功 and 失败', async () => {
    expect(await figures()).toEqual({ lineCount: 4, totalAmount: 425000, paidCount: 0, paidAmount: 0, failedCount: 0, failedAmount: 0 });
    const result = await uploadBankResult(
      api,
      token.finance,
      batch.id,
      await bankFile([
        [lines[0].serialNo, '', null, '成功', null, today],
        [lines[1].serialNo, '', null, '成功', null, today],
        [lines[2].serialNo, '', null, '失败', '账户已销户', today],
      ]),
    );
    expect(result.status).toBe(200);
    expect(await figures()).toEqual({ lineCount: 4, totalAmount: 425000, paidCount: 2, paidAmount: 225000, failedCount: 1, failedAmount: 100000 });
    // Paid, then returned by the bank: no longer 成功, counted as 失败.
    await uploadBankResult(api, token.finance, batch.id, await bankFile([[lines[1].serialNo, '', null, '退回', '账户冻结', today]]));
    expect(await figures()).toEqual({ lineCount: 4, totalAmount: 425000, paidCount: 1, paidAmount: 125000, failedCount: 2, failedAmount: 200000 });
  }, SLOW);

  it('counts a re-issue in place of the line it re-sends: 应发 unchanged, 失败 down, 成功 up once paid', async () => {
    const reissued = await ok(api.request('POST', `/api/disbursements/${lines[2].id}/reissue`, { token: token.finance, body: { account: '6228481234567890123' } }));
    expect(await figures()).toEqual({ lineCount: 4, totalAmount: 425000, paidCount: 1, paidAmount: 125000, failedCount: 1, failedAmount: 100000 });
    await uploadBankResult(api, token.finance, batch.id, await bankFile([[reissued.serialNo, '', null, '成功', null, today]]));
    expect(await figures()).toEqual({ lineCount: 4, totalAmount: 425000, paidCount: 2, paidAmount: 225000, failedCount: 1, failedAmount: 100000 });
  }, SLOW);
});
