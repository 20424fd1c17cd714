import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { type JobContext, type JobFailureCause, JobInterruptedError, type JobKind, PROGRESS_EVERY_MS } from './job-kind';
import { checkedPayload } from './job-payload';
import { instanceRole, runInBackground } from './instance-role';
import { JobWorker } from './job-worker';
import { ABANDONED_JOBS_SQL, RunningJobLocks } from './running-job-locks';

/** Jobs are never "expired" by pg-boss while their instance lives (the locks tell a dead one): its maximum. */
const EXPIRE_IN_SECONDS = 23 * 3600;
/** How often each instance looks for jobs whose instance is gone. */
const RECOVER_EVERY_MS = 30_000;
/** How often an idle worker asks for jobs; a job sent by this instance wakes its worker at once. */
const POLL_SECONDS = 2;
/** Scheduled jobs run on China's clock, whatever the server's zone. */
const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';

type AnyKind = JobKind<object>;

/** pg-boss's view of a fetched job, with the retry counts the runner needs. */
type FetchedJob = PgBoss.JobWithMetadata<object>;

/**
 * The one job queue: pg-boss over the app's PostgreSQL (its `pgboss` schema comes from our
 * migrations; no other server). Kinds are registered by the modules that own them (see
 * job-kind.ts); every API instance runs workers for every kind (but a `web` one, see
 * instance-role.ts), and a job runs on whichever instance fetches it first. Jobs live in the database, so they survive restarts: a job an
 * instance was running when it died is found (its lock is free) and run again, or, after
 * `retryLimit` runs, handed to its kind's `failed`.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly kinds = new Map<string, AnyKind>();
  private readonly workers: JobWorker<FetchedJob>[] = [];
  /** Read once at start: a bad ZIZHU_ROLE stops the instance before it serves. */
  readonly role = instanceRole();
  private readonly running = new Set<Promise<void>>();
  /** Aborted when this instance stops, or loses the session that shows its jobs run (then replaced). */
  private halt = new AbortController();
  private stopped = false;
  private boss?: PgBoss;
  private locks?: RunningJobLocks;
  private recoverTimer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Kinds register in their module's constructor or onModuleInit: workers start once all have. */
  register<P extends object>(kind: JobKind<P>): void {
    if (this.kinds.has(kind.name)) throw new Error(`job kind ${kind.name} is registered twice`);
    this.kinds.set(kind.name, kind as unknown as AnyKind);
  }

  /** pg-boss starts before any module's bootstrap, so records can be checked against the queue. */
  async onModuleInit(): Promise<void> {
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      // The schema is ours (migrations); a pg-boss release needing another fails here, loudly.
      migrate: false,
      // Finished jobs leave the queue after an hour and its archive within a day: payloads may
      // hold a list's filter (an ID number), kept no longer than the rest of a job's leftovers.
      archiveCompletedAfterSeconds: 3600,
      archiveFailedAfterSeconds: 3600,
      deleteAfterHours: 23,
    });
    this.boss.on('error', (error) => this.logger.error(`queue: ${error.message}`));
    await this.boss.start();
    const url = (this.db.options as { url?: string }).url;
    if (!url) throw new Error('the job queue needs the database URL');
    if (this.role === 'worker') runInBackground(pool, databaseHost(url), this.logger);
    this.locks = new RunningJobLocks(url, () => this.stopRunning());
  }

  /** Queues and schedules as the kinds declare them, interrupted jobs handed back, then the workers (none on a `web` instance). */
  async onApplicationBootstrap(): Promise<void> {
    const boss = this.started();
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const kind of this.kinds.values()) {
      const options = {
        name: kind.name,
        retryLimit: kind.retryLimit ?? 2,
        retryDelay: kind.retryDelaySeconds ?? 5,
        retryBackoff: true,
        expireInSeconds: EXPIRE_IN_SECONDS,
      };
      if (existing.has(kind.name)) await boss.updateQueue(kind.name, options);
      else await boss.createQueue(kind.name, options);
      if (kind.schedule) await boss.schedule(kind.name, kind.schedule.cron, checkedPayload(kind, kind.schedule.payload), { tz: SCHEDULE_TIME_ZONE });
      else await boss.unschedule(kind.name);
    }
    await this.recover();
    this.recoverTimer = setInterval(() => void this.recover().catch((error: Error) => this.logger.error(`recover: ${error.message}`)), RECOVER_EVERY_MS);
    this.recoverTimer.unref();
    if (this.role === 'web') return;
    for (const kind of this.kinds.values()) {
      const worker = new JobWorker(kind.name, kind.concurrency ?? 1, POLL_SECONDS * 1000, (count) => this.fetch(kind, count), (job) => this.run(kind, job));
      this.workers.push(worker);
      worker.start();
    }
  }

  /**
   * Stops fetching, tells running handlers to stop (they hand their jobs back for another
   * run) and waits for them, then lets go of the locks and pg-boss.
   */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.recoverTimer);
    this.stopRunning();
    await Promise.all(this.workers.map((worker) => worker.stop()));
    await Promise.allSettled([...this.running]);
    await this.locks?.close();
    await this.boss?.stop({ graceful: false, close: false });
  }

  /**
   * Queues a job. With `manager`, in that transaction: the job exists exactly when the record
   * the transaction writes does (call `wake` after the commit). Returns the job's id.
   */
  async send<P extends object>(kind: JobKind<P>, payload: P, options: { manager?: EntityManager } = {}): Promise<string> {
    const boss = this.started();
    const data = { ...checkedPayload(kind, payload) };
    const db = options.manager ? transactionDb(options.manager) : undefined;
    const id = await boss.send(kind.name, data, db ? { db } : {});
    if (!id) throw new Error(`job ${kind.name} was not queued`);
    if (!options.manager) this.wake(kind);
    return id;
  }

  /** Workers of this kind here look for a job now rather than at their next poll. */
  wake(kind: { name: string }): void {
    for (const worker of this.workers) if (worker.name === kind.name) worker.notify();
  }

  /** Keys (see JobKind.key) of this kind's jobs waiting, running or due to run again. */
  async inFlightKeys<P extends object>(kind: JobKind<P>): Promise<Set<string>> {
    const rows: { data: P }[] = await this.db.query(`SELECT data FROM pgboss.job WHERE name = $1 AND state < 'completed'`, [kind.name]);
    return new Set(rows.map((row) => (kind.key ? kind.key(row.data) : '')));
  }

  /**
   * Active jobs whose instance is gone go back to the queue (pg-boss counts it as a failed
   * run: another follows unless the kind's retries are spent, and then `failed` is called).
   */
  async recover(): Promise<void> {
    const boss = this.started();
    const names = [...this.kinds.keys()];
    if (!names.length) return;
    const abandoned = await this.db.transaction(async (manager) => {
      const jobs: { id: string; name: string; data: object; retryCount: number; retryLimit: number }[] = await manager.query(ABANDONED_JOBS_SQL, [names]);
      for (const job of jobs) await boss.fail(job.name, job.id, { message: 'interrupted: its instance stopped' }, { db: transactionDb(manager) });
      return jobs;
    });
    for (const job of abandoned) {
      this.logger.warn(`job ${job.name} ${job.id} was interrupted: ${job.retryCount < job.retryLimit ? 'it runs again' : 'it has failed'}`);
      const kind = this.kinds.get(job.name);
      if (kind && job.retryCount >= job.retryLimit) await this.giveUp(kind, job.data, 'interrupted');
    }
    for (const name of new Set(abandoned.map((job) => job.name))) this.wake({ name });
  }

  private fetch(kind: AnyKind, count: number): Promise<FetchedJob[]> {
    return this.started().fetch<object>(kind.name, { includeMetadata: true, batchSize: count, db: this.locks!.fetchDb });
  }

  private async run(kind: AnyKind, job: FetchedJob): Promise<void> {
    const work = this.execute(kind, job);
    this.running.add(work);
    try {
      await work;
    } finally {
      this.running.delete(work);
    }
  }

  private async execute(kind: AnyKind, job: FetchedJob): Promise<void> {
    const boss = this.started();
    let payload: object | null = null;
    try {
      payload = checkedPayload(kind, job.data);
      await kind.handle(payload, this.context(job));
      await boss.complete(kind.name, job.id);
    } catch (error) {
      const interrupted = error instanceof JobInterruptedError;
      const last = job.retryCount >= job.retryLimit;
      if (!interrupted) this.logger.error(`job ${kind.name} ${job.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (last && payload) await this.giveUp(kind, payload, interrupted ? 'interrupted' : 'error');
      await boss.fail(kind.name, job.id, { message: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    } finally {
      await this.locks!.release(job.id);
    }
  }

  private context(job: FetchedJob): JobContext {
    let last = 0;
    return {
      id: job.id,
      attempt: job.retryCount,
      signal: this.halt.signal,
      progress: async (write, options = {}) => {
        if (!options.final && Date.now() - last < PROGRESS_EVERY_MS) return;
        last = Date.now();
        await write();
      },
    };
  }

  private async giveUp(kind: AnyKind, payload: object, cause: JobFailureCause): Promise<void> {
    try {
      await kind.failed?.(payload, cause);
    } catch (error) {
      this.logger.error(`job ${kind.name}: recording its failure failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Running handlers stop: the instance stops, or it lost the session whose locks show that
   * they run (other instances will take their jobs over; later jobs here get a new signal).
   */
  private stopRunning(): void {
    this.halt.abort(new JobInterruptedError());
    if (!this.stopped) this.halt = new AbortController();
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('the job queue has not started');
    return this.boss;
  }
}

/** The server's host as pg reads the URL: its host part, or a `host` parameter (a socket directory). */
function databaseHost(url: string): string | undefined {
  const parsed = new URL(url);
  return parsed.searchParams.get('host') ?? (decodeURIComponent(parsed.hostname) || undefined);
}

/** pg-boss statements inside a TypeORM transaction. */
function transactionDb(manager: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => ({ rows: (await manager.queryRunner!.query(text, values, true)).records ?? [] }),
  };
}
