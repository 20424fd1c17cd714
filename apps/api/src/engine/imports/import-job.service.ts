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
import { access, rename, rm } from 'node:fs/promises';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../errors/api.exception';
import type { Locale } from '../errors/locale';
import { findResource } from '../metadata/resource-registry';
import { whereClause } from '../rest/list-query';
import { readScope } from '../scope/scope';
import { commitRows } from './import-commit';
import { buildMatchContext, type MatchContext, matchIntoOutcomes, matchRows, OUTCOMES_TABLE, type RowCounts } from './import-matching';
import { IMPORT_MESSAGES } from './import-messages';
import { isImportable } from '../schema/resource-schema.builder';
import { detectHeader, HEADER_SEARCH_ROWS, importableFields } from './header-detection';
import { commitWhileReading, type DirectCounts } from './import-direct';
import { type BatchedRows, stageRows } from './import-staging';
import { loadLookups } from './reference-lookup';
import { RowValidator } from './row-validator';
import { readSheet, type SheetKind, sheetKind, type SheetRow } from './sheet-reader';
import { sheetSize, type SheetSize } from './xlsx-dimension';
import { dropOldStagedRows, expireIdleJobs, removeOldUploads } from './import-leftovers';
import { IMPORT_LIMITS, ImportLimitError, type ImportLimitName, limitMessage, ReadCancelledError } from './import-limits';
import { type JobContext, JobInterruptedError, type JobKind } from '../jobs/job-kind';
import { NoPayload, sessionUserPayload } from '../jobs/job-payload';
import { JobQueue } from '../jobs/job-queue.service';
import { ImportCommitPayload, ImportStepPayload } from './import-job.payload';
import { databaseTag, importUploadPath } from './sheet-upload';

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
  commit_while_reading: boolean;
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
 * transaction on request (audited as one entry for the import, plus one link row per
 * written record). Validating and committing are jobs on the queue (any instance runs
 * them; a restart resumes them); their state lives in the `imports` table, so any
 * request sees where they are. The upload waits in UPLOAD_DIR under the job's name.
 */
@Injectable()
export class ImportJobService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Imports');
  /** Aborting a job's controller stops its file read between two chunks (a cancel on this instance). */
  private readonly reading = new Map<number, AbortController>();
  /** The validation this instance is running, per import: a cancel waits for it. */
  private readonly running = new Map<number, Promise<void>>();
  /** Names this database's uploads in the temp dir the machine's databases share. */
  private readonly database: string;

  /** Reads, checks and stages the file; resumed from the start after an interruption. */
  private readonly validateJob = this.importStep('import-validate', ImportStepPayload, 4, (job, context) => this.validate(job, context));

  /** Writes the valid rows in one transaction: an interrupted commit was rolled back, and runs again. */
  private readonly commitJob = this.importStep('import-commit', ImportCommitPayload, 2, (job, context) => this.commitRows(job, context));

  /**
   * Reads, checks and writes a file in one pass (commit while reading), in one transaction:
   * an interrupted run was rolled back, and starts over.
   */
  private readonly directJob = this.importStep('import-direct', ImportCommitPayload, 2, (job, context) => this.commitWhileReading(job, context));

  /** Every hour (and at start): see `sweep`. Safe to repeat, so retried when it fails. */
  private readonly sweepJob: JobKind<NoPayload> = {
    name: 'import-sweep',
    payload: NoPayload,
    schedule: { cron: '0 * * * *', payload: {} },
    handle: () => this.sweep(),
  };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
  ) {
    for (const kind of [this.validateJob, this.commitJob, this.directJob, this.sweepJob] as JobKind<object>[]) queue.register(kind);
    this.database = databaseTag((db.options as { url: string }).url);
  }

  /** A step of an import on the queue: one job per import at a time; its failure fails the import with the reason. */
  private importStep<P extends ImportStepPayload>(
    name: string,
    payload: new () => P,
    concurrency: number,
    handle: JobKind<P>['handle'],
  ): JobKind<P> {
    return {
      name,
      payload,
      concurrency,
      key: (job) => String(job.importId),
      handle,
      failed: (job, cause) => this.fail(job.importId, cause === 'interrupted' ? IMPORT_MESSAGES.interrupted : IMPORT_MESSAGES.internal),
    };
  }

  private uploadPath(id: number): string {
    return importUploadPath(this.database, id);
  }

  /**
   * Jobs left validating or committing with no job on the queue (one cut off before the queue
   * ran them: an older release, a lost job) are failed with the reason and leave nothing
   * behind; then the sweep. Jobs a restart interrupted are on the queue and resume.
   */
  async onApplicationBootstrap(): Promise<void> {
    const inFlight: number[] = [];
    for (const kind of [this.validateJob, this.commitJob, this.directJob]) for (const key of await this.queue.inFlightKeys(kind)) inFlight.push(Number(key));
    const [interrupted]: [{ id: number }[], number] = await this.db.query(
      `UPDATE imports SET status = 'failed', message = $1, finished_at = now()
        WHERE status IN ('validating', 'committing') AND id <> ALL($2::int[]) RETURNING id`,
      [IMPORT_MESSAGES.interrupted, inFlight],
    );
    for (const job of interrupted) await this.dropStaged(job);
    await this.sweep();
  }

  /** Reads in progress here stop now; their jobs resume on the next start (or another instance). */
  onModuleDestroy(): void {
    for (const controller of this.reading.values()) controller.abort(new JobInterruptedError());
  }

  /**
   * Personal data outlives a job by a day at most: validated jobs nobody committed in a day
   * are cancelled (rows and file deleted); the failing rows a committed job keeps for its
   * error workbook go a day after the commit; upload files (a failed job's, kept for a new
   * mapping, or one nobody owns) go once a day old.
   */
  async sweep(): Promise<void> {
    for (const job of await expireIdleJobs(this.db)) await this.dropStaged(job);
    await dropOldStagedRows(this.db);
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

  /**
   * Starts validating the upload (a preview to commit later), or, with `commitWhileReading`,
   * reading and writing it in one pass (all rows or none with `allOrNothing`).
   */
  async start(
    user: SessionUser,
    resource: ResourceDeclaration,
    fileName: string,
    upload: Upload,
    mode: ImportMode,
    options: { commitWhileReading: boolean; allOrNothing: boolean } = { commitWhileReading: false, allOrNothing: false },
  ): Promise<number> {
    const mapping = await this.headerAtUpload(resource, upload);
    const { commitWhileReading, allOrNothing } = options;
    const kind = commitWhileReading ? this.directJob : this.validateJob;
    let moved: string | null = null;
    try {
      const id = await this.db.transaction(async (manager) => {
        const [job]: { id: number }[] = await manager.query(
          `INSERT INTO imports (started_at, user_id, resource, file_name, mode, status, counts, progress, mapping, scope_path, commit_while_reading, all_or_nothing)
           VALUES (now(), $1, $2, $3, $4, $9, $5, $6, $7, $8, $10, $11) RETURNING id`,
          [
            user.id,
            resource.name,
            fileName,
            mode,
            EMPTY_COUNTS,
            { rowsRead: 0, totalRows: null, percent: 0 },
            mapping,
            user.scopePath,
            commitWhileReading ? 'committing' : 'validating',
            commitWhileReading,
            commitWhileReading && allOrNothing,
          ],
        );
        moved = this.uploadPath(job.id);
        await rename(upload.path, moved);
        const payload = { importId: job.id, user: sessionUserPayload(user), ...(commitWhileReading ? { allOrNothing } : {}) };
        await this.queue.send(kind, payload, { manager });
        return job.id;
      });
      this.queue.wake(kind);
      return id;
    } catch (error) {
      if (moved) await rm(moved, { force: true });
      throw error;
    }
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
    if (!['validated', 'failed'].includes(job.status) || !job.mapping || !(await exists(this.uploadPath(job.id)))) {
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
    await this.db.transaction(async (manager) => {
      const claimed = await this.claim(
        id,
        ['validated', 'failed'],
        `status = 'validating', message = NULL, finished_at = NULL, counts = $2, progress = $3, mapping = $4, commit_while_reading = false`,
        [EMPTY_COUNTS, { rowsRead: 0, totalRows: null, percent: 0 }, { headerRow: job.mapping!.headerRow, columns: mapping }],
        manager,
      );
      if (!claimed) throw ApiException.validation({ columns: IMPORT_MESSAGES.notValidated });
      await this.queue.send(this.validateJob, { importId: id, user: sessionUserPayload(user) }, { manager });
    });
    this.queue.wake(this.validateJob);
  }

  /** Stops validating, or a commit while reading (rolled back), and discards the upload. */
  async cancel(id: number, user: SessionUser): Promise<void> {
    const job = await this.find(id, user);
    const cancellable: ImportStatus[] = job.commit_while_reading ? ['committing', 'failed'] : ['validating', 'validated', 'failed'];
    if (!cancellable.includes(job.status)) {
      throw ApiException.validation({ status: { zh: '导入已提交，不能取消', en: 'The import is already being committed' } });
    }
    // Read here: stopped at once. Read by another instance: it sees the status at its next progress write.
    this.reading.get(id)?.abort();
    await this.running.get(id);
    if (!(await this.claim(id, cancellable, `status = 'cancelled', finished_at = now()`, []))) {
      throw ApiException.validation({ status: { zh: '导入已提交，不能取消', en: 'The import is already being committed' } });
    }
    await this.dropStaged(job);
  }

  async commit(id: number, user: SessionUser, allOrNothing: boolean): Promise<void> {
    const job = await this.find(id, user);
    if (job.status === 'committing' || job.status === 'committed') throw new ApiException('IN_USE', IMPORT_MESSAGES.alreadyCommitting);
    if (job.status !== 'validated' || !job.mapping) throw new ApiException('VALIDATION_FAILED', IMPORT_MESSAGES.notValidated);
    this.importable(job.resource, job.mode, user);
    const invalid = job.counts?.invalid ?? 0;
    if (allOrNothing && invalid > 0) {
      const message = IMPORT_MESSAGES.allOrNothingRefused(invalid);
      await this.db.query(`UPDATE imports SET all_or_nothing = true, message = $2 WHERE id = $1`, [id, message]);
      throw new ApiException('VALIDATION_FAILED', message);
    }
    await this.db.transaction(async (manager) => {
      // Claimed in one statement: of parallel commits exactly one starts, the others get 409.
      if (!(await this.claim(id, ['validated'], `status = 'committing', all_or_nothing = $2, message = NULL`, [allOrNothing], manager))) {
        throw new ApiException('IN_USE', IMPORT_MESSAGES.alreadyCommitting);
      }
      await this.queue.send(this.commitJob, { importId: id, user: sessionUserPayload(user), allOrNothing }, { manager });
    });
    this.queue.wake(this.commitJob);
  }

  /**
   * The commit job: rows compared with stored data again and written, in one transaction.
   * Run again after an interruption, it finds the job committing (the transaction was
   * rolled back: it writes) or committed (only the clean-up after it was cut off).
   */
  private async commitRows({ importId: id, user, allOrNothing }: ImportCommitPayload, context: JobContext): Promise<void> {
    const job = await this.row(id);
    if (job?.status === 'committed') return this.afterCommit(job);
    if (job?.status !== 'committing' || !job.mapping) return;
    const resource = findResource(job.resource);
    if (!resource) return this.fail(id, IMPORT_MESSAGES.notImportable);
    const ctx = buildMatchContext(id, resource, job.mode, user, job.mapping.columns);
    try {
      const refused = await this.db.transaction(async (manager) => {
        await manager.query(`SET LOCAL work_mem = '${COMMIT_WORK_MEM}'`);
        await matchIntoOutcomes(manager, ctx);
        const counts = await matchRows(manager, ctx, OUTCOMES_TABLE);
        if (allOrNothing && counts.invalid > 0) return { counts, message: IMPORT_MESSAGES.allOrNothingRefused(counts.invalid) };
        const written = await commitRows(manager, ctx);
        const committed = { ...toCounts(counts), ...written };
        await manager.query(`UPDATE imports SET status = 'committed', finished_at = now(), counts = $2 WHERE id = $1`, [id, committed]);
        await this.audit.recordImport(manager, user, {
          importId: id,
          resource: resource.name,
          fileName: job.file_name,
          mode: job.mode,
          allOrNothing,
          counts: committed,
          scopePath: job.scope_path,
        });
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
    } catch (error) {
      if (context.signal.aborted) throw new JobInterruptedError();
      return this.failWith(id, error);
    }
    await this.afterCommit(job);
  }

  /**
   * Committed rows live on in their table; the staging copy of their personal data goes,
   * and the file. The failing rows stay for the error workbook.
   */
  private async afterCommit(job: Pick<JobRow, 'id'>): Promise<void> {
    await this.db.query(
      `DELETE FROM import_rows r WHERE r.import_id = $1
         AND NOT EXISTS (SELECT 1 FROM import_errors e WHERE e.import_id = r.import_id AND e.row_number = r.row_number)`,
      [job.id],
    );
    await rm(this.uploadPath(job.id), { force: true });
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
      commitWhileReading: job.commit_while_reading,
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

  /** The job's row, whoever asks (the queue's handlers), or undefined. */
  private async row(id: number): Promise<JobRow | undefined> {
    const [job]: JobRow[] = await this.db.query(`SELECT * FROM imports WHERE id = $1`, [id]);
    return job;
  }

  /**
   * Moves the job on only from one of the given states, in one statement, so two requests
   * racing for it cannot both win. `set` may use $2… for `params`.
   */
  private async claim(id: number, from: ImportStatus[], set: string, params: unknown[], manager: EntityManager = this.db.manager): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE imports SET ${set} WHERE id = $1 AND status = ANY($${params.length + 2}::text[])`,
      [id, ...params, from],
    );
    return count === 1;
  }

  /** Resolves when the job is neither validating nor committing (tests, benchmarks). */
  async settled(id: number): Promise<void> {
    for (;;) {
      const job = await this.row(id);
      if (!job || (job.status !== 'validating' && job.status !== 'committing')) return;
      await (this.running.get(id) ?? new Promise((resolve) => setTimeout(resolve, 50)));
    }
  }

  /**
   * The validation job. Run again after an interruption, it starts over (its staged rows are
   * deleted first). It ends without a word when the job is no longer validating (cancelled).
   */
  private async validate({ importId: id, user }: ImportStepPayload, context: JobContext): Promise<void> {
    const job = await this.row(id);
    if (job?.status !== 'validating') return;
    await this.readFile(job, user, context, (read) => this.validateFile(read));
  }

  /**
   * The commit-while-reading job. Run again after an interruption (its transaction was rolled
   * back), it starts over; finding the job committed, only the clean-up after it runs.
   */
  private async commitWhileReading({ importId: id, user, allOrNothing }: ImportCommitPayload, context: JobContext): Promise<void> {
    const job = await this.row(id);
    if (job?.status === 'committed' && job.commit_while_reading) return this.afterCommit(job);
    if (job?.status !== 'committing' || !job.commit_while_reading) return;
    await this.readFile(job, user, context, (read) => this.commitFile(job, user, read, allOrNothing));
  }

  /**
   * Runs a step reading the job's upload, cancellable from here (at once) or from another
   * instance (at its next progress write). A failure fails the job with its reason; a restart
   * leaves it to the queue.
   */
  private async readFile(job: JobRow, user: SessionUser, context: JobContext, step: (read: FileRead) => Promise<void>): Promise<void> {
    const { id } = job;
    const resource = findResource(job.resource);
    const kind = sheetKind(job.file_name);
    if (!resource || !kind) return this.fail(id, IMPORT_MESSAGES.notImportable);
    const upload = { path: this.uploadPath(job.id), kind };
    if (!(await exists(upload.path))) return this.fail(id, IMPORT_MESSAGES.uploadMissing);
    const cancel = new AbortController();
    this.reading.set(id, cancel);
    const signal = AbortSignal.any([cancel.signal, context.signal]);
    const run = this.openFile(job, resource, user, upload, { signal, cancel, progress: context.progress })
      .then(async (read) => {
        if (read) await step(read);
      })
      .catch(async (error: unknown) => {
        if (signal.reason instanceof JobInterruptedError) throw new JobInterruptedError();
        if (error instanceof ReadCancelledError) return; // cancel() finishes the job
        await this.failWith(id, error);
      })
      .finally(() => {
        if (this.reading.get(id) === cancel) this.reading.delete(id);
      });
    const settled = run.catch(() => undefined);
    this.running.set(id, settled);
    try {
      await run;
    } finally {
      if (this.running.get(id) === settled) this.running.delete(id);
    }
    // Cancelled meanwhile (here or on another instance): what this run staged after the cancel goes too.
    if (cancel.signal.aborted) await this.db.query(`DELETE FROM import_rows r USING imports i WHERE i.id = $1 AND r.import_id = i.id AND i.status = 'cancelled'`, [id]);
  }

  /** A step's failure, on the job's record: the file's own fault in words the user can act on. */
  private async failWith(id: number, error: unknown): Promise<void> {
    if (!(error instanceof ImportLimitError)) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    const message =
      error instanceof ImportLimitError ? error.localized : error instanceof SheetReadError ? IMPORT_MESSAGES.unreadable : IMPORT_MESSAGES.internal;
    await this.fail(id, message);
  }

  /**
   * Opens the upload for a reading step: the earlier run's staged rows and errors deleted,
   * the header found (or the mapping kept), the rows' validator and the progress writer made.
   * Null when the job failed instead (no header, no business key column: the file is kept for
   * a new mapping).
   */
  private async openFile(
    job: JobRow,
    resource: ResourceDeclaration,
    user: SessionUser,
    upload: Upload,
    run: { signal: AbortSignal; cancel: AbortController; progress: JobContext['progress'] },
  ): Promise<FileRead | null> {
    const { id, status } = job;
    const { signal, cancel } = run;
    let mapping = job.mapping;
    await this.db.query(`DELETE FROM import_rows WHERE import_id = $1`, [id]);
    await this.db.query(`DELETE FROM import_errors WHERE import_id = $1`, [id]);
    let fraction = 0;
    // One iterator, read by hand: leaving a for-await loop would close the file stream.
    const rows = readingErrorsMarked(readSheet({ ...upload, signal, onProgress: (f) => (fraction = f) }));
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
        await this.fail(id, IMPORT_MESSAGES.noHeader(resource), { keepUpload: true });
        return null;
      }
      mapping = detected;
    }
    await this.db.query(`UPDATE imports SET mapping = $2 WHERE id = $1 AND mapping IS NULL`, [id, mapping]);
    const ctx = buildMatchContext(id, resource, job.mode, user, mapping.columns);
    if (!ctx.dataKeys.includes(resource.businessKey![0])) {
      await rows.return(undefined);
      // The mapping can be fixed (PUT …/mapping) and the file read again: it is kept.
      await this.fail(id, IMPORT_MESSAGES.noBusinessKeyColumn(resource.fields[resource.businessKey![0]].label), { keepUpload: true });
      return null;
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
    return {
      rows,
      head,
      headerRow,
      ctx,
      validator,
      isCancelled: () => signal.aborted,
      onRows: (rowsRead) =>
        run.progress(async () => {
          const [, still]: [unknown, number] = await this.db.query(`UPDATE imports SET progress = $3 WHERE id = $1 AND status = $2`, [id, status, {
            rowsRead,
            // An estimate may fall short: the total then follows the rows read.
            totalRows: expectedRows && Math.max(expectedRows, rowsRead),
            estimated,
            percent: percent(rowsRead),
          }]);
          // Cancelled through another instance: stop reading.
          if (!still) cancel.abort();
        }),
    };
  }

  /** Stages every row with its errors, then counts what a commit would do: the job is validated. */
  private async validateFile(read: FileRead): Promise<void> {
    const { importId: id } = read.ctx;
    const staged = await stageRows(this.db, { ...read, importId: id });
    if (staged.cancelled) throw new ReadCancelledError();
    const { rowsRead } = staged;
    const counts = await this.db.transaction(async (manager) => {
      await manager.query(`SET LOCAL work_mem = '${COMMIT_WORK_MEM}'`);
      return matchRows(manager, read.ctx);
    });
    await this.db.query(
      `UPDATE imports SET status = 'validated', counts = $2, progress = $3, finished_at = now() WHERE id = $1 AND status = 'validating'`,
      [id, toCounts(counts), { rowsRead, totalRows: rowsRead, percent: 100 }],
    );
  }

  /**
   * Reads, checks and writes the file in one transaction (import-direct.ts). Committed, it is
   * audited as one entry like a previewed commit; refused (all or nothing, a row failing), it
   * has failed with the count and writes nothing; its failing rows stay for the error workbook.
   */
  private async commitFile(job: JobRow, user: SessionUser, read: FileRead, allOrNothing: boolean): Promise<void> {
    const { importId: id } = read.ctx;
    let rowsRead = 0;
    const started = performance.now();
    const result = await commitWhileReading(this.db, {
      ...read,
      allOrNothing,
      onRows: (n) => read.onRows((rowsRead = n)),
      finish: async (manager, outcome) => {
        const committed = committedCounts(outcome);
        const [, claimed]: [unknown, number] = await manager.query(
          `UPDATE imports SET status = 'committed', finished_at = now(), counts = $2, progress = $3 WHERE id = $1 AND status = 'committing'`,
          [id, committed, { rowsRead, totalRows: rowsRead, percent: 100 }],
        );
        if (!claimed) return false;
        await this.audit.recordImport(manager, user, {
          importId: id,
          resource: read.ctx.resource.name,
          fileName: job.file_name,
          mode: job.mode,
          allOrNothing,
          counts: committed,
          scopePath: job.scope_path,
        });
        return true;
      },
    });
    this.logger.log(`import ${id} (${result.kind}, committed while read): ${rowsRead} rows in ${((performance.now() - started) / 1000).toFixed(1)} s; ${result.steps}`);
    if (result.kind === 'cancelled') throw new ReadCancelledError();
    if (result.kind === 'refused') {
      const [refused]: [Pick<JobRow, 'id'>[], number] = await this.db.query(
        `UPDATE imports SET status = 'failed', finished_at = now(), counts = $2, progress = $3, message = $4 WHERE id = $1 AND status = 'committing' RETURNING id`,
        [id, committedCounts(result), { rowsRead, totalRows: rowsRead, percent: 100 }, IMPORT_MESSAGES.allOrNothingRefused(result.counts.invalid)],
      );
      if (refused.length) await rm(this.uploadPath(id), { force: true });
      return;
    }
    await this.afterCommit(job);
  }

  /**
   * A job still validating or committing becomes failed with this message, and keeps no
   * staged rows (nor, unless its mapping may still be fixed, its file).
   */
  private async fail(id: number, message: Localized, options: { keepUpload?: boolean } = {}): Promise<void> {
    const [failed]: [Pick<JobRow, 'id'>[], number] = await this.db.query(
      `UPDATE imports SET status = 'failed', message = $2, finished_at = now() WHERE id = $1 AND status IN ('validating', 'committing')
       RETURNING id`,
      [id, message],
    );
    if (!failed.length) return;
    if (options.keepUpload) await this.db.query(`DELETE FROM import_rows WHERE import_id = $1`, [id]);
    else await this.dropStaged(failed[0]);
  }

  /** The job's staged rows (ID numbers, phones in plain text) and its upload file. Errors stay: they hold no values. */
  private async dropStaged(job: Pick<JobRow, 'id'>): Promise<void> {
    await this.db.query(`DELETE FROM import_rows WHERE import_id = $1`, [job.id]);
    await rm(this.uploadPath(job.id), { force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
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

/** A file opened for a reading step: its rows after the header, their validator and the job's progress writer. */
interface FileRead extends BatchedRows {
  ctx: MatchContext;
  validator: RowValidator;
  onRows(rowsRead: number): Promise<void>;
}

function committedCounts({ counts, inserted, updated }: DirectCounts): ImportCounts {
  return { ...toCounts(counts), inserted, updated };
}

function toCounts(counts: RowCounts): ImportCounts {
  const valid = counts.new + counts.update + counts.unchanged;
  return { ...EMPTY_COUNTS, total: valid + counts.invalid, valid, invalid: counts.invalid, new: counts.new, toUpdate: counts.update, unchanged: counts.unchanged };
}

