import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ExportController } from './export.controller';
import { ExportJobController } from './export-job.controller';
import { ExportJobService } from './export-job.service';
import { ResourceExporter } from './resource-exporter.service';

/** Registered before the imports and resource modules: `/:resource/export`, `/:resource/export-jobs`
 * and `/export-jobs/:id` must win over their `/:resource/:id` (e.g. `/imports/export`). */
@Module({
  controllers: [ExportController, ExportJobController],
  providers: [ResourceExporter, ExportJobService, AuditService],
})
export class ExportModule {}
