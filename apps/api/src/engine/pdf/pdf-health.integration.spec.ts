import { startTestApp, type TestApp } from '../../testing/test-app';
import { html } from './html/safe-html';
import { PdfRenderer } from './pdf-renderer.service';

describe('PDF readiness in GET /api/health', () => {
  describe('on a machine without Chromium', () => {
    const saved = process.env.CHROMIUM_PATH;
    let api: TestApp;

    beforeAll(async () => {
      process.env.CHROMIUM_PATH = '/nonexistent/chromium';
      api = await startTestApp();
    });

    afterAll(async () => {
      await api.close();
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    });

    it('stays healthy and says what to install for PDFs', async () => {
      const health = await api.request('GET', '/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok', database: 'up', pdf: { ready: false, missing: ['chromium'] } });
    });
  });

  describe('on a ready machine', () => {
    let api: TestApp;

    beforeAll(async () => {
      api = await startTestApp();
    });

    it('reports PDFs ready, renders with the app-wide renderer, and closes its browser with the app', async () => {
      expect((await api.request('GET', '/api/health')).body.pdf).toEqual({ ready: true, missing: [] });
      const renderer = api.app.get(PdfRenderer);
      const pdf = await renderer.render(html`<p>健康</p>`);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

      const close = jest.spyOn(renderer, 'close');
      await api.close();
      expect(close).toHaveBeenCalled();
    });
  });
});
