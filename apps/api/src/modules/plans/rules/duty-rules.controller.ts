import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { dutyResource } from '@zizhu/plans';
import type { DutyRuleDescription } from '@zizhu/schema';
import { Allow } from '../../../engine/auth/allow.decorator';
import { dutyRuleDescriptions } from './duty-rule-catalogue';

/** The completion rules a duty may use, for the duty form's select. */
@ApiTags('work-plans')
@ApiBearerAuth()
@Controller()
export class DutyRulesController {
  @Get('duty-rules')
  @Allow(...dutyResource.access.list)
  @ApiOperation({ summary: 'Completion rules of duties: manual, then the automatic rules — [{ code, label, description, automatic }]' })
  list(): DutyRuleDescription[] {
    return dutyRuleDescriptions();
  }
}
