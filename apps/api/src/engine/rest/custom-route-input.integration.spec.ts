import { expectRefused, INT4_MAX } from '../../testing/bad-input';
import { startTestApp, type TestApp } from '../../testing/test-app';

/**
 * The routes modules add beside the generic REST take ids in paths and filters in queries
 * of their own: the same bad input must be the same 4xx there, never a 500.
 */
describe('custom routes refuse bad input like the generic ones', () => {
  let api: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'school1', 'finance']) tokens[user] = await api.login(user);
  });
  afterAll(() => api.close());

  const BAD_IDS: [string, string][] = [
    ['above 2^31', String(INT4_MAX + 1)],
    ['above 2^64', '99999999999999999999999'],
    ['zero', '0'],
    ['negative', '-1'],
    ['not a number', 'abc'],
    ['a float', '1.5'],
    ['a NUL byte', '1%00'],
  ];

  /** Every route a module declares with `:id`, with the user who may call it. */
  const ROUTES: [method: string, path: string, user: string][] = [
    ['PUT', '/api/comparisons/:id', 'admin'],
    ['DELETE', '/api/comparisons/:id', 'admin'],
    ['POST', '/api/comparisons/:id/run', 'admin'],
    ['GET', '/api/comparisons/:id/summary', 'admin'],
    ['GET', '/api/comparisons/:id/summary/tree', 'admin'],
    ['GET', '/api/comparisons/:id/progress', 'admin'],
    ['POST', '/api/comparisons/:id/results/confirm', 'school1'],
    ['PUT', '/api/comparison-results/:id', 'school1'],
    ['POST', '/api/omissions/:id/review', 'admin'],
    ['PUT', '/api/omissions/:id', 'school1'],
    ['GET', '/api/students/:id/marks', 'school1'],
    ['GET', '/api/rosters/:id/applications/template.xlsx', 'school1'],
    ['POST', '/api/rosters/:id/applications', 'school1'],
    ['POST', '/api/rosters/:id/auto-enrol', 'school1'],
    ['GET', '/api/rosters/:id/problems', 'school1'],
    ['POST', '/api/rosters/:id/actions', 'admin'],
    ['POST', '/api/rosters/:id/amendments', 'admin'],
    ['GET', '/api/rosters/:id/notice.xlsx', 'school1'],
    ['PUT', '/api/roster-entries/:id', 'school1'],
    ['DELETE', '/api/roster-entries/:id', 'school1'],
    ['PUT', '/api/allocations/:id', 'finance'],
    ['POST', '/api/disbursement-batches/:id/bank-result', 'finance'],
    ['POST', '/api/disbursements/:id/reissue', 'finance'],
    ['PUT', '/api/clues/:id', 'admin'],
    ['GET', '/api/files/:id', 'admin'],
    ['GET', '/api/files/:id/info', 'admin'],
    ['GET', '/api/imports/:id', 'admin'],
    ['PUT', '/api/imports/:id/mapping', 'admin'],
    ['POST', '/api/imports/:id/cancel', 'admin'],
    ['POST', '/api/imports/:id/commit', 'admin'],
    ['GET', '/api/imports/:id/errors.xlsx', 'admin'],
    ['GET', '/api/export-jobs/:id', 'admin'],
    ['GET', '/api/export-jobs/:id/file', 'admin'],
    ['GET', '/api/letters/:id', 'admin'],
    ['POST', '/api/letter-templates/:id/publish', 'admin'],
    ['POST', '/api/letter-templates/:id/retire', 'admin'],
  ];

  describe('failing-path-ids', () => {
    it.each(ROUTES.flatMap(([method, path, user]) => BAD_IDS.map(([what, id]) => [method, path, what, id, user])))(
      '%s %s with an id %s is 400 or 404',
      async (method, path, _what, id, user) => {
        const body = method === 'GET' || method === 'DELETE' ? undefined : { version: 1, columns: {}, decision: 'approved' };
        const res = await api.request(method, path.replace(':id', id), { token: tokens[user], body });
        expectRefused(res, /^\d+$/.test(id) ? [404] : [400, 404]);
      },
    );
  });

  describe('failing-filters', () => {
    const BAD_FILTERS: [string, string][] = [
      ['not JSON', '{x'],
      ['an array', '[1]'],
      ['a string', '"x"'],
      ['null', 'null'],
      ['a program id above 2^31', `{"programId":${INT4_MAX + 1}}`],
      ['a program id as a digit string above 2^31', '{"programId":"99999999999"}'],
      ['a year of 1e300', '{"year":1e300}'],
      ['a NUL byte in a region', '{"regionId":"45\\u00000"}'],
      ['constructor as a key', '{"constructor":"1"}'],
      ['__proto__ as a key', '{"__proto__":{"kind":"x"}}'],
      ['an object as a kind', '{"kind":{"a":1}}'],
    ];
    it.each(
      ['/api/funds/exceptions', '/api/funds/reconciliation', '/api/funds/reconciliation.xlsx'].flatMap((path) =>
        BAD_FILTERS.map(([what, filter]) => [path, what, filter]),
      ),
    )('%s with a filter that is %s is 400', async (path, _what, filter) => {
      expectRefused(await api.request('GET', `${path}?filter=${encodeURIComponent(filter)}`, { token: tokens.finance }), [400]);
    });

    it.each([
      ['/api/funds/exceptions?filter={}&filter={}'],
      ['/api/funds/reconciliation?groupBy=[1]'],
      ['/api/funds/reconciliation?groupBy={"a":1}'],
      ['/api/funds/reconciliation?groupBy=program,constructor'],
      ['/api/students/export?filter={"id":2147483648}'],
      ['/api/students/export?sort=5'],
      ['/api/students/export?sort=["constructor","ASC"]'],
      ['/api/students/export?filter={"name":"a\\u0000"}'],
      ['/api/students/export?format=xlsx&format=csv'],
    ])('GET %s is 400', async (path) => {
      expectRefused(await api.request('GET', path, { token: tokens.admin }), [400]);
    });

    it.each([
      ['a filter id above 2^31', { filter: { id: INT4_MAX + 1 } }],
      ['a filter that is a string', { filter: 'x' }],
      ['a filter that is an array', { filter: [1] }],
      ['a sort that is a number', { sort: 5 }],
      ['a sort by __proto__', { sort: ['__proto__', 'ASC'] }],
      ['a format that is an object', { format: { a: 1 } }],
    ])('an export job with %s is 400', async (_what, body) => {
      expectRefused(await api.request('POST', '/api/students/export-jobs', { token: tokens.admin, body }), [400]);
    });

    it.each([
      ['a parent with a NUL byte', 'parent=45%00'],
      ['a parent given twice', 'parent=450900&parent=450902'],
      ['an unknown level', 'level=planet'],
      ['a level given twice', 'level=county&level=school'],
    ])('a summary tree with %s is 400', async (_what, query) => {
      expectRefused(await api.request('GET', `/api/comparisons/${await finishedRun()}/summary/tree?${query}`, { token: tokens.admin }), [400]);
    });

    let runId: number | undefined;
    /** A run with a summary, so the tree's own parameters are what is checked. */
    const finishedRun = async (): Promise<number> => {
      if (runId) return runId;
      const lists = (await api.request('GET', '/api/identity-lists', { token: tokens.admin })).body as { id: number }[];
      const run = await api.request('POST', '/api/comparisons', {
        token: tokens.admin,
        body: { name: '参数检查', regionId: '450900', listIds: lists.map((l) => l.id).join(',') },
      });
      await api.request('POST', `/api/comparisons/${run.body.id}/run`, { token: tokens.admin });
      for (let i = 0; i < 400; i++) {
        if ((await api.request('GET', `/api/comparisons/${run.body.id}`, { token: tokens.admin })).body.status !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect((await api.request('GET', `/api/comparisons/${run.body.id}/summary/tree`, { token: tokens.admin })).status).toBe(200);
      return (runId = run.body.id as number);
    };
  });

  describe('failing-login', () => {
    it.each([
      ['a NUL byte in the username', { username: 'admin\u0000', password: 'x' }],
      ['a number as the username', { username: 5, password: 'x' }],
      ['an object as the password', { username: 'admin', password: { a: 1 } }],
    ])('login with %s is 422', async (_what, body) => {
      expectRefused(await api.request('POST', '/api/auth/login', { body }), [422]);
    });

    it('a NUL byte in the password is refused on the field, before any lookup', async () => {
      expectRefused(await api.request('POST', '/api/auth/login', { body: { username: 'admin', password: 'x\u0000' } }), [422]);
    });
  });
});
