import { Module } from '@nestjs/common';
import { AuditService } from '../../engine/audit/audit.service';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { ResourceWriter } from '../../engine/rest/resource-writer.service';
import { OmissionController } from './omission.controller';
import { OmissionService } from './omission.service';

/** 补录: county review of school-flagged omissions and students' marks. Import before ResourceModule. */
@Module({
  controllers: [OmissionController],
  providers: [OmissionService, ResourceReader, ResourceWriter, AuditService],
})
export class OmissionModule {}
