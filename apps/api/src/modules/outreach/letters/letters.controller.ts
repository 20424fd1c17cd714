import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import { letterResource } from '@zizhu/outreach';
import type { LetterBatchStatus, LetterMarkSummary, SessionUser } from '@zizhu/schema';
import type { Request, Response } from 'express';
import { rm } from 'node:fs/promises';
import { Allow } from '../../../engine/auth/allow.decorator';
import { CurrentUser } from '../../../engine/auth/current-user.decorator';
import { ApiException } from '../../../engine/errors/api.exception';
import type { RawExportOptions } from '../../../engine/export/export-format';
import { exportList } from '../../../engine/export/export-request';
import { sendFile } from '../../../engine/export/file-download';
import { ResourceExporter } from '../../../engine/export/resource-exporter.service';
import { sheetKind } from '../../../engine/imports/sheet-reader';
import { sheetUpload, uploadedName } from '../../../engine/imports/sheet-upload';
import { RecordIdTextPipe } from '../../../engine/rest/record-id.pipe';
import type { ApiRecord } from '../../../engine/rest/record-presenter';
import type { RawListQuery } from '../../../engine/rest/query-parser';
import { ResourceReader } from '../../../engine/rest/resource-reader.service';
import { allowed } from '../../../engine/rest/resource.controller';
import { aidQueryUrl, publicBaseUrl } from './aid-query-link';
import { GenerateLettersDto } from './dtos/generate-letters.dto';
import { LetterBatchDto } from './dtos/letter-batch.dto';
import { MarkLettersDto } from './dtos/mark-letters.dto';
import { parseBatchParams, type RawBatchQuery } from './letter-batch-params';
import { LetterBatchService } from './letter-batch.service';
import { termText } from './letter-content';
import { LetterGenerationService } from './letter-generation.service';
import { LetterMarkService } from './letter-mark.service';
import { LETTER_MESSAGES } from './letter-messages';
import { writeReceiptSheet } from './letter-receipt-sheet';
import { LetterReceiptSheetService } from './letter-receipt-sheet.service';

/** Who works with letters: who may mark them (the declaration's update roles) also makes and prints them. */
const LETTER_WRITERS = letterResource.access.update;
/** A 回执登记表 is a few hundred rows. */
const MAX_SHEET_BYTES = 16 * 1024 * 1024;

/**
 * 致家长的一封信 beside its generic list: generation (a job), the school's printable batch
 * (PDF), marking delivered and receipts returned (in bulk, or by the 回执登记表 sheet). The
 * declaration leaves `GET /letters/:id` and the list's export to this controller
 * (`ownRoutes`), so `batch.pdf` and the sheet are routed before `:id`.
 */
@ApiTags('letters')
@ApiBearerAuth()
@Controller('letters')
export class LettersController {
  constructor(
    private readonly generation: LetterGenerationService,
    private readonly batches: LetterBatchService,
    private readonly marks: LetterMarkService,
    private readonly sheets: LetterReceiptSheetService,
    private readonly reader: ResourceReader,
    private readonly exporter: ResourceExporter,
  ) {}

  @Post('generate')
  @HttpCode(202)
  @Allow(...LETTER_WRITERS)
  @ApiOperation({
    summary: 'Make (or refresh) the letters of a school or region for a term from a published template: { schoolId | regionId, year, term, templateId } → 202 the letter run (poll GET /letter-runs/:id)',
  })
  generate(@Body() body: GenerateLettersDto, @CurrentUser() user: SessionUser, @Req() request: Request): Promise<ApiRecord> {
    return this.generation.start(body, user, aidQueryUrl(publicBaseUrl(request)));
  }

  @Post('mark')
  @HttpCode(200)
  @Allow(...LETTER_WRITERS)
  @ApiOperation({ summary: 'Mark letters delivered or their receipts returned: { ids | filter, status: delivered | receiptReturned, date } — all or none' })
  mark(@Body() body: MarkLettersDto, @CurrentUser() user: SessionUser): Promise<LetterMarkSummary> {
    return this.marks.mark(body, user);
  }

  @Get('batch')
  @Allow(...letterResource.access.list)
  @ApiOperation({ summary: "Where a school's printable letters stand: ?schoolId&year&term → { status: running | done | failed | null, letters, direct }" })
  batchStatus(@Query() query: RawBatchQuery, @CurrentUser() user: SessionUser, @Req() request: Request): Promise<LetterBatchStatus> {
    return this.batches.status(parseBatchParams(query), user, aidQueryUrl(publicBaseUrl(request)));
  }

  @Post('batch')
  @Allow(...letterResource.access.list)
  @ApiOperation({ summary: "Prepare a school's printable letters: { schoolId, year, term } → 200 { status: done } when the PDF can be downloaded, 202 { status: running } while a job makes it" })
  async prepareBatch(@Body() body: LetterBatchDto, @CurrentUser() user: SessionUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { accepted, status } = await this.batches.prepare(body, user, aidQueryUrl(publicBaseUrl(request)));
    // Which of the two depends on the batch: answered here rather than by a fixed @HttpCode.
    response.status(accepted ? 202 : 200).json(status);
  }

  @Get('batch.pdf')
  @Allow(...letterResource.access.list)
  @ApiOperation({ summary: "A school's letters for a term as one PDF, one letter with its 回执 slip and QR code per page (audited); 409 NOT_READY while a large batch is not prepared" })
  batchPdf(@Query() query: RawBatchQuery, @CurrentUser() user: SessionUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.batches.send(parseBatchParams(query), user, aidQueryUrl(publicBaseUrl(request)), response);
  }

  @Get('receipt-sheet.xlsx')
  @Allow(...LETTER_WRITERS)
  @ApiOperation({ summary: "回执登记表: a school's letters for a term (编号, student, amount, 送达日期, 回执日期) to fill in and upload" })
  async receiptSheet(@Query() query: RawBatchQuery, @CurrentUser() user: SessionUser, @Res() response: Response): Promise<void> {
    const params = parseBatchParams(query);
    const school = await this.batches.school(params, user);
    const letters = await this.sheets.letters(params);
    if (!letters.length) throw ApiException.validation({ schoolId: LETTER_MESSAGES.noLetters });
    const title = `${school.name} ${termText(params.year, params.term)} 致家长的一封信回执登记表`;
    await sendFile(response, { name: `回执登记表-${school.name}-${termText(params.year, params.term)}.xlsx`, asciiName: `receipts-${school.id}-${params.year}-${params.term}.xlsx` }, (out) =>
      writeReceiptSheet(letters, title, out),
    );
  }

  @Post('receipt-sheet')
  @HttpCode(200)
  @Allow(...LETTER_WRITERS)
  @ApiOperation({ summary: 'The filled-in 回执登记表 (.xlsx or .csv; columns 编号, 送达日期, 回执日期): every row applied, or none (422 with every bad row)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(sheetUpload(MAX_SHEET_BYTES))
  async uploadReceiptSheet(@UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: SessionUser): Promise<LetterMarkSummary> {
    if (!file) throw ApiException.validation({ file: LETTER_MESSAGES.fileRequired });
    try {
      const kind = sheetKind(uploadedName(file));
      if (!kind) throw ApiException.validation({ file: LETTER_MESSAGES.fileUnreadable });
      return await this.sheets.apply({ path: file.path, kind }, user);
    } finally {
      await rm(file.path, { force: true });
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
    return exportList(this.exporter, allowed(letterResource.name, 'list', user), query, acceptLanguage, user, response);
  }

  @Get(':id')
  @Allow(...letterResource.access.list)
  @ApiOperation({ summary: 'One letter: its payments, frozen text and 回执, status and dates' })
  getOne(@Param('id', RecordIdTextPipe) id: string, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.reader.getOne(letterResource, id, user);
  }
}
