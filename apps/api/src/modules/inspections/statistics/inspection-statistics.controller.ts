import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { InspectionStatistics, SessionUser } from '@zizhu/schema';
import { Allow } from '../../../engine/auth/allow.decorator';
import { CurrentUser } from '../../../engine/auth/current-user.decorator';
import { declaredBody } from '../../../engine/rest/declared-body';
import { InspectionStatisticsQueryDto } from './dtos/inspection-statistics-query.dto';
import { InspectionStatisticsService } from './inspection-statistics.service';

@ApiTags('inspections')
@ApiBearerAuth()
@Controller('inspection-statistics')
export class InspectionStatisticsController {
  constructor(private readonly statistics: InspectionStatisticsService) {}

  @Get()
  @Allow('admin', 'county', 'inspector')
  @ApiOperation({
    summary:
      "Per plan (latest first), the caller's region (or regionId within it) and each child region: inspections planned / done, average score overall and by section, findings by severity, closed, overdue, rectification rate (basis points)",
  })
  @ApiQuery({ name: 'planId', required: false, type: Number })
  @ApiQuery({ name: 'regionId', required: false, type: String, description: '6 or 9 digits, in the caller’s subtree' })
  async get(@Query() query: Record<string, unknown>, @CurrentUser() user: SessionUser): Promise<InspectionStatistics> {
    const params = (await declaredBody(InspectionStatisticsQueryDto, query)) as InspectionStatisticsQueryDto;
    return this.statistics.statistics(params, user);
  }
}
