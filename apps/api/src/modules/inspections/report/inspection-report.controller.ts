import { Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { inspectionResource } from '@zizhu/checks';
import type { SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { Allow } from '../../../engine/auth/allow.decorator';
import { CurrentUser } from '../../../engine/auth/current-user.decorator';
import { localeOf } from '../../../engine/errors/locale';
import { RecordIdPipe } from '../../../engine/rest/record-id.pipe';
import { type InspectionReportStatus, InspectionReportService } from './inspection-report.service';

/**
 * 检查报告 (PDF), made on the job queue:
 * `POST /inspections/:id/report` → 202 `{ status: 'running' }` (or 200 `{ status: 'done' }`
 * when the stored report is current); `GET /inspections/:id/report` → its state, polled;
 * `GET /inspections/:id/report.pdf` → the PDF once done (409 `NOT_READY` before).
 */
@ApiTags('inspections')
@ApiBearerAuth()
@Controller('inspections')
export class InspectionReportController {
  constructor(private readonly reports: InspectionReportService) {}

  @Post(':id/report')
  @HttpCode(202)
  @Allow(...inspectionResource.access.list)
  @ApiOperation({ summary: "Make a submitted inspection's report (PDF) on the job queue: 202 { status: 'running' }, or 200 { status: 'done' } when the stored one is current" })
  async request(@Param('id', RecordIdPipe) id: number, @CurrentUser() user: SessionUser, @Res({ passthrough: true }) response: Response): Promise<InspectionReportStatus> {
    const status = await this.reports.request(id, user);
    if (status.status === 'done') response.status(200);
    return status;
  }

  @Get(':id/report')
  @Allow(...inspectionResource.access.list)
  @ApiOperation({ summary: "The report's state: { status: 'running' | 'done' | 'failed' | null, error? } (null: none for the inspection as it stands)" })
  status(@Param('id', RecordIdPipe) id: number, @Headers('accept-language') language: string | undefined, @CurrentUser() user: SessionUser): Promise<InspectionReportStatus> {
    return this.reports.describe(id, user, localeOf(language));
  }

  @Get(':id/report.pdf')
  @Allow(...inspectionResource.access.list)
  @ApiOperation({ summary: "Download the inspection's current report (application/pdf); 409 NOT_READY until it is made" })
  async pdf(@Param('id', RecordIdPipe) id: number, @CurrentUser() user: SessionUser, @Res() response: Response): Promise<void> {
    const { name, data } = await this.reports.download(id, user);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Length', String(data.length));
    response.setHeader('Content-Disposition', `attachment; filename="inspection-report-${id}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Access-Control-Expose-Headers', 'Content-Disposition');
    response.end(data);
  }
}
