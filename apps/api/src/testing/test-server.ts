import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DemoSeedService } from '../database/seed/demo-seed.service';
import { dataSourceOptions } from '../database/data-source-options';
import { startEmbeddedPostgres } from '../engine/database/embedded-postgres';
import { configurePgTypes } from '../engine/database/pg-types';

/** One template per jest run, so parallel runs against one server never collide. */
export const TEMPLATE_DATABASE = process.env.ZIZHU_TEST_TEMPLATE ?? `zizhu_test_template_${process.pid}`;

export interface TestServer {
  /** URL of the server's maintenance database; test databases are created beside it. */
  serverUrl: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server tests use: the one DATABASE_URL points at, or else an embedded one
 * in a temp dir. A template database is built once from the migrations plus the demo data,
 * and each test file clones it (CREATE DATABASE … TEMPLATE), so files never share state.
 */
export async function prepareTestServer(): Promise<TestServer> {
  let serverUrl: string;
  let stop = async () => undefined as void;
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'zizhu-test-pg-')), 'data');
    const server = await startEmbeddedPostgres({ dataDir, port: 55000 + (process.pid % 5000) });
    serverUrl = withDatabase(server.url, 'postgres');
    stop = async () => {
      await server.stop();
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    };
  }
  await buildTemplate(serverUrl);
  process.env.ZIZHU_TEST_TEMPLATE = TEMPLATE_DATABASE;
  const dropTemplate = () => admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`));
  return {
    serverUrl,
    stop: async () => {
      await dropTemplate();
      await stop();
    },
  };
}

async function buildTemplate(serverUrl: string): Promise<void> {
  configurePgTypes();
  await admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  const db = new DataSource(dataSourceOptions(withDatabase(serverUrl, TEMPLATE_DATABASE)));
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'all' });
    await new DemoSeedService(db).seedIfEmpty();
  } finally {
    await db.destroy();
  }
}

/** A fresh database cloned from the template; returns its URL and a drop function. */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `zizhu_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return {
    url: withDatabase(serverUrl, name),
    drop: () => admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** An empty database (no migrations), for specs that build the schema themselves. */
export async function createEmptyDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `zizhu_empty_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: withDatabase(serverUrl, name),
    drop: () => admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function admin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function testServerUrl(): string {
  const url = process.env.ZIZHU_TEST_SERVER_URL;
  if (!url) throw new Error('ZIZHU_TEST_SERVER_URL is not set: run specs through jest.config.js (its globalSetup prepares the server)');
  return url;
}
