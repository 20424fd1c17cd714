import { Logger } from '@nestjs/common';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise an embedded PostgreSQL the app starts itself. */
export async function resolveDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    new Logger('Database').log(`using DATABASE_URL (${new URL(url).host})`);
    return { url, embedded: false, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres();
  return { url: server.url, embedded: true, stop: server.stop };
}
