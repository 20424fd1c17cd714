import { approvedRoster, bankFile, fundProgram, linesOf, ok, studentsOf, uploadBankResult } from './funds.fixtures';
import { type Json, type TestApp } from './test-app';

type Rec = Record<string, Json>;

/** The planted term: 2017 autumn at school 1, paid on 2017-10-21. */
export const PLANTED_TERM = { year: 2017, term: 'autumn', paidOn: '2017-10-21' } as const;

export interface PlantedTerm {
  students: Rec[];
  programs: Rec[];
  /** Program A's lines, student by student. */
  lines: Rec[];
}

/**
 * A term of money at school 1, as the bank settled it: program A pays five students (the
 * first at the top tier, 1,250 yuan; the others 1,000), the fifth's line fails at the bank;
 * 300 yuan of the second's is refunded; program B pays the first student 1,000 more.
 */
export async function plantPaidTerm(api: TestApp, tokens: Record<'admin' | 'school1' | 'yuzhou' | 'finance', string>): Promise<PlantedTerm> {
  const { year, term, paidOn } = PLANTED_TERM;
  const chain = [tokens.school1, tokens.school1, tokens.yuzhou, tokens.finance];
  const students = await studentsOf(api, tokens.school1, 1, 5);
  const programs: Rec[] = [];
  const lines: Rec[] = [];
  for (const [code, name, paid] of [
    ['LETTER-A', '告知测试国家助学金', students],
    ['LETTER-B', '告知测试生活补助', students.slice(0, 1)],
  ] as const) {
    const program = await ok(api.request('POST', '/api/programs', { token: tokens.admin, body: fundProgram({ code, name, firstYear: 2017 }) }));
    programs.push(program);
    await approvedRoster(api, chain, { programId: program.id, year, term, schoolId: 1 }, paid.map((s, i) => ({ studentId: s.id, tier: code === 'LETTER-A' && i === 0 ? 'T1' : 'T2' })));
    const batch = await ok(api.request('POST', '/api/disbursement-batches', { token: tokens.finance, body: { programId: program.id, year, term, method: 'aidCard', date: paidOn } }));
    const batchLines = await linesOf(api, tokens.admin, batch.id);
    const result = batchLines.map((l, i) => [l.serialNo, '', null, i === 4 ? '失败' : '成功', i === 4 ? '账户已销户' : null, paidOn]);
    await ok(uploadBankResult(api, tokens.finance, batch.id, await bankFile(result)));
    if (code === 'LETTER-A') lines.push(...batchLines);
  }
  await ok(
    api.request('POST', '/api/refunds', {
      token: tokens.finance,
      body: { disbursementId: lines[1].id, amount: 30000, date: '2017-11-01', receivingAccount: '财政专户 1234', reason: '核查发现多发' },
    }),
  );
  return { students, programs, lines };
}

/** `POST /letters/generate` and wait for its run to finish: the run as `GET /letter-runs/:id` reads. */
export async function generateLetters(api: TestApp, token: string, body: Rec): Promise<Rec> {
  const started = await ok(api.request('POST', '/api/letters/generate', { token, body }), [202]);
  for (let i = 0; i < 600; i++) {
    const run = await ok(api.request('GET', `/api/letter-runs/${started.id}`, { token }));
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`letter run ${started.id} did not finish`);
}
