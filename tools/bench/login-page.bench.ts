/**
 * How long a person waits for the login page on a cold start: the built panel served by
 * the app (compression and cache headers as in production), a Chromium with an empty
 * profile, timed from navigation until the username field takes typing and the submit
 * button is enabled. Several cold runs; the median is the result. Needs `nx run admin:build`
 * and DATABASE_URL (a throwaway database is created beside it and dropped); BENCH_RUNS
 * (default 5) and BENCH_ADMIN_DIST adjust it.
 *
 *   RESULT login-page-ready <ms> ms goal 1000 <met|missed>
 */
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '@zizhu/api/app.factory';
import { createEmptyDatabase } from '@zizhu/api/testing/test-server';
import { launchBrowser } from '../../tests/support/browser';
import { resultLine } from './latency';

const GOAL_MS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_ADMIN_DIST: another build to compare (e.g. one made before a change, with --outDir).
const ADMIN_DIST = process.env.BENCH_ADMIN_DIST ?? join(__dirname, '../../apps/admin/dist');

async function coldLoad(baseUrl: string): Promise<{ ms: number; scriptsRun: number; bytes: number; requests: number }> {
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (request) => sizes.push(request.sizes().then((s) => s.responseBodySize)));
    const started = performance.now();
    await page.goto(`${baseUrl}/#/login`, { waitUntil: 'commit' });
    await page.locator('input[name="username"]').fill('admin', { timeout: 30_000 });
    await page.locator('button[type="submit"]').waitFor({ state: 'visible', timeout: 30_000 });
    if (!(await page.locator('button[type="submit"]').isEnabled())) throw new Error('the submit button is disabled');
    const ms = performance.now() - started;
    const bodies = await Promise.all(sizes);
    // Module scripts run before DOMContentLoaded: the gap to `ms` is React's first renders.
    const scriptsRun = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    return { ms, scriptsRun, bytes: bodies.reduce((a, b) => a + b, 0), requests: bodies.length };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(ADMIN_DIST, 'index.html'))) throw new Error('build the panel first: npx nx run admin:build');
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  const database = await createEmptyDatabase(serverUrl);
  const app = await createApp({ databaseUrl: database.url, seedDemoData: false, logger: false, adminDist: ADMIN_DIST });
  try {
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const times: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const { ms, scriptsRun, bytes, requests } = await coldLoad(baseUrl);
      times.push(ms);
      console.log(`run ${run}: ${ms.toFixed(0)} ms (scripts run by ${scriptsRun.toFixed(0)} ms), ${requests} requests, ${(bytes / 1024).toFixed(0)} KiB over the wire (compressed)`);
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
    console.log(resultLine('login-page-ready', median, 'ms', GOAL_MS));
  } finally {
    await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
