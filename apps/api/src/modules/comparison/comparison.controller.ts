import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ComparisonProgress, ComparisonSummaryTree, SessionUser } from '@zizhu/schema';
import { comparisonResource, comparisonResultResource } from '@zizhu/identities';
import { Allow } from '../../engine/auth/allow.decorator';
import { CurrentUser } from '../../engine/auth/current-user.decorator';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { ComparisonService } from './comparison.service';
import type { ComparisonSummary } from './comparison-summary';
import { RecordIdPipe } from '../../engine/rest/record-id.pipe';
import { BulkConfirmDto } from './dtos/bulk-confirm.dto';

/**
 * The comparison's own routes: running, the summary, progress and bulk confirm. Its
 * resources (lists, runs, results) are the generic REST with their behaviours (deadlines,
 * deletes, who decided: comparison.behaviour.ts, comparison-result.behaviour.ts).
 */
@ApiTags('comparisons')
@ApiBearerAuth()
@Controller()
export class ComparisonController {
  constructor(private readonly comparisons: ComparisonService) {}

  @Post('comparisons/:id/run')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run (or re-run) a comparison in the background; poll GET /comparisons/:id for status and progress' })
  run(@Param('id', RecordIdPipe) id: number, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.comparisons.start(id, user);
  }

  @Get('comparisons/:id/summary')
  @Allow(...comparisonResource.access.list)
  @ApiOperation({ summary: 'Counts by county × stage × identity type: students compared, found, questionable, unmatched' })
  summary(@Param('id', RecordIdPipe) id: number, @CurrentUser() user: SessionUser): Promise<ComparisonSummary | null> {
    return this.comparisons.summary(id, user);
  }

  @Get('comparisons/:id/summary/tree')
  @Allow(...comparisonResource.access.list)
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
  @Allow(...comparisonResultResource.access.update)
  @ApiOperation({
    summary: "Bulk confirm: { ids, reason? } — each listed result of the run that is pending, an exact or a questionable match (what verification progress waits on) and in the caller's scope is confirmed (audited); others are skipped. Answers { confirmed, skipped }",
  })
  confirm(
    @Param('id', RecordIdPipe) id: number,
    @Body() body: BulkConfirmDto,
    @CurrentUser() user: SessionUser,
  ): Promise<{ confirmed: number; skipped: number }> {
    return this.comparisons.confirmMany(id, body, user);
  }
}
