import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionUser, StudentMark } from '@zizhu/schema';
import { CurrentUser } from '../../engine/auth/current-user.decorator';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { OmissionService } from './omission.service';
import { RecordIdTextPipe } from '../../engine/rest/record-id.pipe';

/**
 * 补录 routes beside the generic REST of `omissions`. Registered before ResourceModule, so
 * `PUT /omissions/:id` here takes precedence (it resubmits returned omissions).
 */
@ApiTags('omissions')
@ApiBearerAuth()
@Controller()
export class OmissionController {
  constructor(private readonly omissions: OmissionService) {}

  @Post('omissions/review')
  @HttpCode(200)
  @ApiOperation({
    summary: "The county's bulk review: { ids, decision: 'approved' | 'returned', reason } — each pending omission in the caller's region is reviewed (audited), the rest skipped → { reviewed, skipped }",
  })
  reviewMany(@Body() body: Record<string, unknown>, @CurrentUser() user: SessionUser): Promise<{ reviewed: number; skipped: number }> {
    return this.omissions.reviewMany(body ?? {}, user);
  }

  @Post('omissions/:id/review')
  @HttpCode(200)
  @ApiOperation({ summary: "The county's review of an omission: { decision: 'approved' | 'returned', reason } (reason required to return)" })
  review(@Param('id', RecordIdTextPipe) id: string, @Body() body: Record<string, unknown>, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.omissions.review(id, body ?? {}, user);
  }

  @Put('omissions/:id')
  @ApiOperation({ summary: "A school's edit of its omission; editing a returned one resubmits it" })
  edit(@Param('id', RecordIdTextPipe) id: string, @Body() body: Record<string, unknown>, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.omissions.edit(id, body ?? {}, user);
  }

  @Get('students/:id/marks')
  @ApiOperation({ summary: "A student's current marks (comparison results giving one, approved omissions) with their run, list and decision, highest-priority type first; the first drivesAid" })
  marks(@Param('id', RecordIdTextPipe) id: string, @CurrentUser() user: SessionUser): Promise<StudentMark[]> {
    return this.omissions.marks(id, user);
  }
}
