import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';

/** The one job queue, for every module that has background work (see job-kind.ts). */
@Global()
@Module({
  providers: [JobQueue],
  exports: [JobQueue],
})
export class JobsModule {}
