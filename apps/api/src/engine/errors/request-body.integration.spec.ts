import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectErrorShape } from '../../testing/bad-input';
import { type ApiResponse, startTestApp, type TestApp } from '../../testing/test-app';

/** Bodies body-parser refuses before any route sees them, in the API's error shape. */
describe('request bodies refused before routing', () => {
  let api: TestApp;
  let token: string;

  beforeAll(async () => {
    api = await startTestApp();
    token = await api.login('admin');
  });
  afterAll(() => api.close());

  const send = async (path: string, body: string, headers: Record<string, string> = {}): Promise<ApiResponse> => {
    const response = await fetch(api.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'zh-CN', ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: JSON.parse(text) };
  };

  const big = JSON.stringify({ name: 'x'.repeat(150 * 1024) });

  it.each([['/api/students'], ['/api/auth/login'], ['/api/nothing-here']])('a JSON body over 100 KB to %s is 413 PAYLOAD_TOO_LARGE', async (path) => {
    const res = await send(path, big);
    expect(res.status).toBe(413);
    expectErrorShape(res);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('100 KB') });
    expect(res.body.message).toMatch(/请求内容过大/);
  });

  it('a body just under the limit reaches the route (and is validated there)', async () => {
    const res = await send('/api/students', JSON.stringify({ name: 'x'.repeat(90 * 1024) }));
    expect(res.status).toBe(422);
    expect(res.body.errors.name).toBe('姓名最多50个字符');
  });

  it.each([
    ['cut short', '{"name":'],
    ['a trailing comma', '{"name":"x",}'],
    ['single quotes', "{'name':'x'}"],
    ['a bare string (strict JSON bodies are objects or arrays)', '"x"'],
    ['null', 'null'],
  ])('a malformed JSON body (%s) is 400 MALFORMED_JSON', async (_what, body) => {
    for (const path of ['/api/students', '/api/auth/login']) {
      const res = await send(path, body);
      expect(res.status).toBe(400);
      expectErrorShape(res);
      expect(res.body).toMatchObject({ code: 'MALFORMED_JSON', message: expect.stringContaining('JSON') });
    }
  });

  it.each([['/api/students'], ['/api/allocations/1'], ['/api/funds/exceptions/explain'], ['/api/auth/login']])(
    'a body nesting deeper than 32 levels to %s is 400 MALFORMED_JSON',
    async (path) => {
      const deep = `{"name":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
      const res = await send(path, deep);
      expect(res.status).toBe(400);
      expectErrorShape(res);
      expect(res.body).toMatchObject({ code: 'MALFORMED_JSON', message: expect.stringContaining('嵌套层级过深') });
      // 32 levels is still a body (the route decides what it means).
      expect((await send(path, `{"name":${'['.repeat(31)}${']'.repeat(31)}}`)).status).not.toBe(400);
    },
  );

  it.each([
    ['an unsupported charset', { 'content-type': 'application/json; charset=latin9' }, 415],
    ['an unsupported content encoding', { 'content-encoding': 'x-compress' }, 415],
    ['a gzip body that is not gzip', { 'content-encoding': 'gzip' }, 400],
  ])('a body with %s is refused in the error shape', async (_what, headers, status) => {
    const res = await send('/api/students', '{"name":"x"}', headers);
    expect(res.status).toBe(status);
    expectErrorShape(res);
  });

  it('also while the panel is served at / (its fallback must not answer 404)', async () => {
    const panel = mkdtempSync(join(tmpdir(), 'zizhu-panel-'));
    writeFileSync(join(panel, 'index.html'), '<!doctype html><title>panel</title>');
    const withPanel = await startTestApp({ adminDist: panel });
    try {
      for (const path of ['/api/auth/login', '/api/students']) {
        const response = await fetch(withPanel.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
        expect(response.status).toBe(413);
        expect(await response.json()).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
      }
    } finally {
      await withPanel.close();
      rmSync(panel, { recursive: true, force: true });
    }
  }, 60_000);

  it('English when asked', async () => {
    const res = await send('/api/students', big, { 'accept-language': 'en' });
    expect(res.body.message).toMatch(/over 100 KB/);
  });
});
