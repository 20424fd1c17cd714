import { Inject, Injectable, Logger, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium-args';
import { ConcurrencyLimit } from './concurrency-limit';
import type { SafeHtml } from './html/safe-html';
import { pdfCouldNotStart, pdfTimedOut, pdfUnavailable } from './pdf-errors';
import { chromiumPath, missingRequirements, PDF_REQUIREMENTS } from './pdf-requirements';
import { type PdfRenderOptions, printParameters, type PrintToPdfParameters } from './print-parameters';

/**
 * The shared flags, and no host name or address resolves: Chromium opens a connection
 * speculatively for an <img> even when the request itself is refused (the network spec
 * counts connections).
 */
const PDF_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND'];

export interface PdfRendererSettings {
  /** Pages printing at once; a burst of reports waits its turn instead of opening 50 tabs. */
  concurrency: number;
  /** Per document, from loading the HTML to the last byte of PDF. */
  timeoutMs: number;
  /** The browser closes after this long without a document and starts again on the next. */
  idleCloseMs: number;
}

export const PDF_RENDERER_SETTINGS = Symbol('PDF_RENDERER_SETTINGS');

const DEFAULT_SETTINGS: PdfRendererSettings = { concurrency: 2, timeoutMs: 60_000, idleCloseMs: 5 * 60_000 };

/** Missing packages are not re-checked on every health probe. */
const READINESS_TTL_MS = 30_000;
const STREAM_CHUNK_BYTES = 1024 * 1024;

export interface PdfReadiness {
  ready: boolean;
  /** Debian packages to install. */
  missing: string[];
}

interface RunningBrowser {
  context: BrowserContext;
  /** Settles once the browser has exited and its profile directory is gone. */
  gone: Promise<void>;
}

// Chromium's helper processes may still be writing for a moment after it closes: retry.
async function removeProfile(userDataDir: string): Promise<void> {
  await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
}

/**
 * HTML → PDF with one shared headless Chromium, launched on the first document. Documents
 * are `SafeHtml` (see html/safe-html.ts) and may not fetch anything: every request that is
 * not a data: URL is refused, so a PDF holds exactly what its HTML held.
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger('PdfRenderer');
  private readonly settings: PdfRendererSettings;
  private readonly pages: ConcurrencyLimit;
  private browser?: Promise<RunningBrowser>;
  private idleTimer?: NodeJS.Timeout;
  private readinessChecked?: { at: number; readiness: PdfReadiness };

  constructor(@Optional() @Inject(PDF_RENDERER_SETTINGS) settings?: Partial<PdfRendererSettings>) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.pages = new ConcurrencyLimit(this.settings.concurrency);
  }

  /** The PDF in memory: for a download answered at once. */
  async render(document: SafeHtml, options: PdfRenderOptions = {}): Promise<Buffer> {
    const chunks: Buffer[] = [];
    await this.print(document, options, async (chunk) => {
      chunks.push(chunk);
    });
    return Buffer.concat(chunks);
  }

  /** The PDF streamed to a file, never whole in memory: for long batches (letters for a school). */
  async renderToFile(document: SafeHtml, filePath: string, options: PdfRenderOptions = {}): Promise<void> {
    const file = createWriteStream(filePath);
    try {
      await this.print(document, options, async (chunk) => {
        // once() rejects on 'error' too: a full disk fails the render instead of hanging it.
        if (!file.write(chunk)) await once(file, 'drain');
      });
      file.end();
      await finished(file);
    } catch (error) {
      file.destroy();
      await rm(filePath, { force: true });
      throw error;
    }
  }

  /** Whether PDFs can be made on this machine, for GET /api/health. */
  readiness(): PdfReadiness {
    const now = Date.now();
    if (!this.readinessChecked || now - this.readinessChecked.at > READINESS_TTL_MS) {
      const missing = missingRequirements(PDF_REQUIREMENTS).map((m) => m.pkg);
      this.readinessChecked = { at: now, readiness: { ready: missing.length === 0, missing } };
    }
    return this.readinessChecked.readiness;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const starting = this.browser;
    this.browser = undefined;
    const running = await starting?.catch(() => undefined);
    if (!running) return;
    await running.context.close().catch(() => undefined);
    await running.gone;
  }

  private async print(document: SafeHtml, options: PdfRenderOptions, write: (chunk: Buffer) => Promise<void>): Promise<void> {
    const parameters = printParameters(options);
    try {
      await this.pages.run(async () => {
        clearTimeout(this.idleTimer);
        const { context } = await this.running();
        const page = await context.newPage();
        try {
          await this.withinTimeout(page, () => this.printPage(page, document.toString(), parameters, write));
        } finally {
          await page.close().catch(() => undefined);
        }
      });
    } finally {
      this.closeWhenIdle();
    }
  }

  private async printPage(page: Page, markup: string, parameters: PrintToPdfParameters, write: (chunk: Buffer) => Promise<void>): Promise<void> {
    await page.setContent(markup, { waitUntil: 'load', timeout: 0 });
    const session = await page.context().newCDPSession(page);
    // Page.printToPDF in stream mode: the PDF is read in chunks rather than as one base64 string.
    const { stream } = await session.send('Page.printToPDF', parameters);
    if (!stream) throw new Error('Chromium returned no PDF stream');
    for (;;) {
      const chunk = await session.send('IO.read', { handle: stream, size: STREAM_CHUNK_BYTES });
      if (chunk.data) await write(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
      if (chunk.eof) break;
    }
    await session.send('IO.close', { handle: stream });
    await session.detach();
  }

  /** Closing the page on time-out makes every pending protocol call fail, so nothing is left running. */
  private async withinTimeout(page: Page, work: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(pdfTimedOut(this.settings.timeoutMs));
        void page.close().catch(() => undefined);
      }, this.settings.timeoutMs);
    });
    const working = work();
    working.catch(() => undefined);
    try {
      await Promise.race([working, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private running(): Promise<RunningBrowser> {
    if (!this.browser) {
      const starting = this.launch();
      this.browser = starting;
      // A failed start is not kept: the next document tries again (the package may be installed by then).
      starting.catch(() => {
        if (this.browser === starting) this.browser = undefined;
      });
    }
    return this.browser;
  }

  private async launch(): Promise<RunningBrowser> {
    const missing = missingRequirements(PDF_REQUIREMENTS);
    if (missing.length) throw pdfUnavailable(missing);
    const userDataDir = await mkdtemp(join(tmpdir(), 'zizhu-pdf-'));
    try {
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath(),
        headless: true,
        args: PDF_CHROMIUM_ARGS,
        // Printable documents need no script; without it a value that slipped through could not run either.
        javaScriptEnabled: false,
        serviceWorkers: 'block',
        locale: 'zh-CN',
        timeout: 30_000,
      });
      await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')));
      // Closed by us or crashed: forgotten (the next document starts a new one), its profile removed.
      const gone = new Promise<void>((resolve) => {
        context.once('close', () => {
          void this.browser?.then((running) => {
            if (running.context === context) this.browser = undefined;
          });
          void removeProfile(userDataDir).then(resolve);
        });
      });
      return { context, gone };
    } catch (error) {
      await removeProfile(userDataDir);
      this.logger.error(`Chromium (${chromiumPath()}) did not start: ${error instanceof Error ? error.message : String(error)}`);
      throw pdfCouldNotStart();
    }
  }

  private closeWhenIdle(): void {
    if (!this.pages.idle) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pages.idle) void this.close();
    }, this.settings.idleCloseMs);
    this.idleTimer.unref();
  }
}
