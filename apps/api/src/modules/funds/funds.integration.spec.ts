import ExcelJS from 'exceljs';
import { encode } from 'iconv-lite';
import { Client } from 'pg';
import { listQuery, startTestApp, type Json, type TestApp } from '../../testing/test-app';
import { approvedRoster, bankFile, fundProgram, linesOf, ok, reconciliation, studentsOf, uploadBankResult } from '../../testing/funds.fixtures';

type Rec = Record<string, Json>;

/** Each step makes rosters and batches through the API; a busy 2-core machine needs more than 5 s. */
const SLOW = 60_000;

describe('funds: batches, bank results, re-issue, refunds, reconciliation', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let program: Rec;
  let roster: Rec;
  let students: Rec[];
  let batch: Rec;
  let lines: Rec[];
  const today = new Date().toISOString().slice(0, 10);

  const get = (path: string, user = 'finance') => api.request('GET', path, { token: token[user] });
  const post = (path: string, body: Rec, user = 'finance') => api.request('POST', path, { token: token[user], body });
  const chain = () => [token.school1, token.school1, token.yuzhou, token.finance];
  const exceptions = async (filter: Rec, user = 'finance') => (await get(`/api/funds/exceptions?filter=${encodeURIComponent(JSON.stringify(filter))}`, user)).body;

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'finance']) token[user] = await api.login(user);
    program = await ok(post('/api/programs', fundProgram(), 'admin'));
    students = await studentsOf(api, token.school1, 1, 6);
    roster = await approvedRoster(
      api,
      chain(),
      { programId: program.id, year: 2017, term: 'autumn', schoolId: 1 },
      students.slice(0, 5).map((s, i) => ({ studentId: s.id, tier: i === 0 ? 'T1' : 'T2' })),
    );
  }, 120_000);
  afterAll(() => api.close(), 60_000);

  it('refuses cash, and other roles than finance', async () => {
    const cash = await post('/api/disbursement-batches', { programId: program.id, year: 2017, term: 'autumn', method: 'cash', date: today });
    expect(cash.status).toBe(422);
    expect(cash.body.errors.method).toContain('现金');
    const byCounty = await post('/api/disbursement-batches', { programId: program.id, year: 2017, term: 'autumn', method: 'aidCard', date: today }, 'yuzhou');
    expect(byCounty.status).toBe(403);
  }, SLOW);

  it('makes a batch from the approved roster, set-based, one pending line per entry', async () => {
    const created = await post('/api/disbursement-batches', { programId: program.id, year: 2017, term: 'autumn', method: 'aidCard', date: today });
    expect(created.status).toBe(201);
    batch = created.body;
    expect(batch).toMatchObject({ lineCount: 5, totalAmount: 125000 + 4 * 100000, paidAmount: 0, regionId: '450900', createdBy: expect.any(Number), skippedNoAccount: 0 });
    lines = await linesOf(api, token.admin, batch.id);
    expect(lines.map((l) => l.status)).toEqual(Array(5).fill('pending'));
    expect(lines[0]).toMatchObject({ studentId: students[0].id, amount: 125000, regionId: '450902', method: 'aidCard', schoolId: 1 });
    expect(lines[0].account).toMatch(/^\d{8,32}$/);
    const masked = (await get(`/api/disbursements/${lines[0].id}`)).body;
    expect(masked.account).toMatch(/\*/);

    const again = await post('/api/disbursement-batches', { programId: program.id, year: 2017, term: 'autumn', method: 'aidCard', date: today });
    expect(again.status).toBe(422);
    expect(again.body.errors.programId).toBeTruthy();
  }, SLOW);

  it('makes one batch when two officers create the same batch at once', async () => {
    const twin = await ok(post('/api/programs', fundProgram({ code: 'FUND-TWIN', name: '并发测试' }), 'admin'));
    await approvedRoster(api, chain(), { programId: twin.id, year: 2017, term: 'autumn', schoolId: 1 }, students.slice(0, 4).map((s) => ({ studentId: s.id, tier: 'T2' })));
    const body = { programId: twin.id, year: 2017, term: 'autumn', method: 'aidCard', date: today };
    const answers = await Promise.all([post('/api/disbursement-batches', body), post('/api/disbursement-batches', body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    const made = answers.find((a) => a.status === 201)!.body;
    expect(made.lineCount).toBe(4);
    const all = (await get(`/api/disbursements${listQuery({ filter: { programId: twin.id }, range: [0, 99] })}`, 'admin')).body as Rec[];
    expect(all.map((l) => l.batchId)).toEqual(Array(4).fill(made.id));
    expect((await get(`/api/disbursement-batches${listQuery({ filter: { programId: twin.id } })}`)).body).toHaveLength(1);
  }, SLOW);

  it('enforces one live line per roster entry in the database itself', async () => {
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      await expect(
        db.query(
          `INSERT INTO disbursements (serial_no, batch_id, student_id, roster_entry_id, program_id, year, term, school_id, amount, date, method, account, status, scope_path, version)
           SELECT 'X-1', batch_id, student_id, roster_entry_id, program_id, year, term, school_id, amount, date, method, account, 'pending', scope_path, 1
             FROM disbursements WHERE id = $1`,
          [lines[0].id],
        ),
      ).rejects.toMatchObject({ code: '23505', constraint: 'ux_disbursements_live_entry' });
    } finally {
      await db.end();
    }
  }, SLOW);

  it('applies a bank result all or nothing: one bad row and nothing changes, every bad row reported', async () => {
    const bad = await bankFile([
      [lines[0].serialNo, '张三', '1250.00', '成功', null, today],
      [lines[1].serialNo, '李四', '999.99', '成功', null, today],
      [lines[2].serialNo, '王五', '1000', '失败', null, today],
      ['NOPE-1', '赵六', '1000', '成功', null, today],
      [lines[3].serialNo, '钱七', '1000', '到账了', null, today],
    ]);
    const refused = await uploadBankResult(api, token.finance, batch.id, bad);
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.errors).sort()).toEqual(['file', 'rows.4.金额', 'rows.5.失败原因', 'rows.6.流水号', 'rows.7.发放结果']);
    expect(refused.body.errors['rows.4.金额']).toContain('1000.00');
    expect((await linesOf(api, token.admin, batch.id)).map((l) => l.status)).toEqual(Array(5).fill('pending'));

    expect((await uploadBankResult(api, token.yuzhou, batch.id, bad)).status).toBe(403);

    const good = await bankFile([
      [lines[0].serialNo, '张三', '1250.00', '成功', null, today],
      [lines[1].serialNo, '李四', 1000, '成功', null, today],
      [lines[2].serialNo, '王五', '1,000.00', '失败', '账户已销户', today],
      [lines[3].serialNo, '钱七', null, '成功', null, null],
    ]);
    const applied = await uploadBankResult(api, token.finance, batch.id, good);
    expect(applied).toMatchObject({ status: 200, body: { rows: 4, paid: 3, failed: 1, returned: 0, unchanged: 0 } });
    const after = await linesOf(api, token.admin, batch.id);
    expect(after.map((l) => l.status)).toEqual(['paid', 'paid', 'failed', 'paid', 'pending']);
    expect(after[2].bankReason).toBe('账户已销户');
    expect((await get(`/api/disbursement-batches/${batch.id}`)).body).toMatchObject({ lineCount: 5, totalAmount: 525000, paidCount: 3, paidAmount: 325000, failedCount: 1, failedAmount: 100000 });

    const twice = await uploadBankResult(api, token.finance, batch.id, good);
    expect(twice.body).toMatchObject({ paid: 0, failed: 0, unchanged: 4 });
    const backwards = await uploadBankResult(api, token.finance, batch.id, await bankFile([[lines[0].serialNo, '张三', '1250', '失败', '无此账户', today]]));
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors['rows.3.发放结果']).toContain('已发放');
  }, SLOW);

  it('re-issues a failed line only to a corrected account, and never pays an entry twice', async () => {
    const failed = (await linesOf(api, token.admin, batch.id))[2];
    const sameAccount = await post(`/api/disbursements/${failed.id}/reissue`, {});
    expect(sameAccount.status).toBe(422);
    expect(sameAccount.body.errors.account).toBeTruthy();
    expect((await post(`/api/disbursements/${lines[0].id}/reissue`, { account: '6228480000000000001' })).status).toBe(422);

    const student = (await get(`/api/students/${failed.studentId}`, 'admin')).body;
    const fixed = await api.request('PUT', `/api/students/${student.id}`, { token: token.admin, body: { bankAccount: '6228481234567890123', version: student.version } });
    expect(fixed.status).toBe(200);
    const reissued = await post(`/api/disbursements/${failed.id}/reissue`, {});
    expect(reissued.status).toBe(201);
    expect(reissued.body).toMatchObject({ status: 'pending', reissueOfId: failed.id, rosterEntryId: failed.rosterEntryId, amount: failed.amount, batchId: batch.id });
    expect((await post(`/api/disbursements/${failed.id}/reissue`, {})).status).toBe(422);

    // The entry has a live line again: a new batch leaves it out, the bank pays it once.
    const next = await post('/api/disbursement-batches', { programId: program.id, year: 2017, term: 'autumn', method: 'aidCard', date: today });
    expect(next.status).toBe(422);
    const paid = await uploadBankResult(api, token.finance, batch.id, await bankFile([[reissued.body.serialNo, '王五', '1000', '成功', null, today]]));
    expect(paid.body).toMatchObject({ paid: 1 });
    const recon = await reconciliation(api, token.finance, ['program'], { programId: program.id });
    expect(recon.body.rows[0]).toMatchObject({ paid: 425000, failed: 100000, pending: 100000, paidLines: 4 });
  }, SLOW);

  it('records refunds against paid lines up to what was paid, reducing the net', async () => {
    const paidLine = lines[1];
    const tooMuch = await post('/api/refunds', { disbursementId: paidLine.id, amount: 100001, date: today, receivingAccount: '财政专户 1234', reason: '核查不符合条件' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors.amount).toContain('1000.00');
    const pendingLine = lines[4];
    expect((await post('/api/refunds', { disbursementId: pendingLine.id, amount: 100, date: today, receivingAccount: '财政专户', reason: 'x' })).status).toBe(422);
    const refund = await post('/api/refunds', { disbursementId: paidLine.id, amount: 100000, date: today, receivingAccount: '财政专户 1234', reason: '核查不符合条件' });
    expect(refund.status).toBe(201);
    expect(refund.body).toMatchObject({ studentId: paidLine.studentId, programId: program.id, year: 2017, term: 'autumn', regionId: '450902', amount: 100000 });
    const recon = await reconciliation(api, token.finance, ['program'], { programId: program.id });
    expect(recon.body.rows[0]).toMatchObject({ paid: 425000, refunded: 100000, net: 325000 });
  }, SLOW);

  it('splits by funding shares exactly and rates in basis points against allocations', async () => {
    for (const [source, amount] of [['central', 400000], ['provincial', 200000], ['city', 33333]] as const) {
      await ok(post('/api/allocations', { programId: program.id, year: 2017, term: 'autumn', source, regionId: '450902', amount, documentNumber: `玉财教〔2017〕${amount}号`, date: '2017-09-01' }));
    }
    const bySource = await reconciliation(api, token.finance, ['source'], { programId: program.id });
    const row = (s: string) => bySource.body.rows.find((r: Rec) => r.source === s);
    // net 325000 fen: 60 % / 30 % / 10 %
    expect(row('central')).toMatchObject({ allocated: 400000, net: 195000, balance: 205000, executionRateBp: 4875, paidLines: null });
    expect(row('provincial')).toMatchObject({ allocated: 200000, net: 97500, executionRateBp: 4875 });
    expect(row('city')).toMatchObject({ allocated: 33333, net: 32500, balance: 833, executionRateBp: 9750 });
    expect(bySource.body.totals).toMatchObject({ allocated: 633333, net: 325000, balance: 308333, executionRateBp: 5131 });
    // The shares ask 60/30/10 of the 6,333.33 yuan allocated: central gave more than its share, the city less.
    expect([row('central').allocatedByShares, row('provincial').allocatedByShares, row('city').allocatedByShares]).toEqual([379999, 190000, 63334]);
    expect([row('central').shareDifference, row('provincial').shareDifference, row('city').shareDifference]).toEqual([20001, 10000, -30001]);
    expect(bySource.body.totals).toMatchObject({ allocatedByShares: 633333, shareDifference: 0 });
    expect((await reconciliation(api, token.finance, ['nope'])).status).toBe(400);
  }, SLOW);

  it('refuses an allocation to a school outside its region, on create and on update', async () => {
    const base = { programId: program.id, year: 2017, term: 'autumn', source: 'county', amount: 100, documentNumber: '玉财教〔2017〕校1号', date: '2017-09-01' };
    const outside = await post('/api/allocations', { ...base, regionId: '450921', schoolId: 1 });
    expect(outside.status).toBe(422);
    expect(outside.body.errors.schoolId).toBe('该学校不在下达区域内');
    const inside = await post('/api/allocations', { ...base, regionId: '450902', schoolId: 1 });
    expect(inside.status).toBe(201);
    const moved = await api.request('PUT', `/api/allocations/${inside.body.id}`, { token: token.finance, body: { regionId: '450921', version: inside.body.version } });
    expect(moved.status).toBe(422);
    expect((await api.request('DELETE', `/api/allocations/${inside.body.id}`, { token: token.finance })).status).toBe(200);
    expect((await post('/api/allocations', { ...base, regionId: '450902' }, 'yuzhou')).status).toBe(403);
  }, SLOW);

  it('exports the reconciliation to Excel with yuan cells of 2 decimals', async () => {
    const response = await fetch(`${api.baseUrl}/api/funds/reconciliation.xlsx?groupBy=program,source&filter=${encodeURIComponent(JSON.stringify({ programId: program.id }))}`, {
      headers: { authorization: `Bearer ${token.finance}` },
    });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['资助项目', '资金来源', '下达（元）', '已发放（元）']);
    const city = sheet.getRow(4);
    expect(city.getCell(2).value).toBe('市级');
    expect(city.getCell(3).value).toBe(333.33);
    expect(city.getCell(3).numFmt).toBe('#,##0.00');
    const total = sheet.getRow(5);
    expect([total.getCell(1).value, total.getCell(3).value, total.getCell(11).value]).toEqual(['合计', 6333.33, '51.31%']);
  }, SLOW);

  it('imports allocations from Excel, all or nothing, yuan into fen', async () => {
    const upload = async (rows: (string | number)[][]) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('资金下达');
      sheet.addRow(['资助项目', '年度', '学期', '资金来源', '下达区域', '金额', '文号', '下达日期']);
      rows.forEach((r) => sheet.addRow(r));
      const form = new FormData();
      form.set('resource', 'allocations');
      form.set('mode', 'insert');
      form.set('file', new Blob([new Uint8Array(await book.xlsx.writeBuffer())]), '资金下达.xlsx');
      const response = await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token.finance}` }, body: form });
      const { id } = await response.json();
      for (;;) {
        const job = (await get(`/api/imports/${id}`)).body;
        if (job.status !== 'validating') return job;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const bad = await upload([
      ['FUND-TEST', 2017, '春季学期', '中央', '450921', '1234.56', '玉财教〔2017〕1号', '2017-03-01'],
      ['FUND-TEST', 2017, '春季学期', '省级', '450921', '12.345', '玉财教〔2017〕1号', '2017-03-01'],
    ]);
    expect(bad.counts).toMatchObject({ valid: 1, invalid: 1 });
    const refused = await post(`/api/imports/${bad.id}/commit`, { allOrNothing: true });
    expect(refused.status).toBe(422);
    const good = await upload([['FUND-TEST', 2017, '春季学期', '中央', '450921', '1234.56', '玉财教〔2017〕1号', '2017-03-01']]);
    expect((await post(`/api/imports/${good.id}/commit`, { allOrNothing: true })).status).toBe(202);
    for (;;) {
      const job = (await get(`/api/imports/${good.id}`)).body;
      if (job.status === 'committed') break;
      expect(job.status).toBe('committing');
      await new Promise((r) => setTimeout(r, 50));
    }
    const [allocation] = (await get(`/api/allocations${listQuery({ filter: { programId: program.id, term: 'spring' } })}`)).body;
    expect(allocation).toMatchObject({ amount: 123456, source: 'central', regionId: '450921', documentNumber: '玉财教〔2017〕1号' });
    const rongxian = await reconciliation(api, token.rongxian, ['source'], { programId: program.id, term: 'spring' });
    expect(rongxian.body.totals).toMatchObject({ allocated: 123456, paid: 0, balance: 123456, executionRateBp: 0 });
  }, SLOW);

  it('splits odd amounts over odd shares without losing a fen', async () => {
    const odd = await ok(post('/api/programs', fundProgram({ code: 'FUND-ODD', name: '奇数测试', tiers: [{ code: 'A', label: 'A', amount: 33337 }], fundingShares: [{ source: 'central', percent: 33 }, { source: 'provincial', percent: 33 }, { source: 'county', percent: 34 }] }), 'admin'));
    await approvedRoster(api, chain(), { programId: odd.id, year: 2017, term: 'spring', schoolId: 1 }, students.slice(0, 3).map((s) => ({ studentId: s.id, tier: 'A' })));
    const b = await ok(post('/api/disbursement-batches', { programId: odd.id, year: 2017, term: 'spring', method: 'bankAccount', date: today }));
    const oddLines = await linesOf(api, token.admin, b.id);
    // This bank sends CSV in GBK, as Excel in China saves it.
    const csv = ['代发结果', '流水号,户名,金额,处理结果', ...oddLines.map((l) => `${l.serialNo},学生,333.37,成功`)].join('\r\n');
    const applied = await uploadBankResult(api, token.finance, b.id, encode(csv, 'gb18030'), '回盘.csv');
    expect(applied).toMatchObject({ status: 200, body: { paid: 3 } });
    const r = await reconciliation(api, token.finance, ['source'], { programId: odd.id });
    const parts = r.body.rows.map((x: Rec) => x.paid);
    expect(parts.reduce((a: number, b: number) => a + b, 0)).toBe(3 * 33337);
    expect(parts.every((p: number) => Number.isInteger(p))).toBe(true);
    expect(r.body.totals.paid).toBe(100011);
  }, SLOW);

  it('lists every exception kind with its lines, and finance explains one (persisted)', async () => {
    const [entry0, entry3] = await Promise.all(
      [lines[0], lines[3]].map(async (l) => (await get(`/api/roster-entries/${l.rosterEntryId}`, 'admin')).body),
    );
    // After payment: one entry moved to another tier, one removed and its student added back.
    await ok(post(`/api/rosters/${roster.id}/amendments`, { entryId: entry0.id, tier: 'T2', reason: '档次认定有误' }, 'yuzhou'), [200]);
    await ok(post(`/api/rosters/${roster.id}/amendments`, { entryId: entry3.id, remove: true, reason: '家庭经济好转' }, 'yuzhou'), [200]);
    await ok(post(`/api/rosters/${roster.id}/amendments`, { studentId: entry3.studentId, tier: 'T2', reason: '复核后恢复' }, 'yuzhou'), [200]);
    // The sixth student joins by amendment and drops out before being paid.
    await ok(post(`/api/rosters/${roster.id}/amendments`, { studentId: students[5].id, tier: 'T2', reason: '补充认定' }, 'yuzhou'), [200]);
    const dropped = (await get(`/api/students/${students[5].id}`, 'admin')).body;
    await ok(api.request('PUT', `/api/students/${dropped.id}`, { token: token.admin, body: { status: 'dropped', version: dropped.version } }));
    const second = await ok(post('/api/disbursement-batches', { programId: program.id, year: 2017, term: 'autumn', method: 'aidCard', date: today }));
    const secondLines = await linesOf(api, token.admin, second.id);
    expect(secondLines.map((l) => l.studentId).sort()).toEqual([entry3.studentId, students[5].id].sort());
    await uploadBankResult(api, token.finance, second.id, await bankFile(secondLines.map((l) => [l.serialNo, '', null, '成功', null, today])));

    const { exceptions: found } = await exceptions({ programId: program.id });
    const of = (kind: string) => found.filter((e: Rec) => e.kind === kind);
    expect(of('amountMismatch')).toEqual([
      expect.objectContaining({ lineIds: [lines[0].id], amount: 125000, expected: 100000, studentId: students[0].id, programName: program.name, regionName: '玉州区' }),
    ]);
    expect(of('noApprovedEntry')).toEqual([expect.objectContaining({ lineIds: [lines[3].id], studentId: entry3.studentId })]);
    const newLine = secondLines.find((l) => l.studentId === entry3.studentId)!;
    expect(of('paidTwice')).toEqual([expect.objectContaining({ lineIds: [lines[3].id, newLine.id], amount: 200000, studentId: entry3.studentId })]);
    const droppedLine = secondLines.find((l) => l.studentId === students[5].id)!;
    expect(of('notEnrolled')).toEqual([expect.objectContaining({ lineIds: [droppedLine.id], studentName: students[5].name })]);
    // city: allocated 33333, net (paid 625000 − refund 100000) × 10 % = 52500; central and provincial stay within
    expect(of('overAllocation')).toEqual([expect.objectContaining({ key: `overAllocation:${program.id}:2017:autumn:450902:city`, amount: 52500, expected: 33333 })]);

    const key = of('paidTwice')[0].key;
    expect((await post('/api/funds/exceptions/explain', { key, note: '已责令退回' }, 'yuzhou')).status).toBe(403);
    expect((await post('/api/funds/exceptions/explain', { key, note: ' ' })).status).toBe(422);
    expect((await post('/api/funds/exceptions/explain', { key: 'paidTwice:1:2:3:4', note: 'x' })).status).toBe(422);
    const explained = await post('/api/funds/exceptions/explain', { key, note: '学校重复报送，已责令退回' });
    expect(explained.status).toBe(200);
    expect(explained.body.explanation).toMatchObject({ note: '学校重复报送，已责令退回' });
    const stillThere = await exceptions({ programId: program.id, explained: true });
    expect(stillThere.exceptions.map((e: Rec) => e.key)).toEqual([key]);
    const notes = (await get(`/api/fund-exception-notes${listQuery({ filter: { exceptionKey: key } })}`)).body;
    expect(notes).toHaveLength(1);
  }, SLOW);

  it('opens one clue from an exception, for the school of its lines, which the county verifies', async () => {
    const mismatch = (await exceptions({ programId: program.id, kind: 'amountMismatch' })).exceptions[0];
    expect(mismatch.clue).toBeNull();
    const key = mismatch.key;
    expect((await post('/api/funds/exceptions/clue', { key }, 'school1')).status).toBe(403);
    // 容县 cannot see 玉州区's exception, so it cannot open a clue from it.
    const outOfScope = await post('/api/funds/exceptions/clue', { key }, 'rongxian');
    expect(outOfScope.status).toBe(422);
    expect(outOfScope.body.errors.key).toBeTruthy();
    expect((await post('/api/funds/exceptions/clue', { key, dueDate: '2017-02-30' })).body.errors).toHaveProperty('dueDate');
    const city = (await exceptions({ programId: program.id, kind: 'overAllocation' })).exceptions[0];
    expect((await post('/api/funds/exceptions/clue', { key: city.key })).body.errors.key).toContain('说明');

    const opened = await post('/api/funds/exceptions/clue', { key, dueDate: '2027-01-31' });
    expect(opened.status).toBe(201);
    const clue = opened.body;
    expect(clue).toMatchObject({
      source: 'reconciliation', exceptionKey: key, schoolId: 1, studentId: students[0].id, programId: program.id,
      year: 2017, term: 'autumn', status: 'open', dueDate: '2027-01-31', refundRequired: false, openedBy: expect.any(Number),
    });
    expect(clue.description).toContain('2017 年秋季学期');
    expect(clue.description).toContain('1250.00 / 1000.00 元');
    // Two officers at once on another exception: one clue, the other told which.
    const other = (await exceptions({ programId: program.id, kind: 'notEnrolled' })).exceptions[0].key;
    const race = await Promise.all([post('/api/funds/exceptions/clue', { key: other }), post('/api/funds/exceptions/clue', { key: other }, 'yuzhou')]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(race.find((r) => r.status === 422)!.body.errors.key).toContain(`#${race.find((r) => r.status === 201)!.body.id}`);
    const twice = await post('/api/funds/exceptions/clue', { key }, 'yuzhou');
    expect(twice.status).toBe(422);
    expect(twice.body.errors.key).toContain(`#${clue.id}`);
    expect((await exceptions({ programId: program.id, kind: 'amountMismatch' })).exceptions[0].clue).toEqual({ id: clue.id, status: 'open' });

    const seen = await get(`/api/clues${listQuery({ filter: { exceptionKey: key } })}`, 'school1');
    expect(seen.body.map((c: Rec) => c.id)).toEqual([clue.id]);
    expect((await get(`/api/clues/${clue.id}`, 'rongxian')).status).toBe(404);
    // The school answers it, the county accepts (the workflow itself: clue-workflow.integration.spec.ts).
    const answered = await post(`/api/clues/${clue.id}/answer`, { verdict: 'confirmed', finding: '档次认定有误，多发 250 元', rectification: '已退回 250 元' }, 'school1');
    expect(answered.status).toBe(200);
    const accepted = await post(`/api/clues/${clue.id}/accept`, {}, 'yuzhou');
    expect(accepted.body).toMatchObject({ status: 'closed', verdict: 'confirmed' });
    expect((await exceptions({ programId: program.id, kind: 'amountMismatch' })).exceptions[0].clue).toEqual({ id: clue.id, status: 'closed' });
  }, SLOW);

  it('creates clues by form: county, finance and admin, always 待核实, with who opened them; the school only reads', async () => {
    const body = { source: 'audit', kind: '寄宿生补助发放给非寄宿生', description: '审计抽查发现', schoolId: 1, dueDate: '2027-03-31' };
    expect((await post('/api/clues', body, 'school1')).status).toBe(403);
    expect((await post('/api/clues', { ...body, status: 'rectified' }, 'yuzhou')).body.errors.status).toBeTruthy();
    expect((await post('/api/clues', { ...body, source: 'rumour' }, 'yuzhou')).body.errors.source).toBeTruthy();
    const made = await post('/api/clues', body, 'yuzhou');
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'open', exceptionKey: null, refundRequired: false });
    const opener = (await get(`/api/users/${made.body.openedBy}`, 'admin')).body;
    expect(opener.username).toBe('yuzhou');
    // 容县 cannot file a clue on 玉州区's school.
    const elsewhere = await post('/api/clues', body, 'rongxian');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('OUT_OF_SCOPE');
  }, SLOW);

  it('scopes reconciliation and exceptions to the county', async () => {
    const mine = await reconciliation(api, token.yuzhou, ['region'], { programId: program.id });
    expect(mine.body.rows.map((r: Rec) => r.regionId)).toEqual(['450902']);
    const other = await reconciliation(api, token.rongxian, ['region'], { programId: program.id });
    // 容县 sees its own allocation (imported above) and none of 玉州区's payments.
    expect(other.body.rows.map((r: Rec) => r.regionId)).toEqual(['450921']);
    expect(other.body.totals).toMatchObject({ allocated: 123456, paid: 0, failed: 0, refunded: 0 });
    expect((await exceptions({ programId: program.id }, 'rongxian')).total).toBe(0);
    expect((await exceptions({ programId: program.id }, 'yuzhou')).total).toBeGreaterThanOrEqual(5);
    expect((await get(`/api/disbursements/${lines[0].id}`, 'rongxian')).status).toBe(404);
    expect((await get(`/api/funds/reconciliation`, 'school1')).status).toBe(403);
  }, SLOW);

  it('lists approved rosters past their deadline with unpaid entries, until they are paid', async () => {
    const late = await ok(post('/api/programs', fundProgram({ code: 'FUND-LATE', name: '逾期测试', deadlines: [{ term: 'spring', monthDay: '06-15' }] }), 'admin'));
    const lateRoster = await approvedRoster(api, chain(), { programId: late.id, year: 2017, term: 'spring', schoolId: 1 }, students.slice(0, 2).map((s) => ({ studentId: s.id, tier: 'T2' })));
    const overdue = (await get('/api/funds/overdue')).body as Rec[];
    expect(overdue.find((o) => o.rosterId === lateRoster.id)).toMatchObject({ deadline: '2017-06-15', unpaidEntries: 2, unpaidAmount: 200000, regionId: '450902' });
    expect(((await get('/api/funds/overdue', 'rongxian')).body as Rec[]).some((o) => o.rosterId === lateRoster.id)).toBe(false);
    const b = await ok(post('/api/disbursement-batches', { programId: late.id, year: 2017, term: 'spring', method: 'aidCard', date: today }));
    const lateLines = await linesOf(api, token.admin, b.id);
    await uploadBankResult(api, token.finance, b.id, await bankFile(lateLines.map((l) => [l.serialNo, '', null, '成功', null, today])));
    expect(((await get('/api/funds/overdue')).body as Rec[]).some((o) => o.rosterId === lateRoster.id)).toBe(false);
  }, SLOW);
});
