import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorBody } from '../errors/api-exception.filter';
import { ApiException } from '../errors/api.exception';
import { qrDataUrl } from './html/data-urls';
import { pageNumbers, printDocument } from './html/print-document';
import { html } from './html/safe-html';
import { PdfRenderer } from './pdf-renderer.service';

/** Real Chromium, read back with poppler (both installed by `npm test`'s set-up). */
describe('PdfRenderer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zizhu-pdf-spec-'));
  const renderer = new PdfRenderer({ timeoutMs: 20_000 });

  afterAll(async () => {
    await renderer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const readBack = (pdf: Buffer, name: string) => {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    return {
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
      pages: Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]),
      images: execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean),
    };
  };

  it('prints Chinese, a table over three pages with its header row on each, a QR code and page numbers', async () => {
    const rows = Array.from({ length: 75 }, (_, i) => ({ name: `学生${i + 1}`, school: '玉林市玉州区第一初级中学', amount: '1,250.00' }));
    const document = printDocument({
      title: '2025 年第一季度资助简报',
      body: html`<h1>2025 年第一季度资助简报</h1>
        <p>扫码查看本校名单：<img src="${await qrDataUrl('https://zizhu.example/bulletins/2025-q1')}" style="width: 25mm"></p>
        <table>
          <thead><tr><th>序号</th><th>姓名</th><th>学校</th><th class="number">金额（元）</th></tr></thead>
          <tbody>${rows.map((row, i) => html`<tr><td>${i + 1}</td><td>${row.name}</td><td>${row.school}</td><td class="number">${row.amount}</td></tr>`)}</tbody>
        </table>`,
    });

    const { text, pages, images } = readBack(await renderer.render(document, { format: 'A4', footer: pageNumbers() }), 'bulletin');

    expect(pages).toBe(3);
    expect(text).toContain('2025 年第一季度资助简报');
    expect(text).toContain('玉林市玉州区第一初级中学');
    expect(text).toMatch(/学生1\s/);
    expect(text).toContain('学生75');
    expect(text.match(/金额（元）/g)).toHaveLength(3);
    for (const page of [1, 2, 3]) expect(text).toContain(`第 ${page} 页，共 3 页`);
    expect(images).toHaveLength(1);
  });

  it('prints values as text: <script> and </td> do not become markup', async () => {
    const hostile = ['<script>document.title="x"</script>', '</td></tr></table>逃逸'];
    const document = printDocument({
      title: '检查报告',
      body: html`<table><tbody>${hostile.map((value) => html`<tr><td>${value}</td><td>后一格</td></tr>`)}</tbody></table>`,
    });

    const { text } = readBack(await renderer.render(document), 'escaped');

    expect(text).toContain('<script>document.title="x"</script>');
    expect(text).toMatch(/<\/td><\/tr><\/table>逃逸\s+后一格/);
  });

  describe('network', () => {
    let server: Server;
    let hits = 0;
    let connections = 0;

    beforeAll(async () => {
      server = createServer((request, response) => {
        hits += 1;
        response.end();
      });
      server.on('connection', () => {
        connections += 1;
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });

    afterAll(() => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('fetches nothing: images, styles and frames from any address are refused at once', async () => {
      const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const document = printDocument({
        title: '网络',
        styles: html`<link rel="stylesheet" href="${local}/style.css">`,
        body: html`<p>离线</p><img src="http://example.com/x.png"><img src="${local}/x.png"><iframe src="${local}/frame"></iframe>`,
      });

      const started = Date.now();
      const { text } = readBack(await renderer.render(document), 'offline');

      expect(text).toContain('离线');
      expect({ hits, connections }).toEqual({ hits: 0, connections: 0 });
      expect(Date.now() - started).toBeLessThan(15_000);
    });
  });

  it('streams a long document to a file, on landscape A4 when asked', async () => {
    const file = join(dir, 'letters.pdf');
    const letters = Array.from({ length: 5 }, (_, i) => html`<section class="page-break"><h2>致家长的一封信（${i + 1}）</h2><p>您好！</p></section>`);
    await renderer.renderToFile(printDocument({ title: '家长信', body: letters }), file, { landscape: true });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+5$/m);
    expect(info).toMatch(/^Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)$/m);
  });

  it('gives up on a document after its time-out with PDF_TIMEOUT, and the next document still prints', async () => {
    const impatient = new PdfRenderer({ timeoutMs: 1 });
    try {
      const error = await impatient.render(printDocument({ title: '慢', body: html`<p>慢</p>` })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiException);
      expect(error).toMatchObject({ status: 504, code: 'PDF_TIMEOUT' });
    } finally {
      await impatient.close();
    }
    expect(readBack(await renderer.render(printDocument({ title: '快', body: html`<p>快</p>` })), 'after-timeout').text).toContain('快');
  });

  describe('without Chromium', () => {
    const saved = process.env.CHROMIUM_PATH;
    beforeAll(() => {
      process.env.CHROMIUM_PATH = join(dir, 'no-such-chromium');
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    });

    it('refuses with 503 PDF_UNAVAILABLE, naming what is missing and the command that installs it', async () => {
      const missing = new PdfRenderer();
      const error = await missing.render(printDocument({ title: '报告', body: html`<p>报告</p>` })).catch((e: unknown) => e);
      await missing.close();

      expect(error).toBeInstanceOf(ApiException);
      const path = join(dir, 'no-such-chromium');
      expect(errorBody(error, 'zh')).toEqual({
        statusCode: 503,
        code: 'PDF_UNAVAILABLE',
        message: `暂时无法生成 PDF，服务器缺少：Chromium 浏览器（CHROMIUM_PATH=${path} 不存在）。请管理员执行：sudo apt-get install -y chromium`,
      });
      expect(errorBody(error, 'en').message).toBe(
        `PDFs cannot be made yet: this server lacks Chromium (CHROMIUM_PATH=${path} does not exist). An administrator installs it with: sudo apt-get install -y chromium`,
      );
      expect(missing.readiness()).toEqual({ ready: false, missing: ['chromium'] });
    });
  });
});
