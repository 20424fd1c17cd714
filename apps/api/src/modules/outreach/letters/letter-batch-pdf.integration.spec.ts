import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ok } from '../../../testing/funds.fixtures';
import { listQuery, startTestApp, type Json, type TestApp } from '../../../testing/test-app';

type Rec = Record<string, Json>;

const SLOW = 180_000;
/** The demo term: every recipient of the city has a letter (demo-letters.ts). */
const DEMO = { year: 2026, term: 'spring' } as const;

/** A download's status and headers, its bytes, and its JSON when it is an error. */
async function download(api: TestApp, path: string, token: string): Promise<{ status: number; type: string; disposition: string; bytes: Buffer; json?: Json }> {
  const response = await fetch(api.baseUrl + path, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, disposition: response.headers.get('content-disposition') ?? '', bytes, json: type.includes('json') ? JSON.parse(bytes.toString()) : undefined };
}

/** The PDF's text as pdftotext reads it, page by page. */
function pdfPages(bytes: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'zizhu-letters-spec-'));
  try {
    const file = join(dir, 'letters.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });

/**
 * A school's letters print as one PDF, a letter per page with its 回执 slip and the link to
 * the families' page; small batches at once, large ones prepared by a job and kept until
 * the letters change. The parameters are checked, and the school must be the reader's.
 */
describe('letters to families: the printable batch', () => {
  let api: TestApp;
  let db: Client;
  const token: Record<string, string> = {};
  let letters: Rec[];
  const pdfPath = (query: string) => `/api/letters/batch.pdf?${query}`;
  const school1 = `schoolId=1&year=${DEMO.year}&term=${DEMO.term}`;

  beforeAll(async () => {
    api = await startTestApp();
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    for (const user of ['admin', 'school1', 'school2', 'rongxian', 'finance']) token[user] = await api.login(user);
    letters = (await api.request('GET', `/api/letters${listQuery({ filter: { schoolId: 1, ...DEMO }, range: [0, 999] })}`, { token: token.school1 })).body;
  }, SLOW);

  afterAll(async () => {
    delete process.env.LETTER_PDF_DIRECT_MAX;
    await db?.end();
    await api?.close();
  }, 60_000);

  it('has, in the demo, a published template and a letter for every recipient of the demo term, some delivered, some returned', async () => {
    const { rows: templates } = await db.query(`SELECT status, revision FROM letter_templates`);
    expect(templates).toEqual([{ status: 'published', revision: 1 }]);
    const { rows: [counts] } = await db.query(
      `SELECT (SELECT count(DISTINCT d.student_id) FROM disbursements d
                WHERE d.status = 'paid' AND d.year = 2026 AND d.term = 'spring'
                  AND d.amount > (SELECT COALESCE(sum(r.amount), 0) FROM refunds r WHERE r.disbursement_id = d.id))::int AS recipients,
              count(*)::int AS letters,
              count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
              count(*) FILTER (WHERE status = 'receiptReturned')::int AS returned
         FROM letters WHERE year = 2026 AND term = 'spring'`,
    );
    expect(counts.letters).toBe(counts.recipients);
    expect(counts.delivered).toBeGreaterThan(0);
    expect(counts.returned).toBeGreaterThan(0);
    expect(counts.delivered + counts.returned).toBeLessThan(counts.letters);
  });

  it('prints every letter of the school on its own page: the student, the amounts, the 回执 and the query link', async () => {
    expect(letters.length).toBeGreaterThan(3);
    const file = await download(api, pdfPath(school1), token.school1);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    expect(decodeURIComponent(file.disposition)).toContain('告知书-玉林市第一中学-2026年春季学期.pdf');
    const pages = pdfPages(file.bytes).map((page) => page.replace(/\s+/g, ''));
    expect(pages).toHaveLength(letters.length);
    for (const letter of letters.slice(0, 5)) {
      const student = await ok(api.request('GET', `/api/students/${letter.studentId}`, { token: token.school1 }));
      const page = pages.find((p) => p.includes(`学生：${student.name}`));
      expect(page).toBeDefined();
      expect(page).toContain('致家长的一封信');
      expect(page).toContain(`资助金额合计：${yuan(letter.total)}元`);
      expect(page).toContain('回执');
      expect(page).toContain(`告知书编号${letter.id}`);
      expect(page).toContain('/#/aid-query');
    }
    const { rows } = await db.query(`SELECT after FROM audit_log WHERE resource = 'letters' AND action = 'download'`);
    expect(rows).toEqual([{ after: { file: 'letters.pdf', schoolId: 1, year: 2026, term: 'spring', letters: letters.length } }]);
  }, SLOW);

  it.each([
    ['term=spring&year=2026', 422, ['schoolId']],
    ['schoolId=1&year=2026&term=summer', 422, ['term']],
    ['schoolId=1&year=1999&term=spring', 422, ['year']],
    ['schoolId=1&year=2016&term=spring', 422, ['schoolId']],
    ['schoolId=abc&year=2026&term=spring', 400, undefined],
    ['schoolId=1&schoolId=2&year=2026&term=spring', 400, undefined],
    ['schoolId=99999&year=2026&term=spring', 404, undefined],
  ])('answers ?%s with %d', async (query, status, fields) => {
    const file = await download(api, pdfPath(query), token.school1);
    expect(file.status).toBe(status);
    if (fields) expect(Object.keys(file.json.errors)).toEqual(fields);
  });

  it('is the reading school’s and its regions’ only', async () => {
    expect((await download(api, pdfPath(school1), token.school2)).status).toBe(404);
    expect((await download(api, pdfPath(school1), token.rongxian)).status).toBe(404);
    expect((await download(api, pdfPath(school1), token.finance)).status).toBe(403);
  });

  describe('a batch larger than is printed at once', () => {
    beforeAll(() => {
      process.env.LETTER_PDF_DIRECT_MAX = '3';
    });

    const status = async () => ok(api.request('GET', `/api/letters/batch?${school1}`, { token: token.school1 }));

    it('is prepared by a job, then downloaded; asked again, it is ready at once', async () => {
      expect(await status()).toEqual({ status: null, letters: letters.length, direct: false });
      const early = await download(api, pdfPath(school1), token.school1);
      expect(early.status).toBe(409);
      expect(early.json).toMatchObject({ code: 'NOT_READY' });

      const prepared = await api.request('POST', '/api/letters/batch', { token: token.school1, body: { schoolId: 1, ...DEMO } });
      expect(prepared.status).toBe(202);
      expect(prepared.body).toMatchObject({ status: 'running', letters: letters.length });
      let current = await status();
      for (let i = 0; i < 600 && current.status === 'running'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        current = await status();
      }
      expect(current).toMatchObject({ status: 'done', direct: false });
      const file = await download(api, pdfPath(school1), token.school1);
      expect(file.status).toBe(200);
      expect(pdfPages(file.bytes)).toHaveLength(letters.length);
      expect((await api.request('POST', '/api/letters/batch', { token: token.school1, body: { schoolId: 1, ...DEMO } })).status).toBe(200);
    }, SLOW);

    it('is no longer ready once a letter changes', async () => {
      const generated = letters.find((l) => l.status === 'generated')!;
      await ok(api.request('POST', '/api/letters/mark', { token: token.school1, body: { ids: [generated.id], status: 'delivered', date: '2026-05-20' } }));
      expect(await status()).toMatchObject({ status: null });
      expect((await download(api, pdfPath(school1), token.school1)).status).toBe(409);
    });

    it('checks the body of a request to prepare', async () => {
      const bad = await api.request('POST', '/api/letters/batch', { token: token.school1, body: { schoolId: 'x', year: 2026, term: 'winter' } });
      expect(bad.status).toBe(422);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['schoolId', 'term']);
      expect((await api.request('POST', '/api/letters/batch', { token: token.school2, body: { schoolId: 1, ...DEMO } })).status).toBe(404);
    });
  });
});
