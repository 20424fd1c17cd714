import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ResourceReader } from '../rest/resource-reader.service';
import { FileController } from './file.controller';
import { FileService } from './file.service';

/** Attachments stored in PostgreSQL, any module's. Import before ResourceModule. */
@Module({
  controllers: [FileController],
  providers: [FileService, ResourceReader, AuditService],
})
export class FileModule {}
