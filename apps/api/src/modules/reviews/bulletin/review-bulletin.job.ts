import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Localized } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../../../engine/errors/api.exception';
import { type JobContext, JobInterruptedError, type JobKind } from '../../../engine/jobs/job-kind';
import { JobQueue } from '../../../engine/jobs/job-queue.service';
import { pageNumbers } from '../../../engine/pdf/html/print-document';
import { html } from '../../../engine/pdf/html/safe-html';
import { PdfRenderer } from '../../../engine/pdf/pdf-renderer.service';
import { bulletinFailedMessage, REVIEW_MESSAGES } from '../reviews-messages';
import { loadBulletin } from './review-bulletin.data';
import { bulletinDocument, bulletinFileName } from './review-bulletin.html';
import { ReviewBulletinPayload } from './review-bulletin.payload';

/**
 * Prints an issued quarterly review's bulletin on the job queue, as the inspection report
 * is printed: reads the review's frozen snapshot, renders it (PdfRenderer, A4 landscape,
 * page numbers), and only then stores the PDF on the review's review_bulletins row and marks
 * it done. A failure stores nothing and marks the row failed with the reason.
 */
@Injectable()
export class ReviewBulletinJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReviewBulletins');

  readonly kind: JobKind<ReviewBulletinPayload> = {
    name: 'review-bulletin',
    payload: ReviewBulletinPayload,
    // The renderer prints two pages at once for the whole app; a burst of requests waits its turn.
    concurrency: 2,
    key: (job) => String(job.reviewId),
    handle: (job, context) => this.run(job.reviewId, context),
    failed: (job, cause) => this.fail(job.reviewId, cause === 'interrupted' ? REVIEW_MESSAGES.bulletinInterrupted : REVIEW_MESSAGES.bulletinFailed),
  };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly renderer: PdfRenderer,
    private readonly queue: JobQueue,
  ) {
    queue.register(this.kind);
  }

  /** Bulletins left running with no job on the queue (a lost job) cannot finish: say so. */
  async onApplicationBootstrap(): Promise<void> {
    const inFlight = [...(await this.queue.inFlightKeys(this.kind))].map(Number);
    await this.db.query(
      `UPDATE review_bulletins SET status = 'failed', message = $1, finished_at = now() WHERE status = 'running' AND review_id <> ALL($2::int[])`,
      [REVIEW_MESSAGES.bulletinInterrupted, inFlight],
    );
  }

  /** Queues the job inside the caller's transaction (the row saying "running" and its job commit together). */
  send(manager: EntityManager, reviewId: number): Promise<string> {
    return this.queue.send(this.kind, { reviewId }, { manager });
  }

  wake(): void {
    this.queue.wake(this.kind);
  }

  private async run(reviewId: number, context: JobContext): Promise<void> {
    const [bulletin]: { status: string }[] = await this.db.query(`SELECT status FROM review_bulletins WHERE review_id = $1`, [reviewId]);
    if (bulletin?.status !== 'running') return;
    try {
      const data = await this.db.transaction('REPEATABLE READ', (manager) => loadBulletin(manager, reviewId));
      if (data?.status !== 'issued' || data.kind !== 'quarterly') return await this.fail(reviewId, REVIEW_MESSAGES.bulletinNotIssued);
      const pdf = await this.renderer.render(bulletinDocument(data), { landscape: true, header: html`${data.title}`, footer: pageNumbers() });
      if (context.signal.aborted) throw new JobInterruptedError();
      await this.db.query(
        `UPDATE review_bulletins SET status = 'done', data = $2, file_name = $3, message = NULL, finished_at = now() WHERE review_id = $1 AND status = 'running'`,
        [reviewId, pdf, bulletinFileName(data)],
      );
    } catch (error) {
      if (context.signal.aborted) throw new JobInterruptedError();
      this.logger.error(`bulletin of review ${reviewId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await this.fail(reviewId, error instanceof ApiException ? bulletinFailedMessage(error.localized) : REVIEW_MESSAGES.bulletinFailed);
    }
  }

  private async fail(reviewId: number, message: Localized): Promise<void> {
    await this.db.query(
      `UPDATE review_bulletins SET status = 'failed', message = $2, finished_at = now() WHERE review_id = $1 AND status = 'running'`,
      [reviewId, message],
    );
  }
}
