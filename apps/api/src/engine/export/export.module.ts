import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ExportController } from './export.controller';
import { ResourceExporter } from './resource-exporter.service';

/** Registered before the imports and resource modules: `/:resource/export` must win over
 * their `/:resource/:id` (e.g. `/imports/export`). */
@Module({
  controllers: [ExportController],
  providers: [ResourceExporter, AuditService],
})
export class ExportModule {}
