import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApplicationImportResult, RosterProblem, SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { CurrentUser } from '../../engine/auth/current-user.decorator';
import { ApiException } from '../../engine/errors/api.exception';
import { localeOf } from '../../engine/errors/locale';
import { sendFile } from '../../engine/export/file-download';
import { sheetUpload, uploadedName } from '../../engine/imports/sheet-upload';
import { writeTemplate } from '../../engine/imports/import-workbooks';
import { sheetKind } from '../../engine/imports/sheet-reader';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { rosterResource } from '@zizhu/programs';
import { applicationSheet } from './application-sheet';
import { RosterApplicationImportService } from './roster-application-import.service';
import { APPLICATION_IMPORT_MESSAGES } from './roster-application-messages';
import { RosterNoticeService } from './roster-notice.service';
import { RosterService } from './roster.service';
import { RecordIdTextPipe } from '../../engine/rest/record-id.pipe';

/**
 * Rosters' files and checks beside the generic REST and the roster's actions (see
 * RosterBehaviour): the application template and import, the submission check and the
 * public notice.
 */
@ApiTags('rosters')
@ApiBearerAuth()
@Controller()
export class RosterController {
  constructor(
    private readonly rosters: RosterService,
    private readonly notice: RosterNoticeService,
    private readonly applications: RosterApplicationImportService,
    private readonly reader: ResourceReader,
  ) {}

  @Get('rosters/:id/applications/template.xlsx')
  @ApiOperation({ summary: "The roster's application template: 身份证号, 姓名, 档次 (its tiers), the program's extra fields, 备注" })
  async applicationTemplate(
    @Param('id', RecordIdTextPipe) id: string,
    @Headers('accept-language') language: string | undefined,
    @CurrentUser() user: SessionUser,
    @Res() response: Response,
  ): Promise<void> {
    const roster = await this.reader.getOne(rosterResource, id, user);
    const locale = localeOf(language);
    const name = `${roster.title}-${locale === 'zh' ? '申请模板' : 'applications'}.xlsx`;
    await sendFile(response, { name, asciiName: `roster-${roster.id}-applications.xlsx` }, (out) => writeTemplate(applicationSheet(roster), locale, out));
  }

  @Post('rosters/:id/applications')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import applications from .xlsx/.csv (multipart `file`, `allOrNothing`): every row checked, a row-level report back' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, allOrNothing: { type: 'boolean' } } } })
  @UseInterceptors(sheetUpload(32 * 1024 * 1024))
  async importApplications(
    @Param('id', RecordIdTextPipe) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: { allOrNothing?: string },
    @Headers('accept-language') language: string | undefined,
    @CurrentUser() user: SessionUser,
  ): Promise<ApplicationImportResult> {
    try {
      if (!file) throw ApiException.validation({ file: APPLICATION_IMPORT_MESSAGES.missingFile });
      const kind = sheetKind(uploadedName(file));
      if (!kind) throw ApiException.validation({ file: APPLICATION_IMPORT_MESSAGES.missingFile });
      return await this.applications.import(id, { path: file.path, kind }, body?.allOrNothing !== 'false', user, localeOf(language));
    } finally {
      if (file) await rm(file.path, { force: true });
    }
  }

  @Get('rosters/:id/problems')
  @ApiOperation({ summary: 'Everything that would stop the roster being submitted, entry by entry' })
  problems(@Param('id', RecordIdTextPipe) id: string, @CurrentUser() user: SessionUser): Promise<RosterProblem[]> {
    return this.rosters.problems(id, user);
  }

  @Get('rosters/:id/notice.xlsx')
  @ApiOperation({ summary: '公示: heading (school, term, program), 公示期 (`start`, `end`: YYYY-MM-DD, optional), 监督电话, then names and masked ID numbers' })
  noticeFile(
    @Param('id', RecordIdTextPipe) id: string,
    @Query('start') start: string | undefined,
    @Query('end') end: string | undefined,
    @CurrentUser() user: SessionUser,
    @Res() response: Response,
  ): Promise<void> {
    return this.notice.write(id, { start: typeof start === 'string' ? start : undefined, end: typeof end === 'string' ? end : undefined }, user, response);
  }
}
