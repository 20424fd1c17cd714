import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inspectionResource } from '@zizhu/checks';
import type { Localized, SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../../engine/audit/audit.service';
import { ApiException } from '../../../engine/errors/api.exception';
import type { Locale } from '../../../engine/errors/locale';
import { pdfUnavailable } from '../../../engine/pdf/pdf-errors';
import { missingRequirements, PDF_REQUIREMENTS } from '../../../engine/pdf/pdf-requirements';
import { whereClause } from '../../../engine/rest/list-query';
import { readScope } from '../../../engine/scope/scope';
import { REPORT_BASIS_SQL, REPORT_FROM_SQL } from './inspection-report.data';
import { InspectionReportJob } from './inspection-report.job';
import { REPORT_MESSAGES } from './inspection-report-messages';

/**
 * The report's state as the panel polls it (a JobStatusPayload): `running` while the job is
 * on the queue, `done` when the stored PDF is current, `failed` with the reason, null when
 * none was asked for the inspection as it stands (never, or the stored one is out of date:
 * `outdated`).
 */
export interface InspectionReportStatus {
  status: 'running' | 'done' | 'failed' | null;
  error?: string;
  outdated?: true;
  /** When the current report was written (done). */
  generatedAt?: string;
}

interface ReportState {
  inspectionStatus: string;
  scopePath: string;
  reportFileId: number | null;
  status: 'running' | 'done' | 'failed' | null;
  basis: string | null;
  currentBasis: string;
  message: Localized | null;
  finishedAt: Date | null;
}

/** `NOT_READY` for each state a report can be missing in. */
const NOT_READY: Record<'running' | 'failed' | 'none', Localized> = {
  running: REPORT_MESSAGES.running,
  failed: REPORT_MESSAGES.failed,
  none: REPORT_MESSAGES.notRequested,
};

/**
 * An inspection's printable report, for whoever reads the inspection (its scope; a school
 * its own): ask for it (a job, or at once "done" when the stored one is current), poll its
 * state, download it. Only a submitted inspection has a report.
 */
@Injectable()
export class InspectionReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly job: InspectionReportJob,
    private readonly audit: AuditService,
  ) {}

  /** `done` when the stored report is current; otherwise the job is queued (once: a running one is not queued again). */
  async request(inspectionId: number, user: SessionUser): Promise<InspectionReportStatus> {
    const visible = await this.state(this.db.manager, inspectionId, user);
    if (visible.inspectionStatus !== 'submitted') throw new ApiException('IN_USE', REPORT_MESSAGES.notSubmitted);
    const missing = missingRequirements(PDF_REQUIREMENTS);
    if (missing.length) throw pdfUnavailable(missing);
    const status = await this.db.transaction(async (manager) => {
      // One request at a time per inspection decides whether a job is needed.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('inspection-report'), $1)`, [inspectionId]);
      const state = await this.state(manager, inspectionId, user);
      if (state.status === 'running') return 'running';
      if (isCurrent(state)) return 'done';
      await manager.query(
        `INSERT INTO inspection_reports (inspection_id, status, basis, message, requested_by, requested_at, finished_at)
         VALUES ($1, 'running', NULL, NULL, $2, now(), NULL)
         ON CONFLICT (inspection_id) DO UPDATE SET status = 'running', basis = NULL, message = NULL,
           requested_by = EXCLUDED.requested_by, requested_at = EXCLUDED.requested_at, finished_at = NULL`,
        [inspectionId, user.id],
      );
      await this.job.send(manager, inspectionId);
      return 'queued';
    });
    if (status === 'queued') this.job.wake();
    return { status: status === 'done' ? 'done' : 'running' };
  }

  async describe(inspectionId: number, user: SessionUser, locale: Locale): Promise<InspectionReportStatus> {
    const state = await this.state(this.db.manager, inspectionId, user);
    if (state.status === 'running') return { status: 'running' };
    if (state.status === 'failed') return { status: 'failed', error: (state.message ?? REPORT_MESSAGES.failed)[locale] };
    if (isCurrent(state)) return { status: 'done', generatedAt: state.finishedAt?.toISOString() };
    return state.status === 'done' ? { status: null, outdated: true } : { status: null };
  }

  /** The current report's bytes (each download audited); 409 when the inspection is not submitted or the report not ready. */
  async download(inspectionId: number, user: SessionUser): Promise<{ name: string; data: Buffer }> {
    return this.db.transaction(async (manager) => {
      const state = await this.state(manager, inspectionId, user);
      if (state.inspectionStatus !== 'submitted') throw new ApiException('IN_USE', REPORT_MESSAGES.notSubmitted);
      if (!isCurrent(state)) throw new ApiException('NOT_READY', NOT_READY[state.status === 'running' || state.status === 'failed' ? state.status : 'none']);
      const [file]: { name: string; data: Buffer }[] = await manager.query(
        `SELECT f.name, fc.data FROM files f JOIN file_contents fc ON fc.file_id = f.id WHERE f.id = $1`,
        [state.reportFileId],
      );
      await this.audit.record(manager, user, {
        action: 'download',
        resource: inspectionResource.name,
        recordId: inspectionId,
        scopePath: state.scopePath,
        before: null,
        after: { report: file.name },
      });
      return file;
    });
  }

  /** The inspection (in the user's read scope, else 404) and its report's row. */
  private async state(manager: EntityManager, inspectionId: number, user: SessionUser): Promise<ReportState> {
    const params: unknown[] = [];
    const where = whereClause([{ kind: 'eq', column: 'id', value: inspectionId }, ...readScope(inspectionResource, user)], params, 'i');
    const [row]: ReportState[] = await manager.query(
      `SELECT i.status AS "inspectionStatus", i.scope_path AS "scopePath", i.report_file_id AS "reportFileId",
              r.status, r.basis, ${REPORT_BASIS_SQL} AS "currentBasis", r.message, r.finished_at AS "finishedAt"
         FROM ${REPORT_FROM_SQL}
         LEFT JOIN inspection_reports r ON r.inspection_id = i.id
        WHERE ${where}`,
      params,
    );
    if (!row) throw ApiException.notFound();
    return row;
  }
}

/** The stored report shows the inspection as it stands. */
function isCurrent(state: ReportState): boolean {
  return state.inspectionStatus === 'submitted' && state.status === 'done' && state.reportFileId !== null && state.basis === state.currentBasis;
}
