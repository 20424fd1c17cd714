import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ExportJobController } from './export-job.controller';
import { ExportJobService } from './export-job.service';
import { ResourceExporter } from './resource-exporter.service';

/** Exports: the file of a list (served by the generic routes), and export jobs. */
@Module({
  controllers: [ExportJobController],
  providers: [ResourceExporter, ExportJobService, AuditService],
  exports: [ResourceExporter],
})
export class ExportModule {}
