import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { letterRunResource, letterTemplateResource, type LetterRunCounts } from '@zizhu/outreach';
import { schoolResource } from '@zizhu/regions';
import type { Localized, SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../../../engine/errors/api.exception';
import { type JobContext, JobInterruptedError, type JobKind } from '../../../engine/jobs/job-kind';
import { JobQueue } from '../../../engine/jobs/job-queue.service';
import type { ApiRecord } from '../../../engine/rest/record-presenter';
import { ResourceReader } from '../../../engine/rest/resource-reader.service';
import { readScope } from '../../../engine/scope/scope';
import type { GenerateLettersDto } from './dtos/generate-letters.dto';
import { LetterGenerationPayload } from './letter-generation.payload';
import { LETTER_MESSAGES } from './letter-messages';
import { hasRecipients, type Sql, writeLetters } from './letter-writer';

interface RunRow {
  id: number;
  year: number;
  term: string;
  template_id: number;
  status: string;
  started_by: number;
  scope_path: string;
}

const sqlOf =
  (manager: EntityManager): Sql =>
  (text, params) =>
    manager.query(text, params as unknown[]);

/**
 * 生成告知书: `POST /letters/generate` checks the target (a school or a region in the
 * caller's subtree), the template (published, readable) and that something was paid, then
 * records a run (`letter-runs`) and queues it; the job writes the letters in one
 * transaction (see letter-writer.ts), so a run interrupted by a restart is simply run again.
 */
@Injectable()
export class LetterGenerationService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Letters');

  readonly job: JobKind<LetterGenerationPayload> = {
    name: 'letter-generate',
    payload: LetterGenerationPayload,
    key: (job) => String(job.runId),
    handle: (job, context) => this.run(job, context),
    failed: (job, cause) => this.fail(job.runId, cause === 'interrupted' ? LETTER_MESSAGES.runInterrupted : LETTER_MESSAGES.runFailed),
  };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly queue: JobQueue,
  ) {
    queue.register(this.job);
  }

  /** Runs left `running` with no job on the queue (an older release's) cannot finish: say so. */
  async onApplicationBootstrap(): Promise<void> {
    const inFlight = [...(await this.queue.inFlightKeys(this.job))].map(Number);
    await this.db.query(`UPDATE letter_runs SET status = 'failed', message = $1, finished_at = now() WHERE status = 'running' AND id <> ALL($2::int[])`, [
      LETTER_MESSAGES.runInterrupted,
      inFlight,
    ]);
  }

  async start(body: GenerateLettersDto, user: SessionUser, queryUrl: string): Promise<ApiRecord> {
    const target = await this.target(body, user);
    const template = await this.reader.findRow(this.db.manager, letterTemplateResource, String(body.templateId), readScope(letterTemplateResource, user));
    if (!template) throw ApiException.validation({ templateId: LETTER_MESSAGES.templateNotFound });
    if (template.status !== 'published') throw ApiException.validation({ templateId: LETTER_MESSAGES.templateNotPublished });
    if (!(await hasRecipients(sqlOf(this.db.manager), { scopePath: target.scopePath, year: body.year, term: body.term }))) throw ApiException.validation({ term: LETTER_MESSAGES.noRecipients });

    const id = await this.db.transaction(async (manager) => {
      const [{ id }]: { id: number }[] = await manager.query(
        `INSERT INTO letter_runs (region_id, school_id, year, term, template_id, status, progress, started_by, started_at, scope_path)
         VALUES ($1, $2, $3, $4, $5, 'running', $6, $7, now(), $8) RETURNING id`,
        [target.regionId, target.schoolId, body.year, body.term, template.id, { percent: 0 }, user.id, target.scopePath],
      );
      await this.queue.send(this.job, { runId: id, queryUrl }, { manager });
      return id;
    });
    this.queue.wake(this.job);
    return this.reader.getOne(letterRunResource, String(id), user);
  }

  /** Resolves once the run has finished (specs, the demo). */
  async settled(id: number): Promise<void> {
    for (;;) {
      const [run]: { status: string }[] = await this.db.query(`SELECT status FROM letter_runs WHERE id = $1`, [id]);
      if (run?.status !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** A school or a region the caller may write in: its path, and which of the two it is. */
  private async target(body: GenerateLettersDto, user: SessionUser): Promise<{ scopePath: string; schoolId: number | null; regionId: string | null }> {
    if ((body.schoolId == null) === (body.regionId == null)) throw ApiException.validation({ schoolId: LETTER_MESSAGES.targetRequired });
    if (body.schoolId != null) {
      const school = await this.reader.findRow(this.db.manager, schoolResource, String(body.schoolId), readScope(schoolResource, user));
      if (!school) throw ApiException.validation({ schoolId: LETTER_MESSAGES.schoolNotFound });
      return { scopePath: school.scopePath as string, schoolId: school.id as number, regionId: null };
    }
    // Regions are public reference data: the caller's own subtree is checked here.
    const [region]: { id: string; scope_path: string }[] = await this.db.query(`SELECT id, scope_path FROM regions WHERE id = $1`, [body.regionId]);
    if (!region || !region.scope_path.startsWith(user.scopePath)) throw ApiException.validation({ regionId: LETTER_MESSAGES.regionNotFound });
    return { scopePath: region.scope_path, schoolId: null, regionId: region.id };
  }

  /** The job: every letter of the run in one transaction, then the run's outcome. */
  private async run(payload: LetterGenerationPayload, context: JobContext): Promise<void> {
    const [run]: RunRow[] = await this.db.query(`SELECT * FROM letter_runs WHERE id = $1`, [payload.runId]);
    if (run?.status !== 'running') return;
    try {
      const counts = await this.db.transaction(async (manager) => {
        const [template] = await manager.query(
          `SELECT t.id, t.revision, t.body, t.receipt_text AS "receiptText", r.name AS region FROM letter_templates t JOIN regions r ON r.id = t.region_id WHERE t.id = $1`,
          [run.template_id],
        );
        return writeLetters(sqlOf(manager), {
          target: { scopePath: run.scope_path, year: run.year, term: run.term },
          template: { id: template.id, revision: Number(template.revision ?? 1), body: template.body, receiptText: template.receiptText },
          context: { year: run.year, term: run.term, queryUrl: payload.queryUrl, issuerRegion: template.region },
          userId: run.started_by,
          progress: async (fraction) => {
            if (context.signal.aborted) throw new JobInterruptedError();
            const percent = Math.min(99, Math.floor(fraction * 100));
            await context.progress(() => this.db.query(`UPDATE letter_runs SET progress = $2 WHERE id = $1`, [run.id, { percent }]));
          },
        });
      });
      await this.finish(run.id, counts);
    } catch (error) {
      if (context.signal.aborted || error instanceof JobInterruptedError) throw new JobInterruptedError();
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      await this.fail(run.id, LETTER_MESSAGES.runFailed);
    }
  }

  private async finish(id: number, counts: LetterRunCounts): Promise<void> {
    await this.db.query(`UPDATE letter_runs SET status = 'done', progress = $2, counts = $3, finished_at = now() WHERE id = $1`, [id, { percent: 100 }, counts]);
  }

  private async fail(id: number, message: Localized): Promise<void> {
    await this.db.query(`UPDATE letter_runs SET status = 'failed', message = $2, finished_at = now() WHERE id = $1 AND status = 'running'`, [id, message]);
  }
}
