import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsArray, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { type JobContext, JobInterruptedError, type JobKind } from '../../engine/jobs/job-kind';
import { JobQueue } from '../../engine/jobs/job-queue.service';
import type { RunParams } from './comparison-match.sql';
import { readStoredSummary, recordExecution, RUN_STEPS, runComparisonSteps } from './comparison-run';

const MESSAGES = {
  failed: { zh: '比对失败，请稍后重试或联系管理员', en: 'The comparison failed: retry later or ask an administrator' },
  interrupted: { zh: '服务重启，比对中断，请重新运行', en: 'Interrupted by a restart: run it again' },
};

/** A run to execute: what it compares (fixed when it was started) and who started it. */
export class ComparisonRunPayload implements RunParams {
  @IsInt()
  @Min(1)
  comparisonId!: number;

  /** The run's region subtree, as a LIKE pattern on scope paths. */
  @IsString()
  pattern!: string;

  @IsArray()
  @IsInt({ each: true })
  listIds!: number[];

  @IsString()
  regionId!: string;

  @IsOptional()
  @IsInt()
  startedBy!: number | null;
}

/**
 * Comparison runs on the job queue. A run is one transaction, so a run cut off by a
 * restart left nothing and runs again from the start; its status stays `running` meanwhile.
 */
@Injectable()
export class ComparisonRunJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('Comparison');

  private readonly kind: JobKind<ComparisonRunPayload> = {
    name: 'comparison-run',
    payload: ComparisonRunPayload,
    concurrency: 2,
    key: (run) => String(run.comparisonId),
    handle: (run, context) => this.execute(run, context),
    failed: (run, cause) => this.fail(run, new Date(), cause === 'interrupted' ? MESSAGES.interrupted : MESSAGES.failed),
  };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
  ) {
    queue.register(this.kind);
  }

  /** Runs left running with no job on the queue (an older release's, a lost one) cannot finish: they fail, to be run again. */
  async onApplicationBootstrap(): Promise<void> {
    const inFlight = [...(await this.queue.inFlightKeys(this.kind))].map(Number);
    await this.db.query(`UPDATE comparisons SET status = 'failed', finished_at = now(), message = $1 WHERE status = 'running' AND id <> ALL($2::int[])`, [
      MESSAGES.interrupted,
      inFlight,
    ]);
  }

  /** Queues the run in the transaction that marked it running; `wake` after the commit. */
  async enqueue(manager: EntityManager, params: RunParams, startedBy: number): Promise<void> {
    await this.queue.send(this.kind, { ...params, startedBy }, { manager });
  }

  wake(): void {
    this.queue.wake(this.kind);
  }

  /** Resolves when the run is no longer running (tests, benchmarks). */
  async settled(id: number): Promise<void> {
    for (;;) {
      const [run]: { status: string | null }[] = await this.db.query(`SELECT status FROM comparisons WHERE id = $1`, [id]);
      if (run?.status !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async execute(run: ComparisonRunPayload, context: JobContext): Promise<void> {
    const id = run.comparisonId;
    const [current]: { status: string | null }[] = await this.db.query(`SELECT status FROM comparisons WHERE id = $1`, [id]);
    if (current?.status !== 'running') return;
    const params: RunParams = { comparisonId: id, pattern: run.pattern, listIds: run.listIds, regionId: run.regionId };
    const startedAt = new Date();
    try {
      await this.db.transaction(async (manager) => {
        const { firstRun } = await runComparisonSteps(manager, params, async ({ step }, index, work) => {
          // Between two statements: a stopping instance rolls the run back, to run again.
          if (context.signal.aborted) throw new JobInterruptedError();
          await this.progress(id, step, Math.floor((index / RUN_STEPS.length) * 100));
          await work();
        });
        const summary = await readStoredSummary(manager, id);
        await manager.query(
          `UPDATE comparisons SET status = 'done', finished_at = now(), summary = $2, progress = $3,
                  version = version + 1, updated_at = now() WHERE id = $1`,
          [id, summary, { step: 'done', percent: 100 }],
        );
        await recordExecution(manager, params, { firstRun, startedBy: run.startedBy, startedAt, identitiesCompared: summary.totals.identitiesCompared });
      });
    } catch (error) {
      if (context.signal.aborted) throw new JobInterruptedError();
      this.logger.error(`comparison ${id} failed: ${(error as Error).stack ?? String(error)}`);
      await this.fail(run, startedAt, MESSAGES.failed);
    }
  }

  /** The run fails with the message, and its history gets the failed execution's line. */
  private async fail(run: ComparisonRunPayload, startedAt: Date, message: { zh: string; en: string }): Promise<void> {
    await this.db
      .transaction(async (manager) => {
        const [, failed]: [unknown, number] = await manager.query(
          `UPDATE comparisons SET status = 'failed', finished_at = now(), message = $2, version = version + 1, updated_at = now()
            WHERE id = $1 AND status = 'running'`,
          [run.comparisonId, message],
        );
        if (!failed) return;
        await manager.query(
          `INSERT INTO comparison_executions (comparison_id, status, started_by, started_at, finished_at, message, scope_path)
           SELECT id, 'failed', $2, $3, now(), $4, scope_path FROM comparisons WHERE id = $1`,
          [run.comparisonId, run.startedBy, startedAt, message],
        );
      })
      .catch((error: Error) => this.logger.error(`comparison ${run.comparisonId}: recording its failure failed: ${error.message}`));
  }

  /** Progress goes through the pool (not the run's transaction), so readers see it live. */
  private async progress(id: number, step: string, percent: number): Promise<void> {
    await this.db.query(`UPDATE comparisons SET progress = $2 WHERE id = $1`, [id, { step, percent }]);
  }
}
