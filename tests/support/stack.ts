import { join } from 'node:path';
import { startTestApp, type TestApp } from '@zizhu/api/testing/test-app';

export const ADMIN_DIST = join(__dirname, '../../apps/admin/dist');

/** The API serving the built panel on a free port, over a fresh clone of the seeded database. */
export async function startStack(): Promise<{ baseUrl: string; api: TestApp; stop(): Promise<void> }> {
  const api = await startTestApp({ adminDist: ADMIN_DIST });
  return { baseUrl: api.baseUrl, api, stop: () => api.close() };
}
