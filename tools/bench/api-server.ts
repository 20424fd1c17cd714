/**
 * The API alone in its own process for the benchmarks (api-process.ts starts it), so the
 * server's CPU and memory are apart from the client's. Prints `listening <port>` once ready.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '@zizhu/api/app.factory';

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is not set');
  const app = await createApp({ databaseUrl: url, seedDemoData: false, logger: false, adminDist: '/nonexistent' });
  await app.listen(0, '127.0.0.1');
  console.log(`listening ${(app.getHttpServer().address() as AddressInfo).port}`);
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
