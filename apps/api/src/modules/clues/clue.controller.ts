import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@zizhu/schema';
import { CurrentUser } from '../../engine/auth/current-user.decorator';
import { RecordIdTextPipe } from '../../engine/rest/record-id.pipe';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { ClueWorkflowService } from './clue-workflow.service';

type Payload = Record<string, unknown>;

/**
 * 问题线索 routes beside the generic REST of `clues` (registered before ResourceModule, so
 * create and update here take precedence): the school's answer and the county's review.
 */
@ApiTags('clues')
@ApiBearerAuth()
@Controller()
export class ClueController {
  constructor(private readonly clues: ClueWorkflowService) {}

  @Post('clues')
  @ApiOperation({ summary: '问题线索: the generic create; it starts 待核实 and records who opened it' })
  create(@Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.clues.create(body ?? {}, user);
  }

  @Put('clues/:id')
  @ApiOperation({ summary: '问题线索: the county’s edit of description, due date and refund; status and answer change only through the actions' })
  update(@Param('id', RecordIdTextPipe) id: string, @Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.clues.update(id, body ?? {}, user);
  }

  @Post('clues/:id/answer')
  @HttpCode(200)
  @ApiOperation({
    summary: "The school's answer (待核实/已退回 → 已反馈): { verdict: 'confirmed'|'unfounded', finding, rectification (required when confirmed), evidenceFileId?, rectificationFileId?, version? }",
  })
  answer(@Param('id', RecordIdTextPipe) id: string, @Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.clues.answer(id, body ?? {}, user);
  }

  @Post('clues/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: "The county accepts the school's answer (已反馈 → 已办结): { reason?, version? }" })
  accept(@Param('id', RecordIdTextPipe) id: string, @Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.clues.review(id, 'accept', body ?? {}, user);
  }

  @Post('clues/:id/return')
  @HttpCode(200)
  @ApiOperation({ summary: "The county returns the school's answer (已反馈 → 已退回): { reason (required), version? }" })
  returnAnswer(@Param('id', RecordIdTextPipe) id: string, @Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.clues.review(id, 'return', body ?? {}, user);
  }
}
