import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { maskValue, type ResourceDeclaration, type SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { DataSource, type QueryRunner } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type ListQuery, whereClause } from '../rest/list-query';
import { presentRecord } from '../rest/record-presenter';
import { ResourceBehaviours } from '../rest/resource-behaviours.service';
import { readScope } from '../scope/scope';
import { csvSheetWriter } from './csv-sheet.writer';
import { type ExportColumn, exportColumns } from './export-columns';
import { contentDisposition, contentType, type ExportOptions } from './export-format';
import { exportQuery } from './export-query';
import type { SheetWriter } from './sheet-writer';
import { xlsxSheetWriter } from './xlsx-sheet.writer';

/** Rows fetched from the cursor at a time: a few MB of memory, few round trips. */
export const EXPORT_BATCH_SIZE = 5_000;
/** Rows written between two checks that the output keeps up. */
const WRITE_SLICE = 500;
/** Each running export holds one pooled connection; the rest of the pool stays for everyone else. */
export const MAX_CONCURRENT_EXPORTS = 3;
/** A client that reads nothing for this long is dropped, so its transaction does not stay open. */
const STALL_TIMEOUT_MS = 5 * 60_000;

export interface ExportRequest {
  query: ListQuery;
  /** Filter and sort as the client sent them (field keys), for the audit row. */
  filter: Record<string, unknown>;
  sort: [string, string];
  options: ExportOptions;
}

/**
 * Streams every row of a list (its filters and sort, the user's region scope and masking)
 * into an xlsx or CSV response. Rows come from a server-side cursor in one read-only
 * snapshot: memory stays flat, any sort costs one query (keyset batches would re-sort for
 * every batch when the sort column has no index), and the file is consistent even while
 * others write.
 */
@Injectable()
export class ResourceExporter {
  private readonly logger = new Logger(ResourceExporter.name);
  private readonly slots = new Slots(MAX_CONCURRENT_EXPORTS);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly behaviours: ResourceBehaviours,
  ) {}

  /**
   * Errors before the first byte (a bad filter value the database rejects, say) reach the
   * client as the API's JSON error; after it, the response is cut off, never ended cleanly,
   * so a partial file cannot pass for a whole one.
   */
  async export(resource: ResourceDeclaration, request: ExportRequest, user: SessionUser, response: Response): Promise<void> {
    await this.write(resource, request, user, {
      output: response,
      gone: () => response.destroyed,
      start: () => startResponse(resource, request.options, response),
      caughtUp: (writer) => caughtUp(writer, response),
      failed: (error, rows) => {
        if (!response.destroyed) this.logger.error(`export of ${resource.name} failed after ${rows} rows: ${String(error)}`);
        response.destroy();
      },
    });
  }

  /**
   * The same export written to a file (export jobs): `progress` hears the list's total for
   * the filter (counted in the export's own snapshot) and then the rows written after each
   * batch. Rejects on any failure, after removing nothing: the caller owns the file.
   */
  async exportToFile(
    resource: ResourceDeclaration,
    request: ExportRequest,
    user: SessionUser,
    path: string,
    progress: (rows: number, total: number) => Promise<void>,
  ): Promise<number> {
    const file = createWriteStream(path);
    const opened = once(file, 'open');
    opened.catch(() => undefined);
    let total = 0;
    try {
      await opened;
      return await this.write(resource, request, user, {
        output: file,
        gone: () => file.destroyed,
        counted: async (n) => {
          total = n;
          await progress(0, n);
        },
        batchWritten: (rows) => progress(rows, total),
        caughtUp: (writer) => writer.caughtUp(),
        failed: (error) => {
          throw error;
        },
        finished: () => finished(file),
      });
    } finally {
      if (!file.closed) file.destroy();
    }
  }

  /** Rows from the cursor through a sheet writer into the sink; the number of rows written. */
  private async write(resource: ResourceDeclaration, request: ExportRequest, user: SessionUser, sink: ExportSink): Promise<number> {
    const columns = exportColumns(resource, request.options.locale);
    const release = await this.slots.acquire();
    if (sink.gone()) {
      release();
      return 0;
    }
    const runner = this.db.createQueryRunner();
    let opened = false;
    let started = false;
    let rows = 0;
    let audited = false;
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      opened = true;
      // A streamed scan gains nothing from JIT; compiling it delayed the first byte by ~0.1 s.
      await runner.query('SET LOCAL jit = off');
      if (sink.counted) await sink.counted(await countRows(runner, resource, request.query, user));
      const batches = await openCursor(runner, resource, request.query, user);
      let batch = await batches.next();
      sink.start?.();
      started = true;
      const writer = sheetWriter(request.options, columns, resource, sink.output);
      while (batch.length) {
        // The next batch is on its way from the database while this one is written.
        const next = batch.length === EXPORT_BATCH_SIZE ? batches.next() : Promise.resolve([]);
        next.catch(() => undefined);
        // In slices, so compression and the output keep pace with the rows.
        for (let i = 0; i < batch.length; i += WRITE_SLICE) {
          const records = batch.slice(i, i + WRITE_SLICE).map((row) => presentRecord(resource, row, user));
          await this.behaviours.view(runner.manager, resource, records, user);
          writer.writeRecords(records);
          await sink.caughtUp(writer);
        }
        rows += batch.length;
        await sink.batchWritten?.(rows);
        batch = await next;
      }
      // Audited before the file is closed, so the row exists once the client has the file.
      await this.recordAudit(resource, request, user, rows, true);
      audited = true;
      await writer.finish();
      await sink.finished?.();
    } catch (error) {
      if (!started) throw error;
      sink.failed(error, rows);
    } finally {
      // Read-only: ending the transaction either way closes the cursor and its snapshot.
      if (opened) await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
      release();
      if (started && !audited) await this.recordAudit(resource, request, user, rows, false);
    }
    return rows;
  }

  /** A bulk read of personal data is audited like a reveal: who, which filter, how many rows. */
  private async recordAudit(resource: ResourceDeclaration, request: ExportRequest, user: SessionUser, rows: number, complete: boolean) {
    if (!exposesPersonalData(resource)) return;
    const { format } = request.options;
    try {
      await this.audit.record(this.db.manager, user, {
        action: 'export',
        resource: resource.name,
        recordId: '*',
        scopePath: user.scopePath,
        before: null,
        after: { format, filter: auditedFilter(resource, request.filter), sort: request.sort, rows, complete },
      });
    } catch (error) {
      this.logger.error(`could not audit the export of ${resource.name}: ${String(error)}`);
    }
  }
}

/** Where an export goes: the HTTP response, or a file for an export job. */
interface ExportSink {
  output: Writable;
  /** True when the output is gone before the export starts (the client hung up while waiting). */
  gone(): boolean;
  /** Hears the list's total, counted in the export's snapshot; without it nothing is counted. */
  counted?(total: number): Promise<void>;
  /** Just before the first byte, once the query has run. */
  start?(): void;
  /** Waits while the writer or the output is behind; rejects when the output has gone. */
  caughtUp(writer: SheetWriter): Promise<void>;
  batchWritten?(rows: number): Promise<void>;
  /** After the writer has finished: resolves when the output has it all. */
  finished?(): Promise<void>;
  /** A failure after the first byte; may rethrow. */
  failed(error: unknown, rows: number): void;
}

interface Batches {
  next(): Promise<Record<string, unknown>[]>;
}

async function openCursor(runner: QueryRunner, resource: ResourceDeclaration, query: ListQuery, user: SessionUser): Promise<Batches> {
  const { sql, params } = exportQuery(resource, query, user);
  await runner.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, params);
  return { next: () => runner.query(`FETCH ${EXPORT_BATCH_SIZE} FROM export_rows`) };
}

async function countRows(runner: QueryRunner, resource: ResourceDeclaration, query: ListQuery, user: SessionUser): Promise<number> {
  const params: unknown[] = [];
  const where = whereClause([...readScope(resource, user), ...query.conditions], params);
  const [{ n }] = await runner.query(`SELECT count(*)::int AS n FROM "${resource.table}" t WHERE ${where}`, params);
  return n;
}

function startResponse(resource: ResourceDeclaration, options: ExportOptions, response: Response): void {
  response.status(200);
  response.setHeader('Content-Type', contentType(options));
  response.setHeader('Content-Disposition', contentDisposition(resource, options));
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  const exposed = String(response.getHeader('Access-Control-Expose-Headers') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  response.setHeader('Access-Control-Expose-Headers', [...new Set([...exposed, 'Content-Disposition'])].join(', '));
}

function sheetWriter(options: ExportOptions, columns: ExportColumn[], resource: ResourceDeclaration, output: Writable): SheetWriter {
  return options.format === 'csv'
    ? csvSheetWriter(output, columns, options.encoding)
    : xlsxSheetWriter(output, columns, resource.label[options.locale]);
}

/** Waits while the writer or the client is behind; fails when the client has gone or stopped reading. */
async function caughtUp(writer: SheetWriter, response: Response): Promise<void> {
  if (response.destroyed) throw new Error('client disconnected');
  let timer: NodeJS.Timeout | undefined;
  let onClose: (() => void) | undefined;
  const gone = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('client stopped reading')), STALL_TIMEOUT_MS);
    onClose = () => reject(new Error('client disconnected'));
    response.once('close', onClose);
  });
  try {
    await Promise.race([writer.caughtUp(), gone]);
  } finally {
    clearTimeout(timer);
    response.off('close', onClose!);
  }
}

function exposesPersonalData(resource: ResourceDeclaration): boolean {
  return Object.values(resource.fields).some((f) => f.sensitive);
}

/** The filter as sent, with sensitive values masked: the audit log never holds them in plain. */
function auditedFilter(resource: ResourceDeclaration, filter: Record<string, unknown>): Record<string, unknown> {
  const searchMask = Object.values(resource.fields).find((f) => f.search && f.sensitive)?.sensitive?.mask;
  const mask = (kind: Parameters<typeof maskValue>[0], value: unknown): unknown =>
    Array.isArray(value) ? value.map((v) => mask(kind, v)) : typeof value === 'string' ? maskValue(kind, value) : value;
  return Object.fromEntries(
    Object.entries(filter).map(([key, value]) => {
      const sensitive = resource.fields[key]?.sensitive;
      if (sensitive) return [key, mask(sensitive.mask, value)];
      // `q` may be an exact ID-number search.
      if (key === 'q' && searchMask && /\d/.test(String(value))) return [key, mask(searchMask, String(value))];
      return [key, value];
    }),
  );
}

/** A counting semaphore: callers past the limit wait their turn. */
class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async acquire(): Promise<() => void> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }
}
