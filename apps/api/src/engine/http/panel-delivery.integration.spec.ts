import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../../testing/test-app';

const SCRIPT = `export const panel = ${JSON.stringify('资助管理平台 '.repeat(4000))};\n`;
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-Ab3dE9_x.js"></script></head><body><div id="root"></div></body></html>';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw GET (fetch would decode the body and hide how it travelled). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** How the built panel travels: compressed, hashed assets cached for good, index.html revalidated. */
describe('serving the panel and the API', () => {
  let api: TestApp;
  const dist = mkdtempSync(join(tmpdir(), 'zizhu-dist-'));

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-Ab3dE9_x.js'), SCRIPT);
    api = await startTestApp({ adminDist: dist });
  }, 60_000);
  afterAll(async () => {
    await api.close();
    rmSync(dist, { recursive: true, force: true });
  }, 60_000);

  it('sends a hashed script gzip-compressed, to be cached for a year without revalidation', async () => {
    const res = await rawGet(`${api.baseUrl}/assets/index-Ab3dE9_x.js`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
    expect(gunzipSync(res.body).toString()).toBe(SCRIPT);
  });

  it('sends it as is to a client that accepts no compression', async () => {
    const res = await rawGet(`${api.baseUrl}/assets/index-Ab3dE9_x.js`, { 'accept-encoding': 'identity' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(SCRIPT);
  });

  it.each([
    ['the root', '/'],
    ['index.html', '/index.html'],
    ['a panel route (the single-page fallback)', '/students/7/show'],
  ])('has browsers revalidate %s on every load', async (_case, path) => {
    const res = await rawGet(`${api.baseUrl}${path}`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.toString()).toContain('index-Ab3dE9_x.js');
  });

  it('answers 404 for a hashed asset that is not there (a previous release’s chunk), never the page', async () => {
    const res = await rawGet(`${api.baseUrl}/assets/index-Zz9yX8_w.js`);
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('<div id="root">');
  });

  it('compresses API answers too', async () => {
    const token = await api.login('admin');
    const res = await rawGet(`${api.baseUrl}/api/schema`, { 'accept-encoding': 'gzip', authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.body).toString()).resources.length).toBeGreaterThan(10);
  });
});
