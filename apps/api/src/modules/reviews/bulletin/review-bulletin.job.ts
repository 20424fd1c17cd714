import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type JobContext, JobInterruptedError } from '../../../engine/jobs/job-kind';
import { JobQueue } from '../../../engine/jobs/job-queue.service';
import { DocumentJob } from '../../../engine/pdf/document-job';
import { pageNumbers } from '../../../engine/pdf/html/print-document';
import { html } from '../../../engine/pdf/html/safe-html';
import { PdfRenderer } from '../../../engine/pdf/pdf-renderer.service';
import { bulletinFailedMessage, REVIEW_MESSAGES } from '../reviews-messages';
import { loadBulletin } from './review-bulletin.data';
import { bulletinDocument, bulletinFileName } from './review-bulletin.html';
import { ReviewBulletinPayload } from './review-bulletin.payload';

/**
 * Prints an issued quarterly review's bulletin on the job queue (a DocumentJob, as the
 * inspection report is printed): reads the review's frozen snapshot, renders it (A4
 * landscape, page numbers), and only then stores the PDF on the review's review_bulletins
 * row and marks it done.
 */
@Injectable()
export class ReviewBulletinJob extends DocumentJob<ReviewBulletinPayload> {
  constructor(
    @InjectDataSource() db: DataSource,
    private readonly renderer: PdfRenderer,
    queue: JobQueue,
  ) {
    super(db, queue, {
      name: 'review-bulletin',
      payload: ReviewBulletinPayload,
      idOf: (job) => job.reviewId,
      payloadOf: (reviewId) => Object.assign(new ReviewBulletinPayload(), { reviewId }),
      table: 'review_bulletins',
      keyColumn: 'review_id',
      label: 'ReviewBulletins',
      messages: { failed: REVIEW_MESSAGES.bulletinFailed, interrupted: REVIEW_MESSAGES.bulletinInterrupted },
      explain: bulletinFailedMessage,
    });
  }

  protected async produce(reviewId: number, context: JobContext): Promise<void> {
    const data = await this.db.transaction('REPEATABLE READ', (manager) => loadBulletin(manager, reviewId));
    if (data?.status !== 'issued' || data.kind !== 'quarterly') return this.fail(reviewId, REVIEW_MESSAGES.bulletinNotIssued);
    const pdf = await this.renderer.render(bulletinDocument(data), { landscape: true, header: html`${data.title}`, footer: pageNumbers() });
    if (context.signal.aborted) throw new JobInterruptedError();
    await this.db.query(
      `UPDATE review_bulletins SET status = 'done', data = $2, file_name = $3, message = NULL, finished_at = now() WHERE review_id = $1 AND status = 'running'`,
      [reviewId, pdf, bulletinFileName(data)],
    );
  }
}
