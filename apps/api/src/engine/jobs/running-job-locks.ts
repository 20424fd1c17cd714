import { Logger } from '@nestjs/common';
import { Client, type QueryResult } from 'pg';
import type PgBoss from 'pg-boss';

/**
 * The advisory-lock class of running jobs; the other key is `hashtext(<job id>)`. One
 * constant for this app, so no other lock user collides with it.
 */
export const RUNNING_JOB_LOCK_CLASS = 1_785_001_300;

/**
 * How an instance shows which jobs it is running: it holds one session advisory lock per
 * running job on a connection of its own. When the instance dies (a crash, SIGKILL, a lost
 * network), PostgreSQL ends that session and the locks go with it, so any instance can tell
 * an interrupted job (`active`, lock free) from one that still runs, at once and without
 * heartbeats. The lock is taken in the transaction that marks the job active, so there is
 * no moment when a running job looks abandoned.
 */
export class RunningJobLocks {
  private readonly logger = new Logger('Jobs');
  private client: Client | null = null;
  /** One statement at a time on the session: a fetch's BEGIN…COMMIT must not interleave. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly connectionString: string,
    /** The session (and so every lock it held) is gone: its jobs will be resumed elsewhere. */
    private readonly onLost: () => void,
  ) {}

  /** pg-boss's `db` for a fetch: the jobs it marks active are locked before that is committed. */
  readonly fetchDb: PgBoss.Db = {
    executeSql: (text: string, values: unknown[]) =>
      this.exclusive(async (client) => {
        await client.query('BEGIN');
        try {
          const fetched: QueryResult<{ id: string }> = await client.query(text, values);
          for (const job of fetched.rows) await client.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [RUNNING_JOB_LOCK_CLASS, job.id]);
          await client.query('COMMIT');
          return fetched;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
  };

  /** The job has ended here (completed, failed, or handed back for a retry). */
  async release(jobId: string): Promise<void> {
    await this.exclusive((client) => client.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [RUNNING_JOB_LOCK_CLASS, jobId])).catch(() => undefined);
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await this.chain.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private exclusive<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const next = this.chain.then(async () => work(await this.session()));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async session(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.connectionString, application_name: 'zizhu-jobs' });
    client.on('error', (error) => {
      if (this.client !== client) return;
      this.logger.error(`job lock session lost: ${error.message}`);
      this.client = null;
      client.end().catch(() => undefined);
      this.onLost();
    });
    await client.connect();
    this.client = client;
    return client;
  }
}

/**
 * The active jobs of these queues whose instance is gone (their lock is free), locked for
 * this transaction so that two instances never recover the same job. Run in a transaction.
 */
export const ABANDONED_JOBS_SQL = `
WITH active AS MATERIALIZED (
  SELECT id, name, data, retry_count AS "retryCount", retry_limit AS "retryLimit"
    FROM pgboss.job WHERE name = ANY($1::text[]) AND state = 'active')
SELECT * FROM active WHERE pg_try_advisory_xact_lock(${RUNNING_JOB_LOCK_CLASS}, hashtext(id::text))`;
