import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditService } from '../audit/audit.service';
import { ExportModule } from '../export/export.module';
import { RESOURCES } from '../metadata/resource-registry';
import { resourceController } from './resource.controller';
import { ResourceBehaviours } from './resource-behaviours.service';
import { ResourceReader } from './resource-reader.service';
import { ResourceWriter } from './resource-writer.service';

/**
 * The generic REST of every declared resource (one controller each, under its own name,
 * so its routes never meet a module's) and the reader, writer and behaviours every module
 * shares. Global: modules inject ResourceReader and ResourceWriter without listing them.
 */
@Global()
@Module({
  imports: [DiscoveryModule, ExportModule],
  controllers: RESOURCES.map(resourceController),
  providers: [ResourceReader, ResourceWriter, AuditService, ResourceBehaviours],
  exports: [ResourceReader, ResourceWriter, AuditService, ResourceBehaviours, ExportModule],
})
export class ResourceModule {}
