import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Localized } from '@zizhu/schema';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../../../engine/errors/api.exception';
import { type JobContext, JobInterruptedError, type JobKind } from '../../../engine/jobs/job-kind';
import { JobQueue } from '../../../engine/jobs/job-queue.service';
import { pageNumbers } from '../../../engine/pdf/html/print-document';
import { PdfRenderer } from '../../../engine/pdf/pdf-renderer.service';
import { type InspectionReportData, loadInspectionReport } from './inspection-report.data';
import { inspectionReportDocument, reportHeader } from './inspection-report.html';
import { failedMessage, REPORT_MESSAGES } from './inspection-report-messages';
import { InspectionReportPayload } from './inspection-report.payload';

/** The name a report is saved and downloaded under: 督查检查报告-玉林市第一中学-2026-04-18.pdf. */
export function reportFileName(data: Pick<InspectionReportData, 'school' | 'submittedAt'>): string {
  const date = data.submittedAt ? new Date(new Date(data.submittedAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '';
  return `督查检查报告-${data.school.name}${date && `-${date}`}.pdf`.replace(/[\\/:*?"<>|\s]+/g, '');
}

/**
 * Writes an inspection's report on the job queue: reads the inspection, its checklist and
 * its findings in one snapshot, prints them (PdfRenderer), and only then, in one
 * transaction, stores the PDF as a file linked to the inspection (so whoever reads the
 * inspection may download it), points `report_file_id` at it, removes the report it
 * replaces and marks the row done with the basis it was made from. A failure stores nothing:
 * no partial file, the previous report (if any) untouched, the row failed with the reason.
 */
@Injectable()
export class InspectionReportJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('InspectionReports');

  readonly kind: JobKind<InspectionReportPayload> = {
    name: 'inspection-report',
    payload: InspectionReportPayload,
    // The renderer prints two pages at once for the whole app; a burst of requests waits its turn.
    concurrency: 2,
    key: (job) => String(job.inspectionId),
    handle: (job, context) => this.run(job.inspectionId, context),
    failed: (job, cause) => this.fail(job.inspectionId, cause === 'interrupted' ? REPORT_MESSAGES.interrupted : REPORT_MESSAGES.failed),
  };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly renderer: PdfRenderer,
    private readonly queue: JobQueue,
  ) {
    queue.register(this.kind);
  }

  /** Reports left running with no job on the queue (a lost job) cannot finish: say so. */
  async onApplicationBootstrap(): Promise<void> {
    const inFlight = [...(await this.queue.inFlightKeys(this.kind))].map(Number);
    await this.db.query(
      `UPDATE inspection_reports SET status = 'failed', message = $1, finished_at = now() WHERE status = 'running' AND inspection_id <> ALL($2::int[])`,
      [REPORT_MESSAGES.interrupted, inFlight],
    );
  }

  /** Queues the job inside the caller's transaction (the row saying "running" and its job commit together). */
  send(manager: EntityManager, inspectionId: number): Promise<string> {
    return this.queue.send(this.kind, { inspectionId }, { manager });
  }

  wake(): void {
    this.queue.wake(this.kind);
  }

  private async run(inspectionId: number, context: JobContext): Promise<void> {
    const [report]: { status: string; requestedBy: number }[] = await this.db.query(
      `SELECT status, requested_by AS "requestedBy" FROM inspection_reports WHERE inspection_id = $1`,
      [inspectionId],
    );
    if (report?.status !== 'running') return;
    try {
      const data = await this.db.transaction('REPEATABLE READ', (manager) => loadInspectionReport(manager, inspectionId));
      if (data?.status !== 'submitted') return await this.fail(inspectionId, REPORT_MESSAGES.notSubmitted);
      const pdf = await this.renderer.render(inspectionReportDocument(data), { header: reportHeader(data), footer: pageNumbers() });
      if (context.signal.aborted) throw new JobInterruptedError();
      await this.store(data, pdf, report.requestedBy);
    } catch (error) {
      if (context.signal.aborted) throw new JobInterruptedError();
      this.logger.error(`report of inspection ${inspectionId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await this.fail(inspectionId, error instanceof ApiException ? failedMessage(error.localized) : REPORT_MESSAGES.failed);
    }
  }

  private async store(data: InspectionReportData, pdf: Buffer, requestedBy: number): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [report] = await manager.query(`SELECT status FROM inspection_reports WHERE inspection_id = $1 FOR UPDATE`, [data.id]);
      if (report?.status !== 'running') return;
      const [inspection]: { reportFileId: number | null; scopePath: string }[] = await manager.query(
        `SELECT report_file_id AS "reportFileId", scope_path AS "scopePath" FROM inspections WHERE id = $1 FOR UPDATE`,
        [data.id],
      );
      const [file]: { id: number }[] = await manager.query(
        `INSERT INTO files (name, content_type, size, sha256, uploaded_by, uploaded_at, resource, record_id, scope_path)
         VALUES ($1, 'application/pdf', $2, $3, $4, now(), 'inspections', $5, $6) RETURNING id`,
        [reportFileName(data), pdf.length, createHash('sha256').update(pdf).digest('hex'), requestedBy, String(data.id), inspection.scopePath],
      );
      await manager.query(`INSERT INTO file_contents (file_id, data) VALUES ($1, $2)`, [file.id, pdf]);
      // Not a change of the inspection's answers: its version (what editors lock on) stays.
      await manager.query(`UPDATE inspections SET report_file_id = $2 WHERE id = $1`, [data.id, file.id]);
      if (inspection.reportFileId !== null) await manager.query(`DELETE FROM files WHERE id = $1`, [inspection.reportFileId]);
      await manager.query(
        `UPDATE inspection_reports SET status = 'done', basis = $2, message = NULL, finished_at = now() WHERE inspection_id = $1`,
        [data.id, data.basis],
      );
    });
  }

  private async fail(inspectionId: number, message: Localized): Promise<void> {
    await this.db.query(
      `UPDATE inspection_reports SET status = 'failed', message = $2, finished_at = now() WHERE inspection_id = $1 AND status = 'running'`,
      [inspectionId, message],
    );
  }
}
