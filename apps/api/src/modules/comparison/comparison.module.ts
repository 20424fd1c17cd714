import { Module } from '@nestjs/common';
import { AuditService } from '../../engine/audit/audit.service';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { ResourceWriter } from '../../engine/rest/resource-writer.service';
import { ComparisonController } from './comparison.controller';
import { ComparisonService } from './comparison.service';
import { ComparisonRunJob } from './comparison-run.job';

/** 大数据比对: runs, their summary and school decisions. Import before ResourceModule. */
@Module({
  controllers: [ComparisonController],
  providers: [ComparisonService, ComparisonRunJob, ResourceReader, ResourceWriter, AuditService],
  exports: [ComparisonService],
})
export class ComparisonModule {}
