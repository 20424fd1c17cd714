import { Module } from '@nestjs/common';
import { FileController } from './file.controller';
import { FileService } from './file.service';

/** Attachments stored in PostgreSQL, any module's (the files resource leaves upload and download to these routes). */
@Module({
  controllers: [FileController],
  providers: [FileService],
})
export class FileModule {}
