import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordHistoryEntry, SessionUser } from '@zizhu/schema';
import { CurrentUser } from '../auth/current-user.decorator';
import { allowed } from '../rest/resource.controller';
import { RecordHistoryService } from './record-history.service';

@ApiTags('audit-log')
@ApiBearerAuth()
@Controller('record-history')
export class RecordHistoryController {
  constructor(private readonly history: RecordHistoryService) {}

  @Get(':resource/:id')
  @ApiOperation({
    summary: "A record's history, newest first: its audit rows and the imports that wrote it (导入批次 N, with an update's before-image)",
  })
  read(@Param('resource') resource: string, @Param('id') id: string, @CurrentUser() user: SessionUser): Promise<RecordHistoryEntry[]> {
    return this.history.history(allowed(resource, 'list', user), id, user);
  }
}
