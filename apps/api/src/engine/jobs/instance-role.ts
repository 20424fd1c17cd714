import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { Logger } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';

/**
 * What an instance does with the job queue (`ZIZHU_ROLE`):
 * - `all` (the default): serves the panel and the API, and runs every kind of job;
 * - `web`: serves only; jobs it queues run on other instances;
 * - `worker`: runs jobs at background CPU priority — its own process and its database
 *   sessions, when the server runs on this host — so that an import or a comparison on a
 *   machine shared with `web` instances does not slow the people browsing.
 */
export type InstanceRole = 'all' | 'web' | 'worker';

const ROLES: readonly InstanceRole[] = ['all', 'web', 'worker'];

/** The nice value of a worker's process and database sessions (0 is normal, 19 the lowest). */
export const BACKGROUND_NICE = 10;

export function instanceRole(value = process.env.ZIZHU_ROLE): InstanceRole {
  if (value === undefined || value === '') return 'all';
  if ((ROLES as readonly string[]).includes(value)) return value as InstanceRole;
  throw new Error(`ZIZHU_ROLE must be one of ${ROLES.join(', ')}; it is "${value}"`);
}

/**
 * Lowers this process's CPU priority and, as each database session of `pool` is first used,
 * that session's server process's — only when the server runs on this host (`host` is a
 * loopback address or a socket) and the process is PostgreSQL's, and only as far as this
 * user may. What cannot be lowered is said once, and the work goes on at normal priority.
 */
export function runInBackground(pool: Pool, host: string | undefined, logger: Logger): void {
  lower(0, 'this process', logger);
  if (!isLocalHost(host)) {
    logger.warn(`database sessions keep their priority: the server (${host}) is not on this host`);
    return;
  }
  const seen = new WeakSet<PoolClient>();
  let failed = false;
  pool.on('acquire', (client: PoolClient) => {
    if (failed || seen.has(client)) return;
    seen.add(client);
    const pid = (client as unknown as { processID?: number }).processID;
    if (!pid || !isPostgresProcess(pid)) return;
    failed = !lower(pid, `database session ${pid}`, logger);
  });
}

function lower(pid: number, what: string, logger: Logger): boolean {
  try {
    setPriority(pid, BACKGROUND_NICE);
    return true;
  } catch (error) {
    logger.warn(`${what} keeps its CPU priority: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

export function isLocalHost(host: string | undefined): boolean {
  return !host || host.startsWith('/') || host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** A loopback port may be forwarded to another machine's server: the pid must be a PostgreSQL process here. */
function isPostgresProcess(pid: number): boolean {
  try {
    return /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, 'latin1')) || /postgres/.test(readFileSync(`/proc/${pid}/comm`, 'latin1'));
  } catch {
    return false;
  }
}
