import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { inspectionPlanResource } from '@zizhu/checks';
import type { SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Allow } from '../../../engine/auth/allow.decorator';
import { CurrentUser } from '../../../engine/auth/current-user.decorator';
import { localeOf } from '../../../engine/errors/locale';
import { exportDate } from '../../../engine/export/export-columns';
import { sendFile } from '../../../engine/export/file-download';
import { xlsxSheetWriter } from '../../../engine/export/xlsx-sheet.writer';
import { RecordIdTextPipe } from '../../../engine/rest/record-id.pipe';
import { ResourceReader } from '../../../engine/rest/resource-reader.service';
import { type PlanHeading, planHeading, planInspectionColumns, planInspectionRows } from './plan-inspections-sheet';

/** 检查计划 Excel: one row per inspection of the plan, as the user reads them. */
@ApiTags('inspection-plans')
@ApiBearerAuth()
@Controller('inspection-plans')
export class PlanExportController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
  ) {}

  @Get(':id/export.xlsx')
  @Allow(...inspectionPlanResource.access.list)
  @ApiOperation({ summary: "A plan's inspections as .xlsx: school, status, dates, inspectors, total, passed, each section's score, findings and their rectifications (open, closed, overdue)" })
  async exportPlan(
    @Param('id', RecordIdTextPipe) id: string,
    @Headers('accept-language') language: string | undefined,
    @CurrentUser() user: SessionUser,
    @Res() response: Response,
  ): Promise<void> {
    const plan = await this.reader.getOne(inspectionPlanResource, id, user);
    const [checklist] = await this.db.query(
      `SELECT t.name AS "checklistName", v.number AS "checklistNumber", v.definition
         FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE v.id = $1`,
      [plan.versionId],
    );
    const heading: PlanHeading = {
      name: String(plan.name),
      mode: String(plan.mode),
      startDate: String(plan.startDate),
      endDate: String(plan.endDate),
      checklistName: checklist.checklistName,
      checklistNumber: checklist.checklistNumber,
      definition: checklist.definition ?? { sections: [] },
    };
    const rows = await planInspectionRows(this.db.manager, Number(id), user);
    const locale = localeOf(language);
    const date = exportDate();
    const name = locale === 'zh' ? `${heading.name}-检查结果-${date}.xlsx` : `${heading.name}-inspections-${date}.xlsx`;
    await sendFile(response, { name, asciiName: `inspection-plan-${id}-${date}.xlsx` }, async (out) => {
      const sheet = xlsxSheetWriter(out, planInspectionColumns(heading.definition, locale), locale === 'zh' ? '检查结果' : 'Inspections', {
        heading: planHeading(heading, locale),
      });
      sheet.writeRecords(rows as unknown as Record<string, unknown>[]);
      await sheet.finish();
    });
  }
}
