import { chinaDate } from '@zizhu/identities';
import { listQuery, startTestApp, totalOf, type Json, type TestApp } from '../../testing/test-app';
import { fundProgram, ok, studentsOf } from '../../testing/funds.fixtures';

type Rec = Record<string, Json>;

const SLOW = 60_000;
const USERS = ['admin', 'yuzhou', 'rongxian', 'school1', 'finance', 'inspector'];

/** A todo entry once `count` more items are due, the earliest by `dueDate`, on top of what the demo had. */
function plus(before: Rec | undefined, count: number, dueDate: string): Rec {
  const earliest = before?.dueDate && before.dueDate < dueDate ? before.dueDate : dueDate;
  return { count: (before?.count ?? 0) + count, dueDate: earliest };
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('GET /api/me/todo: work to do per role, each count the size of the list it opens', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  const today = chinaDate(new Date());
  const soon = shift(today, 7);
  const year = Number(soon.slice(0, 4));
  const rosters: Record<'closing' | 'atCounty' | 'returned', Rec> = {} as never;
  /** What the demo data already gives (its inspection's findings), before the spec plants its own. */
  const demo: Record<string, Rec | undefined> = {};

  const get = (path: string, user: string) => api.request('GET', path, { token: token[user] });
  const act = (id: number, user: string, action: string, comment?: string) =>
    ok(api.request('POST', `/api/rosters/${id}/actions`, { token: token[user], body: { action, comment } }));
  const todo = async (user: string): Promise<Rec[]> => ok(get('/api/me/todo', user));
  const item = async (user: string, kind: string): Promise<Rec> => {
    const found = (await todo(user)).find((i) => i.kind === kind);
    if (!found) throw new Error(`${user} has no ${kind}`);
    return found;
  };
  /** The list a link opens, as the panel asks for it. */
  const opened = async (user: string, link: string): Promise<{ total: number; rows: Rec[] }> => {
    const url = new URL(link, 'http://panel');
    if (url.pathname === '/funds/exceptions') {
      const filter = { explained: url.searchParams.get('explained') === 'yes' };
      const body = await ok(get(`/api/funds/exceptions?filter=${encodeURIComponent(JSON.stringify(filter))}`, user));
      return { total: body.total, rows: body.exceptions };
    }
    const filter = JSON.parse(url.searchParams.get('filter') ?? '{}');
    const response = await get(`/api${url.pathname}${listQuery({ filter, range: [0, 999] })}`, user);
    if (response.status !== 200) throw new Error(`${link}: ${response.status} ${JSON.stringify(response.body)}`);
    return { total: totalOf(response), rows: response.body };
  };

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of USERS) token[user] = await api.login(user);
    const program = await ok(
      api.request('POST', '/api/programs', {
        token: token.admin,
        body: fundProgram({ code: 'TODO-TEST', deadlines: [{ term: 'autumn', monthDay: soon.slice(5) }] }),
      }),
    );
    const students = await studentsOf(api, token.school1, 1, 2);
    const roster = async (body: Rec, studentId: number) => {
      const made = await ok(api.request('POST', '/api/rosters', { token: token.school1, body: { programId: program.id, schoolId: 1, ...body } }));
      await ok(api.request('POST', '/api/roster-entries', { token: token.school1, body: { rosterId: made.id, studentId, tier: 'T2' } }));
      return made;
    };
    // Still with the school, its window closing in a week.
    rosters.closing = await roster({ year, term: 'autumn' }, students[0].id);
    // Through the school's two steps: now at 区县教育局审核.
    rosters.atCounty = await roster({ year, term: 'spring' }, students[1].id);
    await act(rosters.atCounty.id, 'school1', 'approve');
    await act(rosters.atCounty.id, 'school1', 'approve');
    // Submitted, then sent back to the first step: returned to the school.
    rosters.returned = await roster({ year: year - 1, term: 'autumn' }, students[0].id);
    await act(rosters.returned.id, 'school1', 'approve');
    await act(rosters.returned.id, 'school1', 'return', '人数有误，请核对');
    demo.cluesAssigned = (await todo('school1')).find((i) => i.kind === 'cluesAssigned');
    demo.cluesPastDue = (await todo('yuzhou')).find((i) => i.kind === 'cluesPastDue');
    const clue = { source: 'audit', kind: '寄宿生补助发放给非寄宿生', description: '审计抽查发现', schoolId: 1 };
    await ok(api.request('POST', '/api/clues', { token: token.yuzhou, body: { ...clue, dueDate: shift(today, -3) } }));
    await ok(api.request('POST', '/api/clues', { token: token.yuzhou, body: { ...clue, dueDate: shift(today, 20) } }));
  }, 180_000);
  afterAll(() => api.close(), 60_000);

  it.each([
    ['school1', ['resultsToVerify', 'rostersReturned', 'cluesAssigned', 'applicationsClosing']],
    ['yuzhou', ['omissionsToReview', 'rostersWaiting', 'schoolsBehind', 'overduePayments', 'cluesPastDue', 'cluesToReview']],
    ['finance', ['rostersWaiting', 'batchesAwaitingBank', 'exceptionsUnexplained']],
    ['admin', ['runsInProgress', 'importsFailed']],
    ['inspector', []],
  ])('%s gets the kinds declared for their role', async (user, kinds) => {
    expect((await todo(user)).map((i) => i.kind)).toEqual(kinds);
  }, SLOW);

  it.each(USERS)('every count of %s equals the total of the list its link opens', async (user) => {
    for (const entry of await todo(user)) {
      expect({ kind: entry.kind, count: (await opened(user, entry.link)).total }).toEqual({ kind: entry.kind, count: entry.count });
    }
  }, SLOW);

  it("school: its roster closing within two weeks, with the deadline; the returned roster; the clues assigned to it", async () => {
    const closing = await item('school1', 'applicationsClosing');
    expect(closing).toMatchObject({ count: 1, dueDate: soon });
    expect((await opened('school1', closing.link)).rows.map((r) => r.id)).toEqual([rosters.closing.id]);
    const returned = await item('school1', 'rostersReturned');
    expect((await opened('school1', returned.link)).rows.map((r) => r.id)).toEqual([rosters.returned.id]);
    expect(await item('school1', 'cluesAssigned')).toMatchObject(plus(demo.cluesAssigned, 2, shift(today, -3)));
  }, SLOW);

  it("county: the roster at its step (not another county's), clues past due, overdue payments from the demo's failed lines", async () => {
    const waiting = await item('yuzhou', 'rostersWaiting');
    expect(waiting.link).toContain(encodeURIComponent('"stepRole":"county","stepLevel":"county"'));
    expect((await opened('yuzhou', waiting.link)).rows.map((r) => r.id)).toEqual([rosters.atCounty.id]);
    expect((await item('rongxian', 'rostersWaiting')).count).toBe(0);
    expect(await item('yuzhou', 'cluesPastDue')).toMatchObject(plus(demo.cluesPastDue, 1, shift(today, -3)));
    expect((await item('yuzhou', 'overduePayments')).count).toBeGreaterThan(0);
    expect((await item('finance', 'exceptionsUnexplained')).count).toBeGreaterThan(0);
  }, SLOW);

  it('the 当前步骤 filter follows the chain: county approves, the roster waits for finance at city level', async () => {
    const atCounty = { stepRole: 'county', stepLevel: 'county' };
    const atFinance = { stepRole: 'finance', stepLevel: 'city' };
    const ids = async (filter: Rec, user = 'admin') =>
      ((await ok(get(`/api/rosters${listQuery({ filter, range: [0, 999] })}`, user))) as Rec[]).map((r) => r.id);
    expect(await ids(atCounty)).toContain(rosters.atCounty.id);
    await act(rosters.atCounty.id, 'yuzhou', 'approve');
    expect(await ids(atCounty)).not.toContain(rosters.atCounty.id);
    expect(await ids(atFinance, 'finance')).toEqual([rosters.atCounty.id]);
    expect((await item('finance', 'rostersWaiting')).count).toBe(1);
    await act(rosters.atCounty.id, 'finance', 'approve');
    const approved = await ok(get(`/api/rosters/${rosters.atCounty.id}`, 'admin'));
    expect(approved).toMatchObject({ status: 'approved', stepRole: null, stepLevel: null });
    expect((await get(`/api/rosters${listQuery({ filter: { stepRole: 'nobody' } })}`, 'admin')).status).toBe(400);
  }, SLOW);
});
