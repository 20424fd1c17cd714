import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { dutyOccurrenceResource, workPlanResource } from '@zizhu/plans';
import type { MyDuties, PlanCompletion, SessionUser } from '@zizhu/schema';
import { Allow } from '../../../engine/auth/allow.decorator';
import { CurrentUser } from '../../../engine/auth/current-user.decorator';
import { RecordIdTextPipe } from '../../../engine/rest/record-id.pipe';
import { MyDutiesService } from './my-duties.service';
import { PlanCompletionService } from './plan-completion.service';

/** Completion by unit for the planner, and each unit's own duties for its home page. */
@ApiTags('work-plans')
@ApiBearerAuth()
@Controller()
export class PlanCompletionController {
  constructor(
    private readonly completion: PlanCompletionService,
    private readonly mine: MyDutiesService,
  ) {}

  @Get('work-plans/:id/completion')
  @Allow(...workPlanResource.access.list)
  @ApiOperation({ summary: "A plan's completion table: units (rows) × months, or the due dates of one duty (`dutyId`); cells count occurrences by status; totals per unit" })
  @ApiQuery({ name: 'dutyId', required: false, type: Number })
  table(
    @Param('id', RecordIdTextPipe) id: string,
    @Query('dutyId', new ParseIntPipe({ optional: true })) dutyId: number | undefined,
    @CurrentUser() user: SessionUser,
  ): Promise<PlanCompletion> {
    return this.completion.completion(id, dutyId ?? null, user);
  }

  @Get('me/duties')
  @Allow(...dutyOccurrenceResource.access.list)
  @ApiOperation({ summary: "The caller's own unit's duties that need them: { dueSoon, returned, overdue }, each [{ id, title, planName, dueDate, status, returnReason, … }]" })
  myDuties(@CurrentUser() user: SessionUser): Promise<MyDuties> {
    return this.mine.forUser(user);
  }
}
