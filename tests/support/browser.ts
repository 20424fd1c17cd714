import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '@zizhu/api/engine/pdf/chromium-args';
import { chromiumPath } from '@zizhu/api/engine/pdf/pdf-requirements';
import { chromium, type Page } from 'playwright-core';

/** Debian's Chromium (or CHROMIUM_PATH) with the flags the PDF renderer uses too, in Chinese, at a desktop size. */
export async function launchBrowser(): Promise<{ page: Page; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'zizhu-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS],
    locale: 'zh-CN',
    viewport: { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
