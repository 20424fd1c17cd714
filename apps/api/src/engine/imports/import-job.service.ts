import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { importResource } from '@zizhu/imports';
import type {
  ImportColumn,
  ImportCounts,
  ImportJob,
  ImportMode,
  ImportStatus,
  Localized,
  ResourceDeclaration,
  SessionUser,
} from '@zizhu/schema';
import { rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { ApiException } from '../errors/api.exception';
import type { Locale } from '../errors/locale';
import { findResource } from '../metadata/resource-registry';
import { whereClause } from '../rest/list-query';
import { readScope } from '../scope/scope';
import { commitRows } from './import-commit';
import { buildMatchContext, matchIntoOutcomes, matchRows, OUTCOMES_TABLE, type RowCounts } from './import-matching';
import { IMPORT_MESSAGES } from './import-messages';
import { isImportable } from '../schema/resource-schema.builder';
import { detectHeader, HEADER_SEARCH_ROWS, importableFields } from './header-detection';
import { stageRows } from './import-staging';
import { loadLookups } from './reference-lookup';
import { RowValidator } from './row-validator';
import { readSheet, type SheetKind, type SheetRow } from './sheet-reader';
import { sheetSize, type SheetSize } from './xlsx-dimension';
import { dropOldStagedRows, endedLongAgo, expireIdleJobs, removeOldUploads } from './import-leftovers';
import { IMPORT_LIMITS, ImportLimitError, type ImportLimitName, limitMessage, ReadCancelledError } from './import-limits';

const PROGRESS_EVERY_MS = 500;
const SWEEP_EVERY_MS = 3_600_000;
/** Matching sorts and hashes up to millions of staged rows: more than the default 4 MB. */
const COMMIT_WORK_MEM = '64MB';
export const MAX_LISTED_ERRORS = 1_000;

interface JobRow {
  id: number;
  resource: string;
  file_name: string;
  mode: ImportMode;
  status: ImportStatus;
  all_or_nothing: boolean;
  counts: ImportCounts | null;
  progress: ImportJob['progress'] | null;
  mapping: ImportJob['mapping'] | null;
  message: Localized | null;
  started_at: Date;
  finished_at: Date | null;
  scope_path: string;
  user_id: number;
}

interface Upload {
  path: string;
  kind: SheetKind;
}

const EMPTY_COUNTS: ImportCounts = { total: 0, valid: 0, invalid: 0, new: 0, toUpdate: 0, unchanged: 0, inserted: 0, updated: 0 };

/**
 * Import jobs: a file is read as a stream, each row validated by the resource's own rules,
 * staged with COPY, matched against stored data set-based, and committed in one
 * transaction on request. Jobs run in the background of this process; their state lives in
 * the `imports` table, so any request (or a restart) can see where they are.
 */
@Injectable()
export class ImportJobService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Imports');
  private readonly uploads = new Map<number, Upload>();
  /** Aborting a job's controller stops its file read between two chunks. */
  private readonly reading = new Map<number, AbortController>();
  private readonly running = new Map<number, Promise<void>>();
  private sweeper?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Jobs that were running when the process stopped cannot resume: say so, and drop their rows; then sweep. */
  async onApplicationBootstrap(): Promise<void> {
    const [interrupted]: [{ id: number }[], number] = await this.db.query(
      `UPDATE imports SET status = 'failed', message = $1, finished_at = now() WHERE status IN ('validating', 'committing') RETURNING id`,
      [IMPORT_MESSAGES.interrupted],
    );
    if (interrupted.length) await this.db.query(`DELETE FROM import_rows WHERE import_id = ANY($1::int[])`, [interrupted.map((j) => j.id)]);
    await this.sweep();
    clearInterval(this.sweeper);
    this.sweeper = setInterval(() => void this.sweep().catch((error: Error) => this.logger.error(error.message)), SWEEP_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /**
   * Personal data outlives a job by a day at most: validated jobs nobody committed in a day
   * are cancelled (rows and file deleted); the failing rows a committed job keeps for its
   * error workbook go a day after the commit; files a job still held (a failed job waiting
   * for its mapping) and upload files nobody owns go once a day old.
   */
  async sweep(): Promise<void> {
    for (const id of await expireIdleJobs(this.db)) await this.dropStaged(id);
    await dropOldStagedRows(this.db);
    for (const id of await endedLongAgo(this.db, [...this.uploads.keys()])) await this.forgetUpload(id);
    await removeOldUploads();
  }

  importable(name: string, mode: ImportMode, user: SessionUser): ResourceDeclaration {
    const resource = findResource(name);
    if (!resource || !isImportable(resource)) {
      throw new ApiException('VALIDATION_FAILED', IMPORT_MESSAGES.notImportable, { resource: IMPORT_MESSAGES.notImportable });
    }
    const needs = mode === 'insert' ? ['create'] : mode === 'update' ? ['update'] : ['create', 'update'];
    if (!needs.every((action) => resource.access[action as 'create' | 'update'].includes(user.role))) throw ApiException.forbidden();
    return resource;
  }

  async start(user: SessionUser, resource: ResourceDeclaration, fileName: string, upload: Upload, mode: ImportMode): Promise<number> {
    const mapping = await this.headerAtUpload(resource, upload);
    const [{ id }] = await this.db.query(
      `INSERT INTO imports (started_at, user_id, resource, file_name, mode, status, counts, progress, scope_path)
       VALUES (now(), $1, $2, $3, $4, 'validating', $5, $6, $7) RETURNING id`,
      [user.id, resource.name, fileName, mode, EMPTY_COUNTS, { rowsRead: 0, totalRows: null, percent: 0 }, user.scopePath],
    );
    this.uploads.set(id, upload);
    this.reading.set(id, new AbortController());
    this.launch(id, () => this.validate(id, resource, user, mode, upload, mapping));
    return id;
  }

  /**
   * The header row, found while the upload request is still open: a file that cannot be
   * read or has no recognisable header is refused at once (422 on `file`), not turned into
   * a job that fails a moment later. Only the first rows are read.
   */
  private async headerAtUpload(resource: ResourceDeclaration, upload: Upload): Promise<ImportJob['mapping']> {
    const head: SheetRow[] = [];
    const rows = readSheet(upload);
    try {
      while (head.length < HEADER_SEARCH_ROWS) {
        const next = await rows.next();
        if (next.done) break;
        head.push(next.value);
      }
    } catch (error) {
      throw ApiException.validation({ file: error instanceof ImportLimitError ? error.localized : IMPORT_MESSAGES.unreadable });
    } finally {
      await rows.return(undefined);
    }
    const detected = detectHeader(resource, head);
    if (!detected) throw ApiException.validation({ file: IMPORT_MESSAGES.noHeader(resource) });
    const declared = upload.kind === 'xlsx' ? await sheetSize(upload.path) : null;
    const past = declared?.exact ? beyondLimits(declared) : null;
    if (past) throw ApiException.validation({ file: limitMessage(past) });
    return detected;
  }

  async remap(id: number, user: SessionUser, columns: Record<string, string | null>): Promise<void> {
    const job = await this.find(id, user);
    const upload = this.uploads.get(id);
    if (!upload || !['validated', 'failed'].includes(job.status) || !job.mapping) {
      throw ApiException.validation({ columns: IMPORT_MESSAGES.notValidated });
    }
    const resource = this.importable(job.resource, job.mode, user);
    const allowed = new Set(importableFields(resource).map(([key]) => key));
    const mapping: ImportColumn[] = job.mapping.columns.map((column) => {
      const wanted = String(column.index) in columns ? columns[String(column.index)] : column.field;
      if (wanted !== null && !allowed.has(wanted)) {
        throw ApiException.validation({ columns: { zh: `没有“${wanted}”这一项`, en: `No field "${wanted}"` } });
      }
      return { ...column, field: wanted };
    });
    const claimed = await this.claim(id, ['validated', 'failed'], `status = 'validating', message = NULL, finished_at = NULL, counts = $2, progress = $3`, [
      EMPTY_COUNTS,
      { rowsRead: 0, totalRows: null, percent: 0 },
    ]);
    if (!claimed) throw ApiException.validation({ columns: IMPORT_MESSAGES.notValidated });
    this.reading.set(id, new AbortController());
    this.launch(id, () => this.validate(id, resource, user, job.mode, upload, { headerRow: job.mapping!.headerRow, columns: mapping }));
  }

  async cancel(id: number, user: SessionUser): Promise<void> {
    const job = await this.find(id, user);
    if (job.status === 'committing' || job.status === 'committed') {
      throw ApiException.validation({ status: { zh: '导入已提交，不能取消', en: 'The import is already being committed' } });
    }
    this.reading.get(id)?.abort();
    await this.running.get(id);
    if (!(await this.claim(id, ['validating', 'validated', 'failed'], `status = 'cancelled', finished_at = now()`, []))) {
      throw ApiException.validation({ status: { zh: '导入已提交，不能取消', en: 'The import is already being committed' } });
    }
    await this.dropStaged(id);
  }

  async commit(id: number, user: SessionUser, allOrNothing: boolean): Promise<void> {
    const job = await this.find(id, user);
    if (job.status === 'committing' || job.status === 'committed') throw new ApiException('IN_USE', IMPORT_MESSAGES.alreadyCommitting);
    if (job.status !== 'validated' || !job.mapping) throw new ApiException('VALIDATION_FAILED', IMPORT_MESSAGES.notValidated);
    const resource = this.importable(job.resource, job.mode, user);
    const ctx = buildMatchContext(id, resource, job.mode, user, job.mapping.columns);
    const invalid = job.counts?.invalid ?? 0;
    if (allOrNothing && invalid > 0) {
      const message = IMPORT_MESSAGES.allOrNothingRefused(invalid);
      await this.db.query(`UPDATE imports SET all_or_nothing = true, message = $2 WHERE id = $1`, [id, message]);
      throw new ApiException('VALIDATION_FAILED', message);
    }
    // Claimed in one statement: of parallel commits exactly one starts, the others get 409.
    if (!(await this.claim(id, ['validated'], `status = 'committing', all_or_nothing = $2, message = NULL`, [allOrNothing]))) {
      throw new ApiException('IN_USE', IMPORT_MESSAGES.alreadyCommitting);
    }
    this.launch(id, async () => {
      const refused = await this.db.transaction(async (manager) => {
        await manager.query(`SET LOCAL work_mem = '${COMMIT_WORK_MEM}'`);
        await matchIntoOutcomes(manager, ctx);
        const counts = await matchRows(manager, ctx, OUTCOMES_TABLE);
        if (allOrNothing && counts.invalid > 0) return { counts, message: IMPORT_MESSAGES.allOrNothingRefused(counts.invalid) };
        const written = await commitRows(manager, ctx, user);
        await manager.query(
          `UPDATE imports SET status = 'committed', finished_at = now(), counts = $2 WHERE id = $1`,
          [id, { ...toCounts(counts), ...written }],
        );
        return null;
      });
      if (refused) {
        // Data changed since validation and now a row fails: nothing was written.
        await this.db.query(`UPDATE imports SET status = 'validated', counts = $2, message = $3 WHERE id = $1`, [
          id,
          toCounts(refused.counts),
          refused.message,
        ]);
        return;
      }
      // Committed rows live on in their table; the staging copy of their personal data goes.
      // The failing rows stay for the error workbook.
      await this.db.query(
        `DELETE FROM import_rows r WHERE r.import_id = $1
           AND NOT EXISTS (SELECT 1 FROM import_errors e WHERE e.import_id = r.import_id AND e.row_number = r.row_number)`,
        [id],
      );
      await this.forgetUpload(id);
    });
  }

  async describe(id: number, user: SessionUser, locale: Locale): Promise<ImportJob> {
    const job = await this.find(id, user);
    const resource = findResource(job.resource);
    const errors: { row: number; column: string; message_zh: string; message_en: string }[] = await this.db.query(
      `SELECT row_number AS row, column_header AS column, message_zh, message_en FROM import_errors
        WHERE import_id = $1 ORDER BY row_number, id LIMIT ${MAX_LISTED_ERRORS}`,
      [id],
    );
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM import_errors WHERE import_id = $1`, [id]);
    return {
      id: job.id,
      resource: job.resource,
      fileName: job.file_name,
      mode: job.mode,
      status: job.status,
      progress: job.progress ?? { rowsRead: 0, totalRows: null, percent: 0 },
      counts: job.counts ?? EMPTY_COUNTS,
      mapping: job.mapping ?? { headerRow: 0, columns: [] },
      fields: resource
        ? importableFields(resource).map(([key, f]) => ({ key, label: f.label[locale], required: !!f.required && !f.readOnly }))
        : [],
      errors: errors.map((e) => ({ row: e.row, column: e.column, message: locale === 'zh' ? e.message_zh : e.message_en })),
      errorCount: n,
      allOrNothing: job.all_or_nothing,
      message: job.message ? job.message[locale] : null,
      createdAt: job.started_at.toISOString(),
      startedAt: job.started_at.toISOString(),
      userId: job.user_id,
      finishedAt: job.finished_at?.toISOString() ?? null,
    };
  }

  /** The job, if the user's region covers it (else 404, like any out-of-scope read). */
  async find(id: number, user: SessionUser): Promise<JobRow> {
    const params: unknown[] = [];
    const where = whereClause([{ kind: 'eq', column: 'id', value: id }, ...readScope(importResource, user)], params);
    const [job] = await this.db.query(`SELECT * FROM imports t WHERE ${where}`, params);
    if (!job) throw ApiException.notFound();
    return job;
  }

  /**
   * Moves the job on only from one of the given states, in one statement, so two requests
   * racing for it cannot both win. `set` may use $2… for `params`.
   */
  private async claim(id: number, from: ImportStatus[], set: string, params: unknown[]): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE imports SET ${set} WHERE id = $1 AND status = ANY($${params.length + 2}::text[])`,
      [id, ...params, from],
    );
    return count === 1;
  }

  /** Resolves when the job's current background step has finished (tests, shutdown). */
  settled(id: number): Promise<void> {
    return this.running.get(id) ?? Promise.resolve();
  }

  private launch(id: number, work: () => Promise<void>): void {
    const run = work()
      .catch(async (error: unknown) => {
        if (error instanceof ReadCancelledError) return; // cancel() finishes the job
        if (!(error instanceof ImportLimitError)) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        const message =
          error instanceof ImportLimitError ? error.localized : error instanceof SheetReadError ? IMPORT_MESSAGES.unreadable : IMPORT_MESSAGES.internal;
        await this.finish(id, 'failed', message).catch(() => undefined);
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
  }

  private async validate(
    id: number,
    resource: ResourceDeclaration,
    user: SessionUser,
    mode: ImportMode,
    upload: Upload,
    mapping: ImportJob['mapping'] | null,
  ): Promise<void> {
    await this.db.query(`DELETE FROM import_rows WHERE import_id = $1`, [id]);
    await this.db.query(`DELETE FROM import_errors WHERE import_id = $1`, [id]);
    let fraction = 0;
    const reading = this.reading.get(id) ?? new AbortController();
    // One iterator, read by hand: leaving a for-await loop would close the file stream.
    const rows = readingErrorsMarked(readSheet({ ...upload, signal: reading.signal, onProgress: (f) => (fraction = f) }));
    const head: SheetRow[] = [];
    while (head.length < HEADER_SEARCH_ROWS) {
      const next = await rows.next();
      if (next.done) break;
      head.push(next.value);
      if (mapping && next.value.number >= mapping.headerRow) break;
    }
    if (!mapping) {
      const detected = detectHeader(resource, head);
      if (!detected) {
        await rows.return(undefined);
        return this.finish(id, 'failed', IMPORT_MESSAGES.noHeader(resource), { keepUpload: true });
      }
      mapping = detected;
    }
    await this.db.query(`UPDATE imports SET mapping = $2 WHERE id = $1`, [id, mapping]);
    const ctx = buildMatchContext(id, resource, mode, user, mapping.columns);
    if (!ctx.dataKeys.includes(resource.businessKey![0])) {
      await rows.return(undefined);
      // The mapping can be fixed (PUT …/mapping) and the file read again: it is kept.
      return this.finish(id, 'failed', IMPORT_MESSAGES.noBusinessKeyColumn(resource.fields[resource.businessKey![0]].label), { keepUpload: true });
    }
    const lookups = await loadLookups(this.db.manager, resource, mapping.columns.map((c) => c.field).filter((f): f is string => !!f), user);
    const validator = new RowValidator(resource, mapping.columns, lookups, user);
    const headerRow = mapping.headerRow;
    // Progress: rows against the sheet's declared (or estimated) size for .xlsx, whose bytes
    // are read well ahead of its rows; the share of bytes read for .csv, parsed as it is read.
    const sheet = upload.kind === 'xlsx' ? await sheetSize(upload.path) : null;
    const expectedRows = sheet ? Math.max(sheet.lastRow - headerRow, 1) : null;
    const estimated = sheet ? !sheet.exact : undefined;
    const percent = (rowsRead: number) =>
      Math.min(99, Math.floor(expectedRows ? (rowsRead / expectedRows) * 100 : fraction * 100));

    let lastProgress = Date.now();
    const staged = await stageRows(this.db, {
      importId: id,
      rows,
      head,
      headerRow,
      validator,
      isCancelled: () => reading.signal.aborted,
      onRows: async (rowsRead) => {
        if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = Date.now();
        await this.db.query(`UPDATE imports SET progress = $2 WHERE id = $1`, [id, {
          rowsRead,
          // An estimate may fall short: the total then follows the rows read.
          totalRows: expectedRows && Math.max(expectedRows, rowsRead),
          estimated,
          percent: percent(rowsRead),
        }]);
      },
    });
    if (staged.cancelled) return;
    const { rowsRead } = staged;
    const counts = await this.db.transaction(async (manager) => {
      await manager.query(`SET LOCAL work_mem = '${COMMIT_WORK_MEM}'`);
      return matchRows(manager, ctx);
    });
    await this.db.query(
      `UPDATE imports SET status = 'validated', counts = $2, progress = $3, finished_at = now() WHERE id = $1 AND status = 'validating'`,
      [id, toCounts(counts), { rowsRead, totalRows: rowsRead, percent: 100 }],
    );
  }

  /** A failed job keeps no staged rows (nor, unless its mapping may still be fixed, its file). */
  private async finish(id: number, status: 'failed', message: Localized, options: { keepUpload?: boolean } = {}): Promise<void> {
    await this.db.query(`UPDATE imports SET status = $2, message = $3, finished_at = now() WHERE id = $1`, [id, status, message]);
    if (options.keepUpload) await this.db.query(`DELETE FROM import_rows WHERE import_id = $1`, [id]);
    else await this.dropStaged(id);
  }

  /** The job's staged rows (ID numbers, phones in plain text) and its upload file. Errors stay: they hold no values. */
  private async dropStaged(id: number): Promise<void> {
    await this.db.query(`DELETE FROM import_rows WHERE import_id = $1`, [id]);
    await this.forgetUpload(id);
  }

  private async forgetUpload(id: number): Promise<void> {
    const upload = this.uploads.get(id);
    this.uploads.delete(id);
    this.reading.delete(id);
    if (upload) await rm(upload.path, { force: true });
  }
}

/** A failure of the file itself (not of the database): the user is told the file is bad. */
class SheetReadError extends Error {}

async function* readingErrorsMarked(rows: AsyncGenerator<SheetRow>): AsyncGenerator<SheetRow> {
  try {
    yield* rows;
  } catch (error) {
    if (error instanceof ImportLimitError || error instanceof ReadCancelledError) throw error;
    throw new SheetReadError(error instanceof Error ? error.message : String(error));
  }
}

/** The limit a sheet's declared size (`<dimension>`) goes past, if any. */
function beyondLimits(size: SheetSize): ImportLimitName | null {
  if (size.lastRow > IMPORT_LIMITS.rows) return 'rows';
  if ((size.lastColumn ?? 0) > IMPORT_LIMITS.columns) return 'columns';
  return null;
}

function toCounts(counts: RowCounts): ImportCounts {
  const valid = counts.new + counts.update + counts.unchanged;
  return { ...EMPTY_COUNTS, total: valid + counts.invalid, valid, invalid: counts.invalid, new: counts.new, toUpdate: counts.update, unchanged: counts.unchanged };
}

