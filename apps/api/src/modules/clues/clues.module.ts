import { Module } from '@nestjs/common';
import { AuditService } from '../../engine/audit/audit.service';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { ResourceWriter } from '../../engine/rest/resource-writer.service';
import { ClueWorkflowService } from './clue-workflow.service';
import { ClueController } from './clue.controller';

/** 问题线索: creation, the school's answer and the county's review. Import before ResourceModule. */
@Module({
  controllers: [ClueController],
  providers: [ClueWorkflowService, ResourceReader, ResourceWriter, AuditService],
})
export class CluesModule {}
