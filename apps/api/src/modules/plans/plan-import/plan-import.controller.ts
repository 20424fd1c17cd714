import { Controller, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { workPlanResource } from '@zizhu/plans';
import type { PlanImportReport, SessionUser } from '@zizhu/schema';
import { rm } from 'node:fs/promises';
import { Allow } from '../../../engine/auth/allow.decorator';
import { CurrentUser } from '../../../engine/auth/current-user.decorator';
import { ApiException } from '../../../engine/errors/api.exception';
import { sheetUpload, uploadedName } from '../../../engine/imports/sheet-upload';
import { RecordIdTextPipe } from '../../../engine/rest/record-id.pipe';
import { PLAN_MESSAGES } from '../plans-messages';
import { PLAN_SHEET_LIMITS, PlanImportService } from './plan-import.service';

/** 导入计划表: the county's monthly plan sheet (seed 004's shape) into a draft plan's duties. */
@ApiTags('work-plans')
@ApiBearerAuth()
@Controller()
export class PlanImportController {
  constructor(private readonly imports: PlanImportService) {}

  @Post('work-plans/:id/import')
  @HttpCode(200)
  @Allow(...workPlanResource.access.update)
  @ApiOperation({
    summary:
      'Duties of a draft plan from an .xlsx sheet (multipart `file`, at most 2 MB and 500 rows; columns 月份 | 工作任务 | 完成时限): → { rows, created, merged, problems: [{ row, text, message }] }',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(sheetUpload(PLAN_SHEET_LIMITS.fileBytes))
  async importSheet(@Param('id', RecordIdTextPipe) id: string, @UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: SessionUser): Promise<PlanImportReport> {
    try {
      if (!file || !uploadedName(file).toLowerCase().endsWith('.xlsx')) throw ApiException.validation({ file: PLAN_MESSAGES.sheetRequired });
      return await this.imports.importSheet(id, file.path, user);
    } finally {
      if (file) await rm(file.path, { force: true });
    }
  }
}
