import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ComparisonProgress, ComparisonSummaryTree, SessionUser } from '@zizhu/schema';
import { CurrentUser } from '../../engine/auth/current-user.decorator';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { ComparisonService } from './comparison.service';
import type { ComparisonSummary } from './comparison-summary';
import { RecordIdPipe, RecordIdTextPipe } from '../../engine/rest/record-id.pipe';

/**
 * The comparison's own routes; its resources (lists, runs, results) are served by the
 * generic REST. Registered before ResourceModule, so `PUT /comparison-results/:id` here
 * takes precedence over the generic update (it adds who decided and the student's mark),
 * and so do `POST /comparisons` and `PUT /comparisons/:id` (they check the deadline) and
 * `DELETE /comparisons/:id` (it removes the run's results, refused once a school decided).
 */
@ApiTags('comparisons')
@ApiBearerAuth()
@Controller()
export class ComparisonController {
  constructor(private readonly comparisons: ComparisonService) {}

  @Post('comparisons')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a run (as the generic create); a deadline must not lie in the past or more than a year ahead' })
  create(@Body() body: Record<string, unknown>, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.comparisons.create(body ?? {}, user);
  }

  @Put('comparisons/:id')
  @ApiOperation({ summary: 'Edit a run (as the generic update); a changed deadline must not lie in the past' })
  update(@Param('id', RecordIdTextPipe) id: string, @Body() body: Record<string, unknown>, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.comparisons.update(id, body ?? {}, user);
  }

  @Delete('comparisons/:id')
  @ApiOperation({ summary: 'Delete a run with its results and history; refused (409) while it runs or once a school has decided a result' })
  remove(@Param('id', RecordIdTextPipe) id: string, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.comparisons.remove(id, user);
  }

  @Post('comparisons/:id/run')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run (or re-run) a comparison in the background; poll GET /comparisons/:id for status and progress' })
  run(@Param('id', RecordIdPipe) id: number, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.comparisons.start(id, user);
  }

  @Get('comparisons/:id/summary')
  @ApiOperation({ summary: 'Counts by county × stage × identity type: students compared, found, questionable, unmatched' })
  summary(@Param('id', RecordIdPipe) id: number, @CurrentUser() user: SessionUser): Promise<ComparisonSummary | null> {
    return this.comparisons.summary(id, user);
  }

  @Get('comparisons/:id/summary/tree')
  @ApiOperation({
    summary:
      "The summary down the region tree (city › county › township › school × stage × identity type): ?parent=<region code> (default: the caller's highest node) → the node, its ancestors and children; ?level=county|township|school lists that level below the node instead",
  })
  summaryTree(
    @Param('id', RecordIdPipe) id: number,
    @Query('parent') parent: string | undefined,
    @Query('level') level: string | undefined,
    @CurrentUser() user: SessionUser,
  ): Promise<ComparisonSummaryTree> {
    return this.comparisons.summaryTree(id, { parent, level }, user);
  }

  @Get('comparisons/:id/progress')
  @ApiOperation({ summary: "Verification progress per school in the caller's scope: total, decided, pending, overdue; state done | pending | overdue" })
  progress(@Param('id', RecordIdPipe) id: number, @CurrentUser() user: SessionUser): Promise<ComparisonProgress> {
    return this.comparisons.progressBySchool(id, user);
  }

  @Post('comparisons/:id/results/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: "Bulk confirm: { ids, reason? } — each listed result of the run that is pending, an exact or a questionable match (what verification progress waits on) and in the caller's scope is confirmed (audited); others are skipped. Answers { confirmed, skipped }",
  })
  confirm(
    @Param('id', RecordIdPipe) id: number,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: SessionUser,
  ): Promise<{ confirmed: number; skipped: number }> {
    return this.comparisons.confirmMany(id, body ?? {}, user);
  }

  @Put('comparison-results/:id')
  @ApiOperation({ summary: "A school's decision on a result: { decision, decisionReason, version }" })
  decide(@Param('id', RecordIdTextPipe) id: string, @Body() body: Record<string, unknown>, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.comparisons.decide(id, body ?? {}, user);
  }
}
