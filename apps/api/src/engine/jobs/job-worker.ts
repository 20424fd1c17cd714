import { Logger } from '@nestjs/common';

/**
 * One worker loop: fetch a job, run it, fetch the next; when the queue is empty, wait for
 * the poll interval or a `notify` (a job sent by this instance), whichever comes first.
 * A kind with concurrency n has n of these.
 */
export class JobWorker<J = unknown> {
  private readonly logger = new Logger('Jobs');
  private stopping = false;
  private wake: (() => void) | null = null;
  private notified = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    private readonly pollMs: number,
    private readonly fetch: () => Promise<J | null>,
    private readonly run: (job: J) => Promise<void>,
  ) {}

  start(): void {
    this.loop = this.work();
  }

  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  /** Resolves once the job in hand (if any) has ended; no job is fetched after this is called. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      this.notified = false;
      let job: J | null = null;
      try {
        job = await this.fetch();
      } catch (error) {
        this.logger.error(`queue ${this.name}: fetch failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      // A job fetched while stopping still runs: its handler sees the stop and hands it back.
      if (job !== null) {
        await this.run(job);
        continue;
      }
      if (!this.stopping && !this.notified) await this.idle();
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
