import { Injectable, Logger } from '@nestjs/common';
import type { JobKind } from '../../../engine/jobs/job-kind';
import { NoPayload } from '../../../engine/jobs/job-payload';
import { JobQueue } from '../../../engine/jobs/job-queue.service';
import { AuditRuleRunner } from './audit-rule-runner.service';

/** 01:30 China time: after the day's payments, bank files and refunds. */
const NIGHTLY = '30 1 * * *';

/**
 * Every active audit rule, each night, over its whole region: new matches open their clues
 * (one per rule and record, so a rerun of the job opens nothing twice).
 */
@Injectable()
export class AuditRulesNightlyJob {
  private readonly logger = new Logger('Jobs');

  readonly kind: JobKind<NoPayload> = {
    name: 'audit-rules-nightly',
    payload: NoPayload,
    schedule: { cron: NIGHTLY, payload: {} },
    handle: () => this.run(),
  };

  constructor(
    queue: JobQueue,
    private readonly runner: AuditRuleRunner,
  ) {
    queue.register(this.kind);
  }

  async run(): Promise<void> {
    const results = Object.values(await this.runner.runActive());
    const opened = results.reduce((sum, counts) => sum + counts.opened, 0);
    this.logger.log(`audit rules: ${results.length} run, ${opened} clues opened`);
  }
}
