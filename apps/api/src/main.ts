import { Logger } from '@nestjs/common';
import { dirname, join } from 'node:path';
import { createApp } from './app.factory';
import { resolveDatabase } from './engine/database/database-url';
import { embeddedDataDir } from './engine/database/embedded-postgres';
import { JobQueue } from './engine/jobs/job-queue.service';

async function main(): Promise<void> {
  const database = await resolveDatabase();
  const app = await createApp({
    databaseUrl: database.url,
    seedDemoData: process.env.ZIZHU_DEMO_DATA !== 'off',
    // Beside the embedded cluster's data directory, so it lives and goes with that data.
    jwtSecretFile: database.embedded ? join(dirname(embeddedDataDir()), 'jwt-secret') : undefined,
  });
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  const role = app.get(JobQueue).role;
  new Logger('Zizhu').log(`panel http://localhost:${port}/  ·  API http://localhost:${port}/api  ·  docs http://localhost:${port}/api/docs${role === 'all' ? '' : `  ·  instance role: ${role}`}`);
  const shutdown = async () => {
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
