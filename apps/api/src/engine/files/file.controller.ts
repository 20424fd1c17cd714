import { Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FileInfo, SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiException } from '../errors/api.exception';
import type { RawExportOptions } from '../export/export-format';
import { exportList } from '../export/export-request';
import { ResourceExporter } from '../export/resource-exporter.service';
import type { RawListQuery } from '../rest/query-parser';
import { allowed } from '../rest/resource.controller';
import { FileService } from './file.service';
import { FILE_MESSAGES, MAX_FILE_BYTES } from './file-types';
import { UploadLimitInterceptor } from './upload-limit.interceptor';
import { RecordIdPipe } from '../rest/record-id.pipe';

/**
 * Attachments: upload a file, then save a record with its id in a `reference: 'files'`
 * field (a decision's or an omission's evidence); download it while you can see that record.
 * The declaration leaves `POST /files` and `GET /files/:id` to these routes (`ownRoutes`).
 */
@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FileController {
  constructor(
    private readonly files: FileService,
    private readonly exporter: ResourceExporter,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Upload one file (PDF, JPG, PNG, XLSX or DOCX, at most 10 MB) → { id, name, contentType, size, sha256 }' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(UploadLimitInterceptor, FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  upload(@UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: SessionUser): Promise<FileInfo> {
    if (!file) throw ApiException.validation({ file: FILE_MESSAGES.missing });
    // Browsers send the name as latin1 bytes; Chinese names need re-decoding.
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.files.store(user, name, file.buffer);
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
    return exportList(this.exporter, allowed('files', 'list', user), query, acceptLanguage, user, response);
  }

  @Get(':id/info')
  @ApiOperation({ summary: "A file's name, type, size and hash, for users who can see the record it belongs to" })
  info(@Param('id', RecordIdPipe) id: number, @CurrentUser() user: SessionUser): Promise<FileInfo> {
    return this.files.describe(id, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Download a file (audited), for users who can see the record it belongs to' })
  async download(@Param('id', RecordIdPipe) id: number, @CurrentUser() user: SessionUser, @Res() response: Response): Promise<void> {
    const { info, data } = await this.files.download(id, user);
    const encoded = encodeURIComponent(info.name);
    response.setHeader('Content-Type', info.contentType);
    response.setHeader('Content-Length', String(data.length));
    response.setHeader('Content-Disposition', `attachment; filename="${encoded}"; filename*=UTF-8''${encoded}`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(data);
  }
}
