import { listQuery, startTestApp, type Json, type TestApp } from '../../testing/test-app';

/** A reference the panel could not look up (a user outside the reader's subtree) arrives with its label. */
describe('referenceLabels for records outside the reader’s subtree', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  const get = (path: string, user: string) => api.request('GET', path, { token: token[user] });

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['finance', 'rongxian']) token[user] = await api.login(user);
    const { body } = await get('/api/funds/exceptions', 'finance');
    const mismatch = body.exceptions.find((e: Json) => e.kind === 'amountMismatch');
    // The city's finance officer opens a clue on 容县's line: an audit row in 容县 by a user above it.
    expect((await api.request('POST', '/api/funds/exceptions/clue', { token: token.finance, body: { key: mismatch.key } })).status).toBe(201);
    const { schoolId } = (await get(`/api/disbursements/${mismatch.lineIds[0]}`, 'finance')).body;
    const clue = { source: 'audit', kind: '抽查', description: '抽查', schoolId, dueDate: '2027-03-31' };
    expect((await api.request('POST', '/api/clues', { token: token.rongxian, body: clue })).status).toBe(201);
  }, 120_000);
  afterAll(() => api.close(), 60_000);

  it("labels the city's officer in 容县's audit log, and not the county's own officer, whom the county can look up", async () => {
    const rows: Json[] = (await get(`/api/audit-log${listQuery({ filter: { resource: 'clues' }, sort: ['id', 'ASC'] })}`, 'rongxian')).body;
    expect(rows).toHaveLength(2);
    const [byFinance, byCounty] = rows;
    expect(byFinance.referenceLabels).toEqual({ userId: '市财务' });
    expect(byCounty.referenceLabels).toBeUndefined();
    expect((await get(`/api/users/${byFinance.userId}`, 'rongxian')).status).toBe(404);
  });
});
