import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { OutreachCoverage, SessionUser } from '@zizhu/schema';
import { Allow } from '../../../../engine/auth/allow.decorator';
import { CurrentUser } from '../../../../engine/auth/current-user.decorator';
import { declaredBody } from '../../../../engine/rest/declared-body';
import { OutreachCoverageQueryDto } from './dtos/outreach-coverage-query.dto';
import { OutreachCoverageService } from './outreach-coverage.service';

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('outreach-coverage')
export class OutreachCoverageController {
  constructor(private readonly coverage: OutreachCoverageService) {}

  @Get()
  @Allow('admin', 'county', 'inspector', 'school')
  @ApiOperation({
    summary:
      "告知覆盖: the term's recipients (paid net of refunds) of the caller's region (or regionId within it), each child region and each school, and how many of them letters reached (generated, delivered, receipt returned), phone calls reached and visits met — counts and shares (basis points) of recipients, by the end of dueDate when given; plus the term's campaigns and their due dates",
  })
  @ApiQuery({ name: 'year', required: true, type: Number })
  @ApiQuery({ name: 'term', required: true, enum: ['spring', 'autumn', 'yearly'] })
  @ApiQuery({ name: 'regionId', required: false, type: String, description: '6 or 9 digits, in the caller’s subtree' })
  @ApiQuery({ name: 'dueDate', required: false, type: String, description: 'YYYY-MM-DD: count only what was done by the end of that day (China time)' })
  async get(@Query() query: Record<string, unknown>, @CurrentUser() user: SessionUser): Promise<OutreachCoverage> {
    const params = (await declaredBody(OutreachCoverageQueryDto, query)) as OutreachCoverageQueryDto;
    return this.coverage.coverage(params, user);
  }
}
