import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { exportJobResource } from '@zizhu/imports';
import type { ExportJob, ExportJobStatus, Localized, ResourceDeclaration, SessionUser } from '@zizhu/schema';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApiException } from '../errors/api.exception';
import type { Locale } from '../errors/locale';
import { type JobContext, JobInterruptedError, type JobKind } from '../jobs/job-kind';
import { sessionUserPayload } from '../jobs/job-payload';
import { JobQueue } from '../jobs/job-queue.service';
import { findResource } from '../metadata/resource-registry';
import { whereClause } from '../rest/list-query';
import { readScope } from '../scope/scope';
import type { CsvEncoding } from './csv-sheet.writer';
import { exportDate } from './export-columns';
import type { ExportFormat } from './export-format';
import { exportRequest } from './export-request';
import { ExportJobPayload } from './export-job.payload';
import { type ExportRequest, ResourceExporter } from './resource-exporter.service';

/** Where finished export files wait for their download. */
export const EXPORT_DIR = join(tmpdir(), 'zizhu-exports');
/** Files older than this are removed when the next job starts. */
export const EXPORT_FILE_MAX_AGE_MS = 24 * 60 * 60_000;

const MESSAGES = {
  failed: { zh: '导出失败，请稍后重试', en: 'The export failed: try again later' },
  interrupted: { zh: '服务重启，导出中断，请重新导出', en: 'The server restarted during the export: start it again' },
} satisfies Record<string, Localized>;

export interface ExportJobRow {
  id: number;
  resource: string;
  format: ExportFormat;
  encoding: CsvEncoding;
  file_name: string;
  status: ExportJobStatus;
  progress: ExportJob['progress'] | null;
  message: Localized | null;
  started_at: Date;
  finished_at: Date | null;
  scope_path: string;
  user_id: number;
}

/** Id plus start time: ids restart in every database (dev server, test runs) sharing the
 * machine's temp dir, the pair does not. */
export function exportFilePath(job: Pick<ExportJobRow, 'id' | 'format' | 'started_at'>): string {
  return join(EXPORT_DIR, `${job.id}-${new Date(job.started_at).getTime()}.${job.format}`);
}

/**
 * Large exports as background jobs on the queue: the same export as `GET /:resource/export`,
 * written to a file in the temp dir, with progress kept in the `export_jobs` table (so any
 * request, on any instance, sees where a job is) and a download once it is done. A job
 * interrupted by a restart is written again from the start.
 */
@Injectable()
export class ExportJobService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ExportJobs');

  private readonly exportJob: JobKind<ExportJobPayload> = {
    name: 'export-file',
    payload: ExportJobPayload,
    // As many as ResourceExporter runs at once; more would only wait for its slots.
    concurrency: 3,
    key: (job) => String(job.exportJobId),
    handle: (job, context) => this.run(job, context),
    failed: (job, cause) => this.fail(job.exportJobId, cause === 'interrupted' ? MESSAGES.interrupted : MESSAGES.failed),
  };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly exporter: ResourceExporter,
    private readonly queue: JobQueue,
  ) {
    queue.register(this.exportJob);
  }

  /** Jobs left running with no job on the queue (an older release's, a lost one) cannot finish: say so. */
  async onApplicationBootstrap(): Promise<void> {
    const inFlight = [...(await this.queue.inFlightKeys(this.exportJob))].map(Number);
    await this.db.query(
      `UPDATE export_jobs SET status = 'failed', message = $1, finished_at = now() WHERE status = 'running' AND id <> ALL($2::int[])`,
      [MESSAGES.interrupted, inFlight],
    );
  }

  async start(resource: ResourceDeclaration, request: ExportRequest, user: SessionUser): Promise<number> {
    await this.removeOldFiles();
    const { format, encoding, locale } = request.options;
    const fileName = `${resource.label[locale]}-${exportDate(new Date())}.${format}`;
    const id = await this.db.transaction(async (manager) => {
      const [{ id }]: { id: number }[] = await manager.query(
        `INSERT INTO export_jobs (started_at, user_id, resource, format, encoding, file_name, status, progress, scope_path)
         VALUES (now(), $1, $2, $3, $4, $5, 'running', $6, $7) RETURNING id`,
        [user.id, resource.name, format, encoding, fileName, { rows: 0, total: 0, percent: 0 }, user.scopePath],
      );
      const payload = {
        exportJobId: id,
        user: sessionUserPayload(user),
        resource: resource.name,
        format,
        encoding,
        locale,
        filter: JSON.stringify(request.filter),
        sort: JSON.stringify(request.sort),
      };
      await this.queue.send(this.exportJob, payload, { manager });
      return id;
    });
    this.queue.wake(this.exportJob);
    return id;
  }

  async describe(id: number, user: SessionUser, locale: Locale): Promise<ExportJob> {
    const job = await this.find(id, user);
    return {
      id: job.id,
      resource: job.resource,
      format: job.format,
      status: job.status,
      progress: job.progress ?? { rows: 0, total: 0, percent: 0 },
      fileName: job.file_name,
      createdAt: job.started_at.toISOString(),
      finishedAt: job.finished_at?.toISOString() ?? null,
      message: job.message ? job.message[locale] : null,
    };
  }

  /** The job, if the user started it or their region covers it (else 404, like any out-of-scope read). */
  async find(id: number, user: SessionUser): Promise<ExportJobRow> {
    const params: unknown[] = [];
    const where = whereClause(
      [
        { kind: 'eq', column: 'id', value: id },
        { kind: 'or', conditions: [{ kind: 'eq', column: 'user_id', value: user.id }, ...readScope(exportJobResource, user)] },
      ],
      params,
    );
    const [job] = await this.db.query(`SELECT * FROM export_jobs t WHERE ${where}`, params);
    if (!job) throw ApiException.notFound();
    return job;
  }

  /** Resolves when the job has finished (tests, benchmarks). */
  async settled(id: number): Promise<void> {
    for (;;) {
      const [job]: { status: string }[] = await this.db.query(`SELECT status FROM export_jobs WHERE id = $1`, [id]);
      if (job?.status !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The job: the export, written to its file; a failure removes the file and says so on the job. */
  private async run(payload: ExportJobPayload, context: JobContext): Promise<void> {
    const id = payload.exportJobId;
    const [job]: ExportJobRow[] = await this.db.query(`SELECT * FROM export_jobs WHERE id = $1`, [id]);
    if (job?.status !== 'running') return;
    const path = exportFilePath(job);
    try {
      const resource = findResource(payload.resource);
      if (!resource) throw new Error(`export job ${id}: no resource ${payload.resource}`);
      const { format, encoding, filter, sort, locale } = payload;
      const request = exportRequest(resource, { format, encoding, filter, sort }, locale);
      await mkdir(EXPORT_DIR, { recursive: true });
      const rows = await this.exporter.exportToFile(resource, request, payload.user, path, async (written, total) => {
        if (context.signal.aborted) throw new JobInterruptedError();
        const percent = total ? Math.min(99, Math.floor((written / total) * 100)) : 0;
        // The total, as soon as it is counted; then at most every PROGRESS_EVERY_MS.
        await context.progress(() => this.db.query(`UPDATE export_jobs SET progress = $2 WHERE id = $1`, [id, { rows: written, total, percent }]), {
          final: written === 0,
        });
      });
      // The total was counted in the export's own snapshot: it is the number of rows written.
      await this.db.query(`UPDATE export_jobs SET status = 'done', progress = $2, finished_at = now() WHERE id = $1`, [
        id,
        { rows, total: rows, percent: 100 },
      ]);
    } catch (error) {
      await rm(path, { force: true }).catch(() => undefined);
      if (context.signal.aborted) throw new JobInterruptedError();
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      await this.fail(id, MESSAGES.failed);
    }
  }

  private async fail(id: number, message: Localized): Promise<void> {
    const [failed]: [ExportJobRow[], number] = await this.db.query(
      `UPDATE export_jobs SET status = 'failed', message = $2, finished_at = now() WHERE id = $1 AND status = 'running' RETURNING *`,
      [id, message],
    );
    for (const job of failed) await rm(exportFilePath(job), { force: true });
  }

  /** Files of jobs started more than 24 hours ago (finished or not: none runs that long). */
  private async removeOldFiles(): Promise<void> {
    const names = await readdir(EXPORT_DIR).catch(() => [] as string[]);
    const cutoff = Date.now() - EXPORT_FILE_MAX_AGE_MS;
    for (const name of names) {
      const path = join(EXPORT_DIR, name);
      try {
        if ((await stat(path)).mtimeMs < cutoff) await rm(path, { force: true });
      } catch {
        // removed meanwhile
      }
    }
  }
}
