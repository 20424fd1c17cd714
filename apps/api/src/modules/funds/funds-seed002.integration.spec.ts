import { idNumberCheckChar } from '@zizhu/schema';
import ExcelJS from 'exceljs';
import { listQuery, startTestApp, type Json, type TestApp } from '../../testing/test-app';
import { bankFile, fundProgram, importApplications, inBatches, ok, reconciliation, uploadBankResult } from '../../testing/funds.fixtures';

type Rec = Record<string, Json>;

/** 万元 → fen, exactly (the seed's figures have at most 4 decimals of 万元, i.e. whole yuan). */
const wan = (text: string): number => {
  const [whole, decimals = ''] = text.split('.');
  return Number(whole) * 1_000_000 + Number(decimals.padEnd(4, '0')) * 100;
};

const yuan = (n: number) => n * 100;
const CHAIN = [
  { label: '学校申报', role: 'school', level: 'school' },
  { label: '财政局确认', role: 'finance', level: 'city' },
];

/**
 * Seed 002 (石首 2017): funds by program, person-times, tiers that reproduce each total, and
 * the city's share. The report gives only the totals per program and the split
 * central+provincial 793.685 / city 334.7985 万元; these city percentages are the one set
 * of multiples of 5 % (and 27 % for the vocational waiver) that reproduces that split.
 */
const SEED = [
  { code: 'XQ', name: '学前教育政府资助', total: '25.2', stages: ['preschool'], terms: ['autumn'], tiers: [[500, 504]], city: 20 },
  { code: 'JS', name: '农村义务教育寄宿生生活补助', total: '261.575', stages: ['primary', 'junior'], terms: ['spring', 'autumn'], tiers: [[500, 1589], [625, 2914]], city: 20 },
  { code: 'GZZ', name: '普通高中国家助学金', total: '324.975', stages: ['senior'], terms: ['spring', 'autumn'], tiers: [[1000, 3176], [1250, 59]], city: 0 },
  { code: 'GZM', name: '普通高中免学费', total: '60.3435', stages: ['senior'], terms: ['spring', 'autumn'], tiers: [[850, 381], [855, 327]], city: 20 },
  { code: 'ZZZ', name: '中等职业教育国家助学金', total: '23.5', stages: ['vocational'], terms: ['spring', 'autumn'], tiers: [[1000, 235]], city: 35 },
  { code: 'ZZM', name: '中等职业教育免学费', total: '240.74', stages: ['vocational'], terms: ['spring', 'autumn'], tiers: [[1000, 533], [1100, 1704]], city: 27 },
  { code: 'KF', name: '建档立卡学生资助扩面', total: '192.15', stages: ['preschool', 'primary', 'junior', 'senior', 'vocational'], terms: ['yearly'], tiers: [[625, 3030], [750, 37]], city: 100 },
] as const;

/**
 * The demo city has fewer pupils than 石首 in some stages (243 enrolled preschoolers for
 * 504 children, 1,924 compulsory-stage pupils for 2,252 boarders a term, 862 vocational
 * students for 1,119 waivers a term): these are added first, through the students import.
 */
const EXTRA_STUDENTS = { preschool: 300, primary: 200, junior: 200, vocational: 300 } as const;
const STAGE_LABEL = { preschool: '学前', primary: '小学', junior: '初中', vocational: '中职' } as const;
const BIRTH_YEAR = { preschool: 2012, primary: 2008, junior: 2004, vocational: 2001 } as const;

describe('seed 002 (石首 2017) through the API: programs, rosters, payments, reconciliation to the fen', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  const schoolToken = new Map<number, string>();
  const programIds = new Map<string, number>();

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'finance', 'yuzhou']) token[user] = await api.login(user);
  }, 60_000);
  afterAll(() => api.close(), 60_000);

  it('creates the programs, 14,489 roster entries, allocations and paid lines', async () => {
    await importStudents();
    // Every enrolled student (plain ID numbers: the admin's view), school by school.
    const students: Rec[] = [];
    for (let page = 0; ; page++) {
      const r = await api.request('GET', `/api/students${listQuery({ filter: { status: 'enrolled' }, sort: ['id', 'ASC'], range: [page * 1000, page * 1000 + 999] })}`, { token: token.admin });
      students.push(...r.body);
      if (r.body.length < 1000) break;
    }
    students.sort((a, b) => a.schoolId - b.schoolId || a.id - b.id);
    const schools = [...new Set(students.map((s) => s.schoolId as number))];
    // One school officer per school (the demo has two): the chain's first step is theirs.
    await inBatches(schools, 4, async (schoolId) => {
      const username = `sch${schoolId}`;
      await ok(api.request('POST', '/api/users', { token: token.admin, body: { username, displayName: `学校${schoolId}资助专干`, role: 'school', schoolId, password: 'Zizhu@2026' } }));
      schoolToken.set(schoolId, await api.login(username, 'Zizhu@2026'));
    });

    for (const p of SEED) {
      const shares = [
        { source: 'central', percent: Math.round((100 - p.city) * 0.75) },
        { source: 'provincial', percent: 100 - p.city - Math.round((100 - p.city) * 0.75) },
        { source: 'city', percent: p.city },
      ].filter((s) => s.percent > 0);
      const tiers = p.tiers.map(([amount], i) => ({ code: `T${i + 1}`, label: `${amount}元`, amount: yuan(amount) }));
      const eligibilityRule = {
        combinator: 'and',
        rules: [
          { field: 'status', operator: '=', value: 'enrolled' },
          { field: 'stage', operator: 'in', value: [...p.stages] },
        ],
      };
      const termKind = p.terms[0] === 'yearly' ? 'yearly' : 'semester';
      const program = await ok(
        api.request('POST', '/api/programs', {
          token: token.admin,
          body: fundProgram({ code: `SS-${p.code}`, name: p.name, stages: p.stages, termKind, tiers, fundingShares: shares, approvalSteps: CHAIN, eligibilityRule }),
        }),
      );
      const eligible = students.filter((s) => (p.stages as readonly string[]).includes(s.stage));
      programIds.set(p.code, program.id);

      // The program's person-times, tier by tier, over its terms and the schools in turn.
      const wanted = p.tiers.flatMap(([, count], i) => Array<string>(count).fill(`T${i + 1}`));
      const perTerm = p.terms.map((_, t) => wanted.filter((_, i) => i % p.terms.length === t));
      const rosters: { term: string; schoolId: number; rows: { idNumber: string; name: string; tier: string }[] }[] = [];
      p.terms.forEach((term, t) => {
        perTerm[t].forEach((tier, i) => {
          const s = eligible[i];
          const last = rosters[rosters.length - 1];
          if (last && last.term === term && last.schoolId === s.schoolId) last.rows.push({ idNumber: s.idNumber, name: s.name, tier });
          else rosters.push({ term, schoolId: s.schoolId, rows: [{ idNumber: s.idNumber, name: s.name, tier }] });
        });
      });
      await inBatches(rosters, 3, async (r) => {
        const school = schoolToken.get(r.schoolId)!;
        const roster = await ok(api.request('POST', '/api/rosters', { token: school, body: { programId: program.id, year: 2017, term: r.term, schoolId: r.schoolId } }));
        await importApplications(api, school, roster.id, r.rows);
        await ok(api.request('POST', `/api/rosters/${roster.id}/actions`, { token: school, body: { action: 'approve' } }));
        await ok(api.request('POST', `/api/rosters/${roster.id}/actions`, { token: token.finance, body: { action: 'approve' } }));
      });

      for (const term of p.terms) {
        const batch = await ok(api.request('POST', '/api/disbursement-batches', { token: token.finance, body: { programId: program.id, year: 2017, term, method: 'aidCard', date: '2017-11-20' } }));
        const lines = await allLines(batch.id);
        const applied = await uploadBankResult(api, token.finance, batch.id, await bankFile(lines.map((l) => [l.serialNo, '', (l.amount / 100).toFixed(2), '成功', null, '2017-11-30'])));
        expect(applied).toMatchObject({ status: 200, body: { paid: lines.length } });
        // The city's allocation for the term: what the term's lines total, split by the shares (whole yuan, so exact).
        for (const share of shares) {
          const amount = (batch.totalAmount * share.percent) / 100;
          await ok(api.request('POST', '/api/allocations', { token: token.finance, body: { programId: program.id, year: 2017, term, source: share.source, regionId: '450900', amount, documentNumber: `石财教〔2017〕${p.code}${term}号`, date: '2017-09-01' } }));
        }
      }
    }
  }, 900_000);

  /** New students for the stages the demo city is short of: one workbook through the import module, all or nothing. */
  async function importStudents(): Promise<void> {
    const schools = (await api.request('GET', `/api/schools${listQuery({ range: [0, 999] })}`, { token: token.admin })).body as Rec[];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('学生');
    sheet.addRow(['身份证号', '姓名', '学校标识码', '学段', '学籍状态', '资助卡号']);
    let serial = 0;
    for (const [stage, count] of Object.entries(EXTRA_STUDENTS) as [keyof typeof EXTRA_STUDENTS, number][]) {
      const teaching = schools.filter((s) => s.stages.includes(stage));
      for (let i = 0; i < count; i++) {
        serial++;
        const birth = `${BIRTH_YEAR[stage]}${String(1 + (serial % 12)).padStart(2, '0')}${String(1 + (serial % 28)).padStart(2, '0')}`;
        const first17 = `450902${birth}${String(serial % 1000).padStart(3, '0')}`;
        const name = `${'王李张刘陈杨黄赵吴周'[serial % 10]}${'子文思雨佳欣浩宇晨'[serial % 9]}${'明华婷轩然怡'[serial % 6]}`;
        const account = `62170${String(serial).padStart(14, '0')}`;
        sheet.addRow([first17 + idNumberCheckChar(first17), name, teaching[i % teaching.length].code, STAGE_LABEL[stage], '在读', account]);
      }
    }
    sheet.getColumn(1).numFmt = '@';
    sheet.getColumn(6).numFmt = '@';
    const form = new FormData();
    form.set('resource', 'students');
    form.set('mode', 'insert');
    form.set('file', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]), '新增学生.xlsx');
    const upload = await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token.admin}` }, body: form });
    const { id } = await upload.json();
    const settle = async () => {
      for (;;) {
        const job = (await api.request('GET', `/api/imports/${id}`, { token: token.admin })).body;
        if (job.status !== 'validating' && job.status !== 'committing') return job;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const validated = await settle();
    expect({ status: validated.status, counts: validated.counts, errors: validated.errors?.slice(0, 3) }).toMatchObject({ status: 'validated', counts: { total: 1000, valid: 1000, invalid: 0 } });
    expect((await api.request('POST', `/api/imports/${id}/commit`, { token: token.admin, body: { allOrNothing: true } })).status).toBe(202);
    expect((await settle()).counts).toMatchObject({ inserted: 1000 });
  }

  async function allLines(batchId: number): Promise<Rec[]> {
    const lines: Rec[] = [];
    for (let from = 0; ; from += 1000) {
      const r = await api.request('GET', `/api/disbursements${listQuery({ filter: { batchId }, sort: ['id', 'ASC'], range: [from, from + 999] })}`, { token: token.finance });
      lines.push(...r.body);
      if (r.body.length < 1000) return lines;
    }
  }

  // The demo city has funds of its own (2026 spring): the report's figures are 2017's.
  const Y2017 = { year: 2017 };

  it('reproduces the report: 1,128.4835 万元 for 14,489 students, 793.685 central + provincial, 334.7985 city', async () => {
    const total = await reconciliation(api, token.finance, [], Y2017);
    expect(total.body.totals).toEqual({
      allocated: wan('1128.4835'),
      paid: wan('1128.4835'),
      pending: 0,
      failed: 0,
      returned: 0,
      refunded: 0,
      net: 1_128_483_500,
      balance: 0,
      executionRateBp: 10000,
      paidLines: 14489,
      allocatedByShares: wan('1128.4835'),
      shareDifference: 0,
    });
    const bySource = (await reconciliation(api, token.finance, ['source'], Y2017)).body.rows as Rec[];
    const paidBy = (sources: string[]) => bySource.filter((r) => sources.includes(r.source)).reduce((s, r) => s + r.paid, 0);
    expect(paidBy(['central', 'provincial'])).toBe(wan('793.685'));
    expect(paidBy(['city'])).toBe(wan('334.7985'));
    expect(paidBy(['county'])).toBe(0);

    const byProgram = (await reconciliation(api, token.finance, ['program'], Y2017)).body.rows as Rec[];
    for (const p of SEED) {
      const row = byProgram.find((r) => r.programId === programIds.get(p.code));
      expect({ code: p.code, paid: row?.paid, lines: row?.paidLines }).toEqual({ code: p.code, paid: wan(p.total), lines: p.tiers.reduce((s, [, n]) => s + n, 0) });
    }
    // Allocated at city level, paid in the counties: per county the balance is negative, the city's positive.
    const byRegion = (await reconciliation(api, token.finance, ['region'], Y2017)).body.rows as Rec[];
    expect(byRegion.find((r) => r.regionId === null)).toMatchObject({ regionName: '市本级', allocated: wan('1128.4835'), paid: 0 });
    expect(byRegion.filter((r) => r.regionId).reduce((s, r) => s + r.paid, 0)).toBe(wan('1128.4835'));
    expect((await api.request('GET', `/api/funds/exceptions?filter=${encodeURIComponent(JSON.stringify(Y2017))}`, { token: token.finance })).body.total).toBe(0);
  }, 120_000);

  it("gives a county only its own schools' payments", async () => {
    const county = (await reconciliation(api, token.yuzhou, ['region'], Y2017)).body;
    expect(county.rows.map((r: Rec) => r.regionId)).toEqual(['450902']);
    const all = (await reconciliation(api, token.finance, ['region'], Y2017)).body.rows as Rec[];
    expect(county.totals.paid).toBe(all.find((r) => r.regionId === '450902')?.paid);
    expect(county.totals.allocated).toBe(0);
  }, 60_000);
});
