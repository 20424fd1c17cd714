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
import { whereClause } from '../rest/list-query';
import { readScope } from '../scope/scope';
import type { CsvEncoding } from './csv-sheet.writer';
import { exportDate } from './export-columns';
import type { ExportFormat } from './export-format';
import { type ExportRequest, ResourceExporter } from './resource-exporter.service';

/** Where finished export files wait for their download. */
export const EXPORT_DIR = join(tmpdir(), 'zizhu-exports');
/** Files older than this are removed when the next job starts. */
export const EXPORT_FILE_MAX_AGE_MS = 24 * 60 * 60_000;
const PROGRESS_EVERY_MS = 500;

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
 * Large exports as background jobs: the same export as `GET /:resource/export`, written to
 * a file in the temp dir, with progress kept in the `export_jobs` table (so any request,
 * or a restart, sees where a job is) and a download once it is done.
 */
@Injectable()
export class ExportJobService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ExportJobs');
  private readonly running = new Map<number, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly exporter: ResourceExporter,
  ) {}

  /** Jobs that were running when the process stopped cannot resume: say so. */
  async onApplicationBootstrap(): Promise<void> {
    await this.db.query(`UPDATE export_jobs SET status = 'failed', message = $1, finished_at = now() WHERE status = 'running'`, [
      MESSAGES.interrupted,
    ]);
  }

  async start(resource: ResourceDeclaration, request: ExportRequest, user: SessionUser): Promise<number> {
    await this.removeOldFiles();
    const { format, encoding, locale } = request.options;
    const fileName = `${resource.label[locale]}-${exportDate(new Date())}.${format}`;
    const [{ id, started_at }] = await this.db.query(
      `INSERT INTO export_jobs (started_at, user_id, resource, format, encoding, file_name, status, progress, scope_path)
       VALUES (now(), $1, $2, $3, $4, $5, 'running', $6, $7) RETURNING id, started_at`,
      [user.id, resource.name, format, encoding, fileName, { rows: 0, total: 0, percent: 0 }, user.scopePath],
    );
    const path = exportFilePath({ id, format, started_at });
    const run = this.run(id, resource, request, user, path)
      .catch(async (error: unknown) => {
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        await rm(path, { force: true }).catch(() => undefined);
        await this.db
          .query(`UPDATE export_jobs SET status = 'failed', message = $2, finished_at = now() WHERE id = $1`, [id, MESSAGES.failed])
          .catch(() => undefined);
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
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

  /** Resolves when the job has finished (tests, shutdown). */
  settled(id: number): Promise<void> {
    return this.running.get(id) ?? Promise.resolve();
  }

  private async run(id: number, resource: ResourceDeclaration, request: ExportRequest, user: SessionUser, path: string): Promise<void> {
    await mkdir(EXPORT_DIR, { recursive: true });
    let last = 0;
    const rows = await this.exporter.exportToFile(resource, request, user, path, async (written, total) => {
      if (written > 0 && Date.now() - last < PROGRESS_EVERY_MS) return;
      last = Date.now();
      const percent = total ? Math.min(99, Math.floor((written / total) * 100)) : 0;
      await this.db.query(`UPDATE export_jobs SET progress = $2 WHERE id = $1`, [id, { rows: written, total, percent }]);
    });
    // The total was counted in the export's own snapshot: it is the number of rows written.
    await this.db.query(`UPDATE export_jobs SET status = 'done', progress = $2, finished_at = now() WHERE id = $1`, [
      id,
      { rows, total: rows, percent: 100 },
    ]);
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
