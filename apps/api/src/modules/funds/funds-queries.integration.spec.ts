import { startTestApp, type TestApp } from '../../testing/test-app';

/** Bad query strings on the funds routes are 400 BAD_QUERY in the one error shape, never a 500. */
describe('funds: malformed queries', () => {
  let api: TestApp;
  let finance: string;

  beforeAll(async () => {
    api = await startTestApp();
    finance = await api.login('finance');
  }, 120_000);
  afterAll(() => api.close(), 60_000);

  it.each([
    ['/api/funds/exceptions?filter=%7Bnot-json', 'malformed JSON'],
    ['/api/funds/exceptions?filter=null', 'null'],
    ['/api/funds/exceptions?filter=%5B1%5D', 'an array'],
    ['/api/funds/exceptions?filter=%22x%22', 'a string'],
    ['/api/funds/exceptions?filter=%7B%22programId%22%3A%22abc%22%7D', 'a non-numeric program'],
    ['/api/funds/exceptions?filter=%7B%22kind%22%3A%22nope%22%7D', 'an unknown kind'],
    ['/api/funds/reconciliation?filter=%7Bnot-json', 'malformed JSON'],
    ['/api/funds/reconciliation?groupBy=program,colour', 'an unknown dimension'],
    ['/api/funds/reconciliation.xlsx?filter=null', 'null'],
  ])('failing: %s (%s) → 400', async (path) => {
    const response = await api.request('GET', path, { token: finance });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'BAD_QUERY', message: expect.any(String) });
  });
});
