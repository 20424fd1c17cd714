import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionUser, StudentMark } from '@zizhu/schema';
import { Allow } from '../../engine/auth/allow.decorator';
import { CurrentUser } from '../../engine/auth/current-user.decorator';
import { RecordIdTextPipe } from '../../engine/rest/record-id.pipe';
import { OmissionBulkReviewDto } from './dtos/omission-review.dto';
import { OMISSION_REVIEWERS, OmissionService } from './omission.service';

/** 补录 routes beside the generic REST of `omissions` and its review action (OmissionBehaviour). */
@ApiTags('omissions')
@ApiBearerAuth()
@Controller()
export class OmissionController {
  constructor(private readonly omissions: OmissionService) {}

  @Post('omissions/review')
  @HttpCode(200)
  @Allow(...OMISSION_REVIEWERS)
  @ApiOperation({
    summary: "The county's bulk review: { ids, decision: 'approved' | 'returned', reason } — each pending omission in the caller's region is reviewed (audited), the rest skipped → { reviewed, skipped }",
  })
  reviewMany(@Body() body: OmissionBulkReviewDto, @CurrentUser() user: SessionUser): Promise<{ reviewed: number; skipped: number }> {
    return this.omissions.reviewMany(body, user);
  }

  @Get('students/:id/marks')
  @ApiOperation({ summary: "A student's current marks (comparison results giving one, approved omissions) with their run, list and decision, highest-priority type first; the first drivesAid" })
  marks(@Param('id', RecordIdTextPipe) id: string, @CurrentUser() user: SessionUser): Promise<StudentMark[]> {
    return this.omissions.marks(id, user);
  }
}
