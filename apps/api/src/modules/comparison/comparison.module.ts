import { Module } from '@nestjs/common';
import { ComparisonController } from './comparison.controller';
import { ComparisonExecutionBehaviour } from './comparison-execution.behaviour';
import { ComparisonResultBehaviour } from './comparison-result.behaviour';
import { ComparisonBehaviour } from './comparison.behaviour';
import { ComparisonService } from './comparison.service';
import { ComparisonRunJob } from './comparison-run.job';

/** 大数据比对: runs, their summary and school decisions; the behaviours of runs, their history and results. */
@Module({
  controllers: [ComparisonController],
  providers: [ComparisonService, ComparisonRunJob, ComparisonBehaviour, ComparisonExecutionBehaviour, ComparisonResultBehaviour],
  exports: [ComparisonService],
})
export class ComparisonModule {}
