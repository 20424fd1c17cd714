import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';
import { OverdueChecksJob } from './overdue-checks.job';

/** The one job queue, for every module that has background work (see job-kind.ts). */
@Global()
@Module({
  providers: [JobQueue, OverdueChecksJob],
  exports: [JobQueue, OverdueChecksJob],
})
export class JobsModule {}
