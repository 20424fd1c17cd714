import { Injectable } from '@nestjs/common';
import type { JobKind } from '../../../engine/jobs/job-kind';
import { NoPayload } from '../../../engine/jobs/job-payload';
import { JobQueue } from '../../../engine/jobs/job-queue.service';
import { OccurrenceRunner } from './occurrence-runner.service';

/** 01:15 China time: the day before has ended, so yesterday's due dates are judged on a whole day's data. */
const NIGHTLY = '15 1 * * *';

/**
 * Each night: the occurrences of every published plan through today (each duty from its
 * fixed start: a night missed is made up by the next), then the due ones decided.
 */
@Injectable()
export class DutyOccurrencesNightlyJob {
  readonly kind: JobKind<NoPayload> = {
    name: 'duty-occurrences-nightly',
    payload: NoPayload,
    schedule: { cron: NIGHTLY, payload: {} },
    handle: async () => {
      await this.runner.runAll();
    },
  };

  constructor(
    queue: JobQueue,
    private readonly runner: OccurrenceRunner,
  ) {
    queue.register(this.kind);
  }
}
