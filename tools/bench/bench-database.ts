import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@zizhu/api/database/data-source-options';
import { startEmbeddedPostgres } from '@zizhu/api/engine/database/embedded-postgres';
import { configurePgTypes } from '@zizhu/api/engine/database/pg-types';
import { withDatabase } from '@zizhu/api/testing/test-server';
import { serverSettingsNote } from './server-settings-note';

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

/** DATABASE_URL's server, or the benchmarks' embedded PostgreSQL (ZIZHU_BENCH_PGDATA, port 54330). */
export async function benchServer(): Promise<BenchServer> {
  configurePgTypes();
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  return startEmbeddedPostgres({ dataDir: process.env.ZIZHU_BENCH_PGDATA ?? '/tmp/zizhu-bench-pg/data', port: 54330 });
}

/** Runs `work` with the server's maintenance database URL, then stops an embedded server. */
export async function withBenchServer(work: (adminUrl: string) => Promise<void>): Promise<void> {
  const server = await benchServer();
  try {
    await work(withDatabase(server.url, 'postgres'));
  } finally {
    await server.stop();
  }
}

/**
 * A database of the benchmark's own, migrated and filled by `load` (timed and printed), or,
 * with BENCH_REUSE=1, the one an earlier run left. Prints the server's settings. Answers its URL.
 */
export async function preparedDatabase(serverUrl: string, name: string, load: (db: DataSource) => Promise<string>): Promise<string> {
  const url = withDatabase(serverUrl, name);
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (exists && process.env.BENCH_REUSE) {
      console.log(`reusing ${name}`);
      await migratedReused(url);
      return url;
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  try {
    console.log(await serverSettingsNote(db));
    await db.runMigrations({ transaction: 'all' });
    const start = Date.now();
    const what = await load(db);
    console.log(`loaded ${what} in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  } finally {
    await db.destroy();
  }
  return url;
}

/** Prints the server's settings and applies the migrations added since the database was loaded (then analyzes). */
async function migratedReused(url: string): Promise<void> {
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  try {
    console.log(await serverSettingsNote(db));
    const applied = await db.runMigrations({ transaction: 'all' });
    if (applied.length) {
      console.log(`applied ${applied.map((m) => m.name).join(', ')}`);
      await db.query('ANALYZE');
    }
  } finally {
    await db.destroy();
  }
}
