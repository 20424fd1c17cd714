import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ResourceController } from './resource.controller';
import { ResourceReader } from './resource-reader.service';
import { ResourceWriter } from './resource-writer.service';

@Module({
  controllers: [ResourceController],
  providers: [ResourceReader, ResourceWriter, AuditService],
})
export class ResourceModule {}
