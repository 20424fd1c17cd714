import { getPriority, setPriority } from 'node:os';
import { IsInt, Min } from 'class-validator';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source-options';
import { configurePgTypes } from '../database/pg-types';
import { createTestDatabase, testServerUrl } from '../../testing/test-server';
import { type JobFailureCause, JobInterruptedError, type JobKind } from './job-kind';
import { JobQueue } from './job-queue.service';
import { BACKGROUND_NICE, type InstanceRole } from './instance-role';

class CountPayload {
  @IsInt()
  @Min(0)
  n!: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** One API instance's queue: its own connections, the kinds it is given, started as the app starts it. */
class Instance {
  readonly db: DataSource;
  readonly queue: JobQueue;

  constructor(url: string, role?: InstanceRole) {
    this.db = new DataSource(dataSourceOptions(url));
    process.env.ZIZHU_ROLE = role ?? '';
    try {
      this.queue = new JobQueue(this.db);
    } finally {
      delete process.env.ZIZHU_ROLE;
    }
  }

  async start(kinds: JobKind<object>[]): Promise<this> {
    await this.db.initialize();
    for (const kind of kinds) this.queue.register(kind);
    await this.queue.onModuleInit();
    await this.queue.onApplicationBootstrap();
    return this;
  }

  async stop(): Promise<void> {
    await this.queue.onModuleDestroy();
    await this.db.destroy();
  }
}

describe('the job queue (pg-boss on the app database)', () => {
  let database: { url: string; drop(): Promise<void> };
  let sql: Client;
  const instances: Instance[] = [];
  const instance = async (kinds: JobKind<object>[], role?: InstanceRole) => {
    const started = await new Instance(database.url, role).start(kinds);
    instances.push(started);
    return started;
  };

  beforeAll(async () => {
    configurePgTypes();
    database = await createTestDatabase(testServerUrl());
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });
  afterEach(async () => {
    await Promise.all(instances.splice(0).map((i) => i.stop()));
  });
  afterAll(async () => {
    await sql.end();
    await database.drop();
  });

  const jobStates = async (queue: string): Promise<string[]> =>
    (await sql.query(`SELECT state FROM pgboss.job WHERE name = $1 ORDER BY created_on`, [queue])).rows.map((r) => r.state);

  it('is shared by several instances: each job runs once, on whichever instance fetches it', async () => {
    const ran: { n: number; by: string }[] = [];
    const kind = (by: string): JobKind<CountPayload> => ({
      name: 'spec-shared',
      payload: CountPayload,
      handle: async ({ n }) => {
        await sleep(150);
        ran.push({ n, by });
      },
    });
    const a = await instance([kind('a') as JobKind<object>]);
    await instance([kind('b') as JobKind<object>]);
    for (let n = 0; n < 30; n++) await a.queue.send(kind('a'), { n });
    await until(() => ran.length === 30, 60_000, 'all 30 jobs');
    expect(ran.map((r) => r.n).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, n) => n));
    expect(new Set(ran.map((r) => r.by))).toEqual(new Set(['a', 'b']));
    expect(new Set(await jobStates('spec-shared'))).toEqual(new Set(['completed']));
  }, 90_000);

  it('runs no job on a web instance; a worker runs them at background priority, its database sessions too', async () => {
    const ran: { n: number; sessionNice: number }[] = [];
    let worker: Instance | undefined;
    const kind: JobKind<CountPayload> = {
      name: 'spec-roles',
      payload: CountPayload,
      handle: async ({ n }) => {
        const [{ pid }] = await worker!.db.query('SELECT pg_backend_pid() AS pid');
        ran.push({ n, sessionNice: getPriority(pid) });
      },
    };
    try {
      const web = await instance([kind as JobKind<object>], 'web');
      await web.queue.send(kind, { n: 1 });
      await sleep(2_500);
      expect(ran).toEqual([]);
      expect(await jobStates('spec-roles')).toEqual(['created']);
      worker = await instance([kind as JobKind<object>], 'worker');
      await until(() => ran.length === 1, 20_000, 'the worker to run the job');
      expect(ran).toEqual([{ n: 1, sessionNice: BACKGROUND_NICE }]);
      expect(getPriority()).toBe(BACKGROUND_NICE);
    } finally {
      setPriority(0); // this test process was the worker's
    }
  }, 40_000);

  it('will not start with a role it does not know', () => {
    expect(() => new Instance(database.url, 'boss' as InstanceRole)).toThrow('ZIZHU_ROLE must be one of all, web, worker; it is "boss"');
  });

  it('refuses a payload that does not match its declaration', async () => {
    const kind: JobKind<CountPayload> = { name: 'spec-declared', payload: CountPayload, handle: async () => undefined };
    const a = await instance([kind as JobKind<object>]);
    await expect(a.queue.send(kind, { n: -1 })).rejects.toThrow(/spec-declared: payload does not match its declaration \(n: /);
    await expect(a.queue.send(kind, {} as CountPayload)).rejects.toThrow(/n: /);
  });

  it('runs a job whose handler threw again, and tells the kind once its retries are spent', async () => {
    const attempts: number[] = [];
    const failed: JobFailureCause[] = [];
    const kind: JobKind<CountPayload> = {
      name: 'spec-retry',
      payload: CountPayload,
      retryLimit: 1,
      retryDelaySeconds: 1,
      handle: async (_, context) => {
        attempts.push(context.attempt);
        throw new Error('not today');
      },
      failed: async (_, cause) => {
        failed.push(cause);
      },
    };
    const a = await instance([kind as JobKind<object>]);
    await a.queue.send(kind, { n: 1 });
    await until(() => failed.length === 1, 30_000, 'the retry and the failure');
    expect(attempts).toEqual([0, 1]);
    expect(failed).toEqual(['error']);
    await until(async () => (await jobStates('spec-retry')).join() === 'failed', 10_000, 'the failed state');
  }, 40_000);

  it("hands a job its instance died with to another instance, which runs it again (or fails it once its retries are spent)", async () => {
    let release!: () => void;
    const hung = new Promise<void>((resolve) => (release = resolve));
    const runs: { by: string; attempt: number }[] = [];
    const failed: JobFailureCause[] = [];
    const kind = (by: string, retryLimit: number): JobKind<CountPayload> => ({
      name: `spec-crash-${retryLimit}`,
      payload: CountPayload,
      retryLimit,
      retryDelaySeconds: 1,
      handle: async (_, context) => {
        runs.push({ by, attempt: context.attempt });
        // The dying instance's handler never notices anything (a process killed at once).
        if (by === 'a') await hung;
      },
      failed: async (_, cause) => {
        failed.push(cause);
      },
    });
    for (const retryLimit of [1, 0]) {
      runs.length = 0;
      const a = await instance([kind('a', retryLimit) as JobKind<object>]);
      await a.queue.send(kind('a', retryLimit), { n: 1 });
      await until(() => runs.length === 1, 10_000, 'the first run');
      const b = await instance([kind('b', retryLimit) as JobKind<object>]);
      // Nothing to recover while the instance lives: its lock says the job runs.
      await b.queue.recover();
      expect(await jobStates(`spec-crash-${retryLimit}`)).toEqual(['active']);
      // Its session ends as a killed process's does.
      await sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'zizhu-jobs' AND pid <> pg_backend_pid()`);
      await sleep(200);
      // b's lock session went too: b opens a new one with its next fetch.
      await b.queue.recover();
      if (retryLimit > 0) {
        await until(() => runs.some((r) => r.by === 'b'), 20_000, 'the run on b');
        expect(runs.find((r) => r.by === 'b')).toEqual({ by: 'b', attempt: 1 });
      } else {
        await until(() => failed.length === 1, 10_000, 'the failure');
        expect(failed).toEqual(['interrupted']);
        expect(await jobStates('spec-crash-0')).toEqual(['failed']);
      }
    }
    release();
  }, 90_000);

  it('tells a running handler that its instance stops; the job is run again by the next one', async () => {
    const runs: string[] = [];
    const kind = (by: string): JobKind<CountPayload> => ({
      name: 'spec-stop',
      payload: CountPayload,
      handle: async (_, context) => {
        runs.push(by);
        if (by !== 'a') return;
        await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
        throw new JobInterruptedError();
      },
    });
    const a = await instance([kind('a') as JobKind<object>]);
    await a.queue.send(kind('a'), { n: 1 });
    await until(() => runs.length === 1, 10_000, 'the first run');
    await instances.splice(instances.indexOf(a), 1)[0].stop();
    expect(await jobStates('spec-stop')).toEqual(['retry']);
    await instance([kind('b') as JobKind<object>]);
    await until(() => runs.length === 2, 20_000, 'the run after the restart');
    expect(runs).toEqual(['a', 'b']);
  }, 40_000);

  it('sends scheduled jobs on their cron line, in China time', async () => {
    const ticks: number[] = [];
    const kind: JobKind<CountPayload> = {
      name: 'spec-tick',
      payload: CountPayload,
      schedule: { cron: '* * * * *', payload: { n: 7 } },
      handle: async ({ n }) => {
        ticks.push(n);
      },
    };
    await instance([kind as JobKind<object>]);
    const { rows } = await sql.query(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name = 'spec-tick'`);
    expect(rows).toEqual([{ name: 'spec-tick', cron: '* * * * *', timezone: 'Asia/Shanghai' }]);
    // pg-boss looks at its schedules every 30 s and hands them to the queue every 5 s.
    await until(() => ticks.length > 0, 75_000, 'the first tick');
    expect(ticks[0]).toBe(7);
  }, 90_000);
});
