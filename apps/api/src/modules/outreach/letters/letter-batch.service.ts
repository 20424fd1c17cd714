import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { letterResource } from '@zizhu/outreach';
import { schoolResource } from '@zizhu/regions';
import type { LetterBatchStatus, Localized, SessionUser } from '@zizhu/schema';
import { IsInt, IsString, Min } from 'class-validator';
import type { Response } from 'express';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../engine/audit/audit.service';
import { ApiException } from '../../../engine/errors/api.exception';
import { databaseTag } from '../../../engine/imports/sheet-upload';
import { type JobContext, JobInterruptedError, type JobKind } from '../../../engine/jobs/job-kind';
import { JobQueue } from '../../../engine/jobs/job-queue.service';
import { PdfRenderer } from '../../../engine/pdf/pdf-renderer.service';
import { ResourceReader } from '../../../engine/rest/resource-reader.service';
import { readScope } from '../../../engine/scope/scope';
import type { BatchParams } from './letter-batch-params';
import { lettersDocument, type PrintLetter } from './letter-batch.document';
import { termText } from './letter-content';
import { LETTER_MESSAGES } from './letter-messages';

/**
 * A school with at most this many letters for a term gets its PDF at once; a larger one is
 * made by a job first. `LETTER_PDF_DIRECT_MAX` changes it (the specs use a small one).
 */
export function directPdfMaxLetters(): number {
  const configured = Number(process.env.LETTER_PDF_DIRECT_MAX);
  return Number.isInteger(configured) && configured >= 0 ? configured : 100;
}

/** Where prepared letter PDFs wait for their download. */
export const LETTER_PDF_DIR = join(tmpdir(), 'zizhu-letters');

export class LetterBatchPayload {
  @IsInt()
  @Min(1)
  batchId!: number;

  @IsString()
  fingerprint!: string;

  @IsString()
  queryUrl!: string;
}

interface BatchRow {
  id: number;
  school_id: number;
  year: number;
  term: string;
  status: 'running' | 'done' | 'failed';
  letters: number;
  fingerprint: string;
  progress: { percent: number } | null;
  error: Localized | null;
}

interface School {
  id: number;
  name: string;
  scopePath: string;
}

/** What the letters are now: how many, and a digest of their ids, versions and the link printed on them. */
interface Current {
  letters: number;
  fingerprint: string;
}

/**
 * 打印告知书: one PDF per school and term, one letter per page with its 回执 slip and a QR
 * code to the families' query page. A school with up to directPdfMaxLetters() letters
 * gets it on request; a larger batch is prepared by a job (`POST /letters/batch`) into a
 * file kept until the letters change (their ids and versions make its fingerprint), and
 * polled with `GET /letters/batch`. Every download is audited.
 */
@Injectable()
export class LetterBatchService implements OnApplicationBootstrap {
  private readonly logger = new Logger('LetterBatch');

  readonly job: JobKind<LetterBatchPayload> = {
    name: 'letter-batch-pdf',
    payload: LetterBatchPayload,
    key: (job) => String(job.batchId),
    handle: (job, context) => this.render(job, context),
    failed: (job) => this.fail(job.batchId, job.fingerprint, LETTER_MESSAGES.batchFailed),
  };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly queue: JobQueue,
    private readonly renderer: PdfRenderer,
    private readonly audit: AuditService,
  ) {
    queue.register(this.job);
  }

  /** Renders left `running` with no job on the queue cannot finish: they start again on the next request. */
  async onApplicationBootstrap(): Promise<void> {
    const inFlight = [...(await this.queue.inFlightKeys(this.job))].map(Number);
    await this.db.query(`UPDATE letter_batch_files SET status = 'failed', error = $1, finished_at = now() WHERE status = 'running' AND id <> ALL($2::int[])`, [
      LETTER_MESSAGES.batchFailed,
      inFlight,
    ]);
  }

  /** The school, if the caller reads it (else 404, as for any record out of scope). */
  async school(params: BatchParams, user: SessionUser): Promise<School> {
    const school = await this.reader.findRow(this.db.manager, schoolResource, String(params.schoolId), readScope(schoolResource, user));
    if (!school) throw ApiException.notFound();
    return { id: school.id as number, name: school.name as string, scopePath: school.scopePath as string };
  }

  async status(params: BatchParams, user: SessionUser, queryUrl: string): Promise<LetterBatchStatus> {
    await this.school(params, user);
    const current = await this.current(params, queryUrl);
    if (current.letters <= directPdfMaxLetters()) return { status: current.letters ? 'done' : null, letters: current.letters, direct: true };
    const row = await this.stored(params, current);
    if (!row) return { status: null, letters: current.letters, direct: false };
    return { status: row.status, letters: current.letters, direct: false, progress: row.progress, ...(row.error ? { error: row.error.zh } : {}) };
  }

  /** `POST /letters/batch`: 200 when the PDF can be downloaded now, 202 while a job makes it. */
  async prepare(params: BatchParams, user: SessionUser, queryUrl: string): Promise<{ accepted: boolean; status: LetterBatchStatus }> {
    await this.school(params, user);
    const current = await this.current(params, queryUrl);
    if (!current.letters) throw ApiException.validation({ schoolId: LETTER_MESSAGES.noLetters });
    if (current.letters <= directPdfMaxLetters()) return { accepted: false, status: { status: 'done', letters: current.letters, direct: true } };
    const row = await this.stored(params, current);
    if (row?.status === 'done' || row?.status === 'running') {
      return { accepted: row.status === 'running', status: { status: row.status, letters: current.letters, direct: false, progress: row.progress } };
    }
    await this.db.transaction(async (manager) => {
      const [{ id }]: { id: number }[] = await manager.query(
        `INSERT INTO letter_batch_files (school_id, year, term, status, letters, fingerprint, progress, requested_by, requested_at)
         VALUES ($1, $2, $3, 'running', $4, $5, $6, $7, now())
         ON CONFLICT (school_id, year, term) DO UPDATE
            SET status = 'running', letters = EXCLUDED.letters, fingerprint = EXCLUDED.fingerprint, progress = EXCLUDED.progress,
                error = NULL, requested_by = EXCLUDED.requested_by, requested_at = now(), finished_at = NULL
         RETURNING id`,
        [params.schoolId, params.year, params.term, current.letters, current.fingerprint, { percent: 0 }, user.id],
      );
      await this.queue.send(this.job, { batchId: id, fingerprint: current.fingerprint, queryUrl }, { manager });
    });
    this.queue.wake(this.job);
    return { accepted: true, status: { status: 'running', letters: current.letters, direct: false, progress: { percent: 0 } } };
  }

  /** Sends the PDF (rendered now when small, the prepared file otherwise); 409 NOT_READY while there is none. */
  async send(params: BatchParams, user: SessionUser, queryUrl: string, response: Response): Promise<void> {
    const school = await this.school(params, user);
    const current = await this.current(params, queryUrl);
    if (!current.letters) throw ApiException.validation({ schoolId: LETTER_MESSAGES.noLetters });
    let body: Buffer | string;
    if (current.letters <= directPdfMaxLetters()) {
      const letters = await this.printLetters(params);
      body = await this.renderer.render(await lettersDocument(school.name, letters, queryUrl));
    } else {
      const row = await this.stored(params, current);
      if (row?.status === 'running') throw new ApiException('NOT_READY', LETTER_MESSAGES.batchRunning);
      if (row?.status !== 'done') throw new ApiException('NOT_READY', LETTER_MESSAGES.batchNotReady(current.letters));
      body = this.filePath(row.id, row.fingerprint);
    }
    await this.audit.record(this.db.manager, user, {
      action: 'download',
      resource: letterResource.name,
      recordId: '*',
      scopePath: school.scopePath,
      before: null,
      after: { file: 'letters.pdf', schoolId: school.id, year: params.year, term: params.term, letters: current.letters },
    });
    const name = `告知书-${school.name}-${termText(params.year, params.term)}.pdf`;
    response.status(200);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="letters-${school.id}-${params.year}-${params.term}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (typeof body !== 'string') {
      response.setHeader('Content-Length', String(body.length));
      response.end(body);
      return;
    }
    response.setHeader('Content-Length', String((await stat(body)).size));
    await pipeline(createReadStream(body), response).catch(() => response.destroy());
  }

  private async current(params: BatchParams, queryUrl: string): Promise<Current> {
    const [row]: { letters: number; digest: string | null }[] = await this.db.query(
      `SELECT count(*)::int AS letters, md5(string_agg(id || ':' || version, ',' ORDER BY id)) AS digest
         FROM letters WHERE school_id = $1 AND year = $2 AND term = $3`,
      [params.schoolId, params.year, params.term],
    );
    const [{ fingerprint }]: { fingerprint: string }[] = await this.db.query(`SELECT md5($1) AS fingerprint`, [`${row.digest ?? ''}|${queryUrl}`]);
    return { letters: row.letters, fingerprint };
  }

  /** The prepared batch, when it was made of the letters as they are now (and its file is still there). */
  private async stored(params: BatchParams, current: Current): Promise<BatchRow | undefined> {
    const [row]: BatchRow[] = await this.db.query(`SELECT * FROM letter_batch_files WHERE school_id = $1 AND year = $2 AND term = $3`, [
      params.schoolId,
      params.year,
      params.term,
    ]);
    if (!row || row.fingerprint !== current.fingerprint) return undefined;
    if (row.status === 'done' && !(await stat(this.filePath(row.id, row.fingerprint)).then(() => true, () => false))) return undefined;
    return row;
  }

  private async printLetters(params: BatchParams): Promise<PrintLetter[]> {
    const rows: (Omit<PrintLetter, 'term' | 'total'> & { total: string })[] = await this.db.query(
      `SELECT l.id, s.name AS "studentName", sc.name AS "schoolName", s.grade, s.class_name AS "className", l.content, l.receipt, l.total
         FROM letters l JOIN students s ON s.id = l.student_id JOIN schools sc ON sc.id = l.school_id
        WHERE l.school_id = $1 AND l.year = $2 AND l.term = $3
        ORDER BY s.grade, s.class_name, s.name, l.id`,
      [params.schoolId, params.year, params.term],
    );
    const term = termText(params.year, params.term);
    return rows.map((r) => ({ ...r, content: r.content ?? '', receipt: r.receipt ?? '', total: Number(r.total), term }));
  }

  /** Id plus fingerprint (and the database: test runs share the machine's temp dir). */
  private filePath(id: number, fingerprint: string): string {
    return join(LETTER_PDF_DIR, `${this.filePrefix(id)}${fingerprint}.pdf`);
  }

  private filePrefix(id: number): string {
    return `${databaseTag((this.db.options as { url?: string }).url ?? '')}-${id}-`;
  }

  /** The job: the batch's letters into its file; a newer request (another fingerprint) makes this one moot. */
  private async render(payload: LetterBatchPayload, context: JobContext): Promise<void> {
    const [row]: BatchRow[] = await this.db.query(`SELECT * FROM letter_batch_files WHERE id = $1`, [payload.batchId]);
    if (row?.status !== 'running' || row.fingerprint !== payload.fingerprint) return;
    const path = this.filePath(row.id, row.fingerprint);
    try {
      const params = { schoolId: row.school_id, year: row.year, term: row.term };
      const [school]: { name: string }[] = await this.db.query(`SELECT name FROM schools WHERE id = $1`, [row.school_id]);
      const document = await lettersDocument(school.name, await this.printLetters(params), payload.queryUrl);
      await mkdir(LETTER_PDF_DIR, { recursive: true });
      await this.renderer.renderToFile(document, `${path}.part`);
      await rename(`${path}.part`, path);
      await this.removeOlderFiles(row.id, path);
      await this.db.query(`UPDATE letter_batch_files SET status = 'done', progress = $3, finished_at = now() WHERE id = $1 AND fingerprint = $2`, [
        row.id,
        row.fingerprint,
        { percent: 100 },
      ]);
    } catch (error) {
      await rm(`${path}.part`, { force: true }).catch(() => undefined);
      if (context.signal.aborted) throw new JobInterruptedError();
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      await this.fail(row.id, row.fingerprint, error instanceof ApiException ? error.localized : LETTER_MESSAGES.batchFailed);
    }
  }

  private async fail(id: number, fingerprint: string, message: Localized): Promise<void> {
    await this.db.query(`UPDATE letter_batch_files SET status = 'failed', error = $3, finished_at = now() WHERE id = $1 AND fingerprint = $2 AND status = 'running'`, [
      id,
      fingerprint,
      message,
    ]);
  }

  /** Files of the same batch made before the letters last changed. */
  private async removeOlderFiles(id: number, keep: string): Promise<void> {
    const prefix = this.filePrefix(id);
    for (const name of await readdir(LETTER_PDF_DIR).catch(() => [] as string[])) {
      const path = join(LETTER_PDF_DIR, name);
      if (name.startsWith(prefix) && path !== keep) await rm(path, { force: true });
    }
  }
}
