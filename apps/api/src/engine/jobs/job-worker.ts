import { Logger } from '@nestjs/common';

/**
 * A kind's worker loop on one instance: while it has a free slot (of `concurrency`), it
 * fetches as many jobs as slots are free and starts them; when the queue is empty or all
 * slots are busy, it waits for the poll interval, a `notify` (a job sent by this instance)
 * or a job ending, whichever comes first.
 */
export class JobWorker<J = unknown> {
  private readonly logger = new Logger('Jobs');
  private readonly running = new Set<Promise<void>>();
  private stopping = false;
  private wake: (() => void) | null = null;
  private notified = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    private readonly concurrency: number,
    private readonly pollMs: number,
    private readonly fetch: (count: number) => Promise<J[]>,
    private readonly run: (job: J) => Promise<void>,
  ) {}

  start(): void {
    this.loop = this.work();
  }

  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  /** Resolves once the jobs in hand have ended; no job is fetched after this is called. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.running]);
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      this.notified = false;
      const free = this.concurrency - this.running.size;
      let jobs: J[] = [];
      if (free > 0) {
        try {
          jobs = await this.fetch(free);
        } catch (error) {
          this.logger.error(`queue ${this.name}: fetch failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      // A job fetched while stopping still runs: its handler sees the stop and hands it back.
      for (const job of jobs) {
        const run: Promise<void> = this.run(job).finally(() => {
          this.running.delete(run);
          this.wake?.();
        });
        this.running.add(run);
      }
      if (this.stopping || this.notified) continue;
      // All fetched: there may be more. Otherwise wait for a slot, a notify or the poll.
      if (jobs.length && jobs.length === free && this.running.size < this.concurrency) continue;
      await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.pollMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
