import { Module } from '@nestjs/common';
import { RecordHistoryController } from './record-history.controller';
import { RecordHistoryService } from './record-history.service';

/** `GET /api/record-history/:resource/:id`: what the panel shows under a record as its history. */
@Module({
  controllers: [RecordHistoryController],
  providers: [RecordHistoryService],
})
export class RecordHistoryModule {}
