/**
 * A kind of background job: its queue name, its declared payload, its handler. The queue
 * (JobQueue) stores jobs in PostgreSQL, runs them on any API instance, resumes the ones a
 * restart or a crash interrupted, and sends scheduled ones.
 *
 * The handler's contract: it records its own outcome in its record (an import's status,
 * an export job's, a run's) — a failure of the work itself included, with its reason — and
 * resolves. Throwing means "run me again": the queue retries it (up to `retryLimit`) and
 * then calls `failed`. A handler stops when `context.signal` aborts (this instance is
 * stopping) by throwing `JobInterruptedError`, leaving its record as it is for the run
 * that resumes it.
 */
export interface JobKind<P extends object> {
  /** The queue's name, kebab-case (`import-validate`). */
  readonly name: string;
  /** The payload's class, with class-validator decorators: checked when sent and when run. */
  readonly payload: new () => P;
  handle(payload: P, context: JobContext): Promise<void>;
  /** What the job works on (an import's id): how a record knows whether a job still runs for it. */
  key?(payload: P): string;
  /** Jobs of this kind run at once on one instance (default 1). */
  readonly concurrency?: number;
  /**
   * Runs after the first (default 2): an interrupted job runs again from the start, so the
   * handler must be safe to repeat (a transaction that was rolled back, a file read again).
   */
  readonly retryLimit?: number;
  /** Seconds before a retry after the handler threw (doubled each time). Default 30. */
  readonly retryDelaySeconds?: number;
  /** The job will not run again: say why on its record and drop what it left behind. */
  failed?(payload: P, cause: JobFailureCause): Promise<void>;
  /** Sent by the queue on a cron line, in China's time (`0 * * * *`: every hour). */
  readonly schedule?: { cron: string; payload: P };
}

/** Why a job will not run again: interrupted (restarts, crashes) or its handler kept failing. */
export type JobFailureCause = 'interrupted' | 'error';

export interface JobContext {
  readonly id: string;
  /** 0 on the first run, 1… when it runs again. */
  readonly attempt: number;
  /** Aborted when this instance stops: throw `JobInterruptedError` and let the job resume. */
  readonly signal: AbortSignal;
  /**
   * Writes progress through `write`, at most every PROGRESS_EVERY_MS (a write asked for
   * sooner is skipped), unless `final`.
   */
  progress(write: () => Promise<unknown>, options?: { final?: boolean }): Promise<void>;
}

/** Thrown by a handler whose instance is stopping: the job runs again (elsewhere, or after the restart). */
export class JobInterruptedError extends Error {
  constructor() {
    super('interrupted: this instance is stopping');
  }
}

/** How often a job's progress is written at most: readers poll about as often. */
export const PROGRESS_EVERY_MS = 500;
