import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ImportJob, ImportLimits, ImportMode, SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { rm } from 'node:fs/promises';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiException } from '../errors/api.exception';
import { localeOf } from '../errors/locale';
import type { RawExportOptions } from '../export/export-format';
import { exportList } from '../export/export-request';
import { sendFile } from '../export/file-download';
import { ResourceExporter } from '../export/resource-exporter.service';
import type { RawListQuery } from '../rest/query-parser';
import { allowed } from '../rest/resource.controller';
import { findResource } from '../metadata/resource-registry';
import { ImportJobService } from './import-job.service';
import { IMPORT_LIMITS } from './import-limits';
import { IMPORT_MESSAGES } from './import-messages';
import { ImportUploadLimitInterceptor } from './import-upload-limit.interceptor';
import { writeErrorWorkbook, writeTemplate } from './import-workbooks';
import { ImportErrorRows } from './import-error-rows';
import { sheetKind } from './sheet-reader';
import { sheetUpload, uploadedName } from './sheet-upload';
import { RecordIdPipe } from '../rest/record-id.pipe';

const MODES: readonly ImportMode[] = ['insert', 'update', 'upsert'];

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportController {
  constructor(
    private readonly jobs: ImportJobService,
    private readonly errorRows: ImportErrorRows,
    private readonly exporter: ResourceExporter,
  ) {}

  @Get('template/:resource')
  @ApiOperation({ summary: 'An .xlsx template for a resource: headers, dropdowns, instructions' })
  async template(
    @Param('resource') name: string,
    @CurrentUser() user: SessionUser,
    @Headers('accept-language') language: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const resource = this.jobs.importable(name, 'upsert', user);
    const locale = localeOf(language);
    await sendFile(response, { name: `${resource.label[locale]}-${locale === 'zh' ? '导入模板' : 'template'}.xlsx` }, (out) => writeTemplate(resource, locale, out));
  }

  @Get('limits')
  @ApiOperation({ summary: 'What an uploaded file may hold: size, name length, rows, columns, cell length, uncompressed sizes' })
  limits(): ImportLimits {
    return IMPORT_LIMITS;
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Upload a file (.xlsx or .csv, UTF-8 or GBK) and start validating it' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        resource: { type: 'string' },
        mode: { type: 'string', enum: [...MODES] },
        commitWhileReading: { type: 'string', enum: ['true', 'false'], description: 'Read, check and write in one pass, without a preview' },
        allOrNothing: { type: 'string', enum: ['true', 'false'], description: 'With commitWhileReading: write nothing unless every row can be written' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @UseInterceptors(ImportUploadLimitInterceptor, sheetUpload(IMPORT_LIMITS.fileBytes))
  async upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: { resource?: string; mode?: string; commitWhileReading?: string; allOrNothing?: string },
    @CurrentUser() user: SessionUser,
  ): Promise<{ id: number }> {
    try {
      const mode = (body.mode ?? 'upsert') as ImportMode;
      if (!MODES.includes(mode)) throw ApiException.validation({ mode: { zh: '导入方式无效', en: 'Unknown import mode' } });
      if (!file) throw ApiException.validation({ file: { zh: '请选择要上传的文件', en: 'Choose a file to upload' } });
      // Browsers send the name as latin1 bytes; Chinese names need re-decoding.
      const fileName = uploadedName(file);
      if ([...fileName].length > IMPORT_LIMITS.fileNameChars) throw ApiException.validation({ file: IMPORT_MESSAGES.fileNameTooLong(IMPORT_LIMITS.fileNameChars) });
      const kind = sheetKind(fileName);
      if (!kind) throw ApiException.validation({ file: IMPORT_MESSAGES.unsupportedFile });
      const commitWhileReading = formFlag(body.commitWhileReading, 'commitWhileReading', false);
      const resource = this.jobs.importable(String(body.resource ?? ''), mode, user);
      const allOrNothing = formFlag(body.allOrNothing, 'allOrNothing', !!resource.importAllOrNothing);
      return { id: await this.jobs.start(user, resource, fileName, { path: file.path, kind }, mode, { commitWhileReading, allOrNothing }) };
    } catch (error) {
      if (file) await rm(file.path, { force: true });
      throw error;
    }
  }

  /** The list's export, routed before `:id` (the declaration leaves it to this controller: `ownRoutes`). */
  @Get('export')
  @ApiExcludeEndpoint()
  exportList(
    @Query() query: RawListQuery & RawExportOptions,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: SessionUser,
    @Res() response: Response,
  ): Promise<void> {
    return exportList(this.exporter, allowed('imports', 'list', user), query, acceptLanguage, user, response);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status, progress, counts, mapping and errors of an import' })
  status(
    @Param('id', RecordIdPipe) id: number,
    @CurrentUser() user: SessionUser,
    @Headers('accept-language') language: string | undefined,
  ): Promise<ImportJob> {
    return this.jobs.describe(id, user, localeOf(language));
  }

  @Put(':id/mapping')
  @ApiOperation({ summary: 'Change which column feeds which field, and validate again' })
  async remap(
    @Param('id', RecordIdPipe) id: number,
    @Body() body: { columns?: Record<string, string | null> },
    @CurrentUser() user: SessionUser,
  ): Promise<{ id: number }> {
    if (!body?.columns || typeof body.columns !== 'object') {
      throw ApiException.validation({ columns: { zh: '请提供列对应关系', en: 'columns is required' } });
    }
    await this.jobs.remap(id, user, body.columns);
    return { id };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop validating and discard the upload' })
  async cancel(@Param('id', RecordIdPipe) id: number, @CurrentUser() user: SessionUser): Promise<{ id: number }> {
    await this.jobs.cancel(id, user);
    return { id };
  }

  @Post(':id/commit')
  @HttpCode(202)
  @ApiOperation({ summary: 'Write the valid rows (or, with allOrNothing, all rows or none)' })
  async commit(
    @Param('id', RecordIdPipe) id: number,
    @Body() body: { allOrNothing?: unknown },
    @CurrentUser() user: SessionUser,
  ): Promise<{ id: number }> {
    const job = await this.jobs.find(id, user);
    // Left out, the resource's own policy applies (finance data: all or nothing).
    const allOrNothing = typeof body?.allOrNothing === 'boolean' ? body.allOrNothing : !!findResource(job.resource)?.importAllOrNothing;
    await this.jobs.commit(id, user, allOrNothing);
    return { id };
  }

  @Get(':id/errors.xlsx')
  @ApiOperation({ summary: 'The invalid rows as uploaded, with an error column, ready to fix and upload again' })
  async errors(
    @Param('id', RecordIdPipe) id: number,
    @CurrentUser() user: SessionUser,
    @Headers('accept-language') language: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const job = await this.jobs.find(id, user);
    const locale = localeOf(language);
    const columns = job.mapping?.columns ?? [];
    const headers: string[] = [];
    for (const column of columns) headers[column.index - 1] = column.header;
    const name = `${job.file_name.replace(/\.(xlsx|csv|txt)$/i, '')}-${locale === 'zh' ? '错误行' : 'errors'}.xlsx`;
    await sendFile(response, { name }, (out) => writeErrorWorkbook(Array.from(headers, (h) => h ?? ''), this.errorRows.rows(id, locale), locale, out));
  }
}

/** A yes/no form field of the upload ('true' or 'false'; absent: the default). */
function formFlag(value: string | undefined, field: string, absent: boolean): boolean {
  if (value === undefined || value === '') return absent;
  if (value === 'true' || value === 'false') return value === 'true';
  throw ApiException.validation({ [field]: { zh: '只能是 true 或 false', en: 'Must be true or false' } });
}
