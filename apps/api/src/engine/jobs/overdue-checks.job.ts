import { Injectable, Logger } from '@nestjs/common';
import { type JobKind } from './job-kind';
import { NoPayload } from './job-payload';
import { JobQueue } from './job-queue.service';

/** One nightly check: finds what fell overdue during the day and records it (or tells someone). */
export interface OverdueCheck {
  /** For the log: `rectifications`. */
  name: string;
  run(): Promise<void>;
}

/** 00:30 China time: after the day on which a due date fell has ended there. */
const NIGHTLY = '30 0 * * *';

/**
 * The nightly overdue check's home. Overdue is computed whenever records are read (a
 * declaration's `overdue`, engine/rest/overdue-sql.ts); a module whose records must also be
 * stored or announced as overdue each night (the inspections' rectifications) adds its
 * check with `add` from its constructor; the job is scheduled once a check is added and
 * then runs every night, one check after the other. Specs run it with `run()`.
 */
@Injectable()
export class OverdueChecksJob {
  private readonly logger = new Logger('Jobs');
  private readonly checks: OverdueCheck[] = [];
  readonly kind: JobKind<NoPayload>;

  constructor(queue: JobQueue) {
    const checks = this.checks;
    this.kind = {
      name: 'overdue-checks',
      payload: NoPayload,
      // Read when the queue starts, once every module has added its checks.
      get schedule() {
        return checks.length ? { cron: NIGHTLY, payload: {} } : undefined;
      },
      handle: () => this.run(),
    };
    queue.register(this.kind);
  }

  add(check: OverdueCheck): void {
    this.checks.push(check);
  }

  /** The checks added, by name. */
  get names(): string[] {
    return this.checks.map((check) => check.name);
  }

  /** Each check on its own: one failing does not stop the others (the job is retried as a whole). */
  async run(): Promise<void> {
    const failed: string[] = [];
    for (const check of this.checks) {
      try {
        await check.run();
      } catch (error) {
        this.logger.error(`overdue check ${check.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        failed.push(check.name);
      }
    }
    if (failed.length) throw new Error(`overdue checks failed: ${failed.join(', ')}`);
  }
}
