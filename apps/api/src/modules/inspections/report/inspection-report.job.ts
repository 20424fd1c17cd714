import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type JobContext, JobInterruptedError } from '../../../engine/jobs/job-kind';
import { JobQueue } from '../../../engine/jobs/job-queue.service';
import { DocumentJob } from '../../../engine/pdf/document-job';
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
 * Writes an inspection's report on the job queue (a DocumentJob): reads the inspection, its
 * checklist and its findings in one snapshot, prints them, and only then, in one
 * transaction, stores the PDF as a file linked to the inspection (so whoever reads the
 * inspection may download it), points `report_file_id` at it, removes the report it
 * replaces and marks the row done with the basis it was made from.
 */
@Injectable()
export class InspectionReportJob extends DocumentJob<InspectionReportPayload> {
  constructor(
    @InjectDataSource() db: DataSource,
    private readonly renderer: PdfRenderer,
    queue: JobQueue,
  ) {
    super(db, queue, {
      name: 'inspection-report',
      payload: InspectionReportPayload,
      idOf: (job) => job.inspectionId,
      payloadOf: (inspectionId) => Object.assign(new InspectionReportPayload(), { inspectionId }),
      table: 'inspection_reports',
      keyColumn: 'inspection_id',
      label: 'InspectionReports',
      messages: { failed: REPORT_MESSAGES.failed, interrupted: REPORT_MESSAGES.interrupted },
      explain: failedMessage,
    });
  }

  protected async produce(inspectionId: number, context: JobContext): Promise<void> {
    const data = await this.db.transaction('REPEATABLE READ', (manager) => loadInspectionReport(manager, inspectionId));
    if (data?.status !== 'submitted') return this.fail(inspectionId, REPORT_MESSAGES.notSubmitted);
    const pdf = await this.renderer.render(inspectionReportDocument(data), { header: reportHeader(data), footer: pageNumbers() });
    if (context.signal.aborted) throw new JobInterruptedError();
    await this.store(data, pdf);
  }

  private async store(data: InspectionReportData, pdf: Buffer): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [report]: { status: string; requestedBy: number }[] = await manager.query(
        `SELECT status, requested_by AS "requestedBy" FROM inspection_reports WHERE inspection_id = $1 FOR UPDATE`,
        [data.id],
      );
      if (report?.status !== 'running') return;
      const [inspection]: { reportFileId: number | null; scopePath: string }[] = await manager.query(
        `SELECT report_file_id AS "reportFileId", scope_path AS "scopePath" FROM inspections WHERE id = $1 FOR UPDATE`,
        [data.id],
      );
      const [file]: { id: number }[] = await manager.query(
        `INSERT INTO files (name, content_type, size, sha256, uploaded_by, uploaded_at, resource, record_id, scope_path)
         VALUES ($1, 'application/pdf', $2, $3, $4, now(), 'inspections', $5, $6) RETURNING id`,
        [reportFileName(data), pdf.length, createHash('sha256').update(pdf).digest('hex'), report.requestedBy, String(data.id), inspection.scopePath],
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
}
