import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { resolveDatabase } from './engine/database/database-url';

async function main(): Promise<void> {
  const database = await resolveDatabase();
  const app = await createApp({ databaseUrl: database.url, seedDemoData: process.env.ZIZHU_DEMO_DATA !== 'off' });
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  new Logger('Zizhu').log(`panel http://localhost:${port}/  ·  API http://localhost:${port}/api  ·  docs http://localhost:${port}/api/docs`);
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
