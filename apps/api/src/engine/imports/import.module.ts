import { Module } from '@nestjs/common';
import { ImportController } from './import.controller';
import { ImportErrorRows } from './import-error-rows';
import { ImportJobService } from './import-job.service';

@Module({
  controllers: [ImportController],
  providers: [ImportJobService, ImportErrorRows],
  exports: [ImportJobService],
})
export class ImportModule {}
