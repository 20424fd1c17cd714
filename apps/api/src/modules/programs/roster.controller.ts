import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { CurrentUser } from '../../engine/auth/current-user.decorator';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { RosterEntryService } from './roster-entry.service';
import { RosterNoticeService } from './roster-notice.service';
import { RosterWorkflowService } from './roster-workflow.service';
import { type RosterProblem, RosterService } from './roster.service';

type Payload = Record<string, unknown>;

/**
 * Rosters and their entries beside the generic REST (registered before ResourceModule, so
 * these POST/PUT/DELETE routes take precedence): creation from a program, the approval
 * chain, amendments, the submission check and the public notice.
 */
@ApiTags('rosters')
@ApiBearerAuth()
@Controller()
export class RosterController {
  constructor(
    private readonly rosters: RosterService,
    private readonly workflow: RosterWorkflowService,
    private readonly entries: RosterEntryService,
    private readonly notice: RosterNoticeService,
  ) {}

  @Post('rosters')
  @ApiOperation({ summary: 'Create a roster for a program, year, term and school; special-identity students join at the top tier' })
  create(@Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.rosters.create(body ?? {}, user);
  }

  @Post('rosters/:id/auto-enrol')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add newly marked eligible students at the top tier (while the roster is with the school)' })
  autoEnrol(@Param('id') id: string, @CurrentUser() user: SessionUser): Promise<{ added: number }> {
    return this.rosters.autoEnrol(id, user);
  }

  @Get('rosters/:id/problems')
  @ApiOperation({ summary: 'Everything that would stop the roster being submitted, entry by entry' })
  problems(@Param('id') id: string, @CurrentUser() user: SessionUser): Promise<RosterProblem[]> {
    return this.rosters.problems(id, user);
  }

  @Post('rosters/:id/actions')
  @HttpCode(200)
  @ApiOperation({ summary: "The current step's decision: { action: 'approve' | 'return' | 'reject', comment } (comment required to return or reject)" })
  act(@Param('id') id: string, @Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.workflow.act(id, body ?? {}, user);
  }

  @Post('rosters/:id/amendments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Amend an approved roster: { entryId, tier } | { entryId, remove: true } | { studentId, tier }, with a reason' })
  amend(@Param('id') id: string, @Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.workflow.amend(id, body ?? {}, user);
  }

  @Get('rosters/:id/notice.xlsx')
  @ApiOperation({ summary: '公示: the roster with names and masked ID numbers, ready to post' })
  noticeFile(@Param('id') id: string, @CurrentUser() user: SessionUser, @Res() response: Response): Promise<void> {
    return this.notice.write(id, user, response);
  }

  @Post('roster-entries')
  @ApiOperation({ summary: "Add a student's application to a roster that is with the school" })
  addEntry(@Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.entries.create(body ?? {}, user);
  }

  @Put('roster-entries/:id')
  @ApiOperation({ summary: 'Change an entry (tier, answers, note) while the roster is with the school' })
  editEntry(@Param('id') id: string, @Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.entries.update(id, body ?? {}, user);
  }

  @Delete('roster-entries/:id')
  @ApiOperation({ summary: 'Remove an entry while the roster is with the school' })
  removeEntry(@Param('id') id: string, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.entries.remove(id, user);
  }
}
