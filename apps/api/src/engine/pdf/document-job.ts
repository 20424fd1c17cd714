import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Localized } from '@zizhu/schema';
import type { DataSource, EntityManager } from 'typeorm';
import { ApiException } from '../errors/api.exception';
import { type JobContext, JobInterruptedError, type JobKind } from '../jobs/job-kind';
import type { JobQueue } from '../jobs/job-queue.service';

/** What a document job is about: its queue, its record's id in the payload, its state table and messages. */
export interface DocumentJobSpec<P extends object> {
  /** The queue's name (its queue is made by a migration). */
  name: string;
  payload: new () => P;
  /** The record (an inspection, a review) a payload is about, and the payload for a record. */
  idOf(payload: P): number;
  payloadOf(id: number): P;
  /**
   * The document's state table: one row per record, keyed by `keyColumn`, with `status`
   * (running, done, failed), `message` (jsonb, the reason of a failure) and `finished_at`.
   */
  table: string;
  keyColumn: string;
  /** For the log. */
  label: string;
  messages: { failed: Localized; interrupted: Localized };
  /** A failure the renderer explained (a PDF the machine cannot print), as the document's message. */
  explain(reason: Localized): Localized;
}

/**
 * A printed document made on the job queue (an inspection report, a quarterly bulletin):
 * the state row says running while its job is queued; the job prints and stores the
 * document (`produce`, in the subclass), and any failure marks the row failed with its
 * reason and stores nothing. A job lost with its instance is requeued by the queue; a row
 * left running with no job at all (its job gone) is failed at start. Prints two documents at
 * once for the whole app: a burst of requests waits its turn.
 */
export abstract class DocumentJob<P extends object> implements OnApplicationBootstrap {
  readonly kind: JobKind<P>;
  private readonly logger: Logger;

  protected constructor(
    protected readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly spec: DocumentJobSpec<P>,
  ) {
    this.logger = new Logger(spec.label);
    this.kind = {
      name: spec.name,
      payload: spec.payload,
      concurrency: 2,
      key: (job) => String(spec.idOf(job)),
      handle: (job, context) => this.run(spec.idOf(job), context),
      failed: (job, cause) => this.fail(spec.idOf(job), cause === 'interrupted' ? spec.messages.interrupted : spec.messages.failed),
    };
    queue.register(this.kind);
  }

  /** Prints the record's document and stores it, or calls `fail` with why it cannot. Throw JobInterruptedError when `context.signal` aborts. */
  protected abstract produce(id: number, context: JobContext): Promise<void>;

  /** Rows left running with no job on the queue (a lost job) cannot finish: say so. */
  async onApplicationBootstrap(): Promise<void> {
    const inFlight = [...(await this.queue.inFlightKeys(this.kind))].map(Number);
    await this.db.query(
      `UPDATE ${this.spec.table} SET status = 'failed', message = $1, finished_at = now() WHERE status = 'running' AND ${this.spec.keyColumn} <> ALL($2::int[])`,
      [this.spec.messages.interrupted, inFlight],
    );
  }

  /** Queues the job inside the caller's transaction (the row saying "running" and its job commit together). */
  send(manager: EntityManager, id: number): Promise<string> {
    return this.queue.send(this.kind, this.spec.payloadOf(id), { manager });
  }

  wake(): void {
    this.queue.wake(this.kind);
  }

  protected async fail(id: number, message: Localized): Promise<void> {
    await this.db.query(
      `UPDATE ${this.spec.table} SET status = 'failed', message = $2, finished_at = now() WHERE ${this.spec.keyColumn} = $1 AND status = 'running'`,
      [id, message],
    );
  }

  private async run(id: number, context: JobContext): Promise<void> {
    const [row]: { status: string }[] = await this.db.query(`SELECT status FROM ${this.spec.table} WHERE ${this.spec.keyColumn} = $1`, [id]);
    if (row?.status !== 'running') return;
    try {
      await this.produce(id, context);
    } catch (error) {
      if (context.signal.aborted || error instanceof JobInterruptedError) throw new JobInterruptedError();
      this.logger.error(`${this.spec.name} ${id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await this.fail(id, error instanceof ApiException ? this.spec.explain(error.localized) : this.spec.messages.failed);
    }
  }
}
