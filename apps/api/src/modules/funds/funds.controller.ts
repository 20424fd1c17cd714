import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BankResultSummary, FundException, OverduePayment, Reconciliation, SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { rm } from 'node:fs/promises';
import { CurrentUser } from '../../engine/auth/current-user.decorator';
import { ApiException } from '../../engine/errors/api.exception';
import { localeOf } from '../../engine/errors/locale';
import { contentType, parseExportOptions } from '../../engine/export/export-format';
import { sendFile } from '../../engine/export/file-download';
import { sheetKind } from '../../engine/imports/sheet-reader';
import { sheetUpload, uploadedName } from '../../engine/imports/sheet-upload';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { Allow } from '../../engine/auth/allow.decorator';
import { writeBankFile } from './bank-file-export';
import { BankFileService } from './bank-file.service';
import { BankResultService } from './bank-result.service';
import { ClueService } from './clue.service';
import { FundExceptionsService } from './fund-exceptions.service';
import { ExplainExceptionDto } from './dtos/explain-exception.dto';
import { OpenClueDto } from './dtos/open-clue.dto';
import { FUND_MESSAGES } from './fund-messages';
import { FUND_ROLES } from './fund-roles';
import { OverduePaymentsService } from './overdue-payments.service';
import { writeReconciliationXlsx } from './reconciliation-export';
import { ReconciliationService } from './reconciliation.service';
import { RecordIdTextPipe } from '../../engine/rest/record-id.pipe';

/** Bank result files are a few MB even for a whole city's batch. */
const MAX_BANK_FILE = 64 * 1024 * 1024;

/**
 * Funds workflows beside the generic REST of allocations, batches, lines and refunds (whose
 * rules are their behaviours): bank files in and out, reconciliation and its exceptions.
 */
@ApiTags('funds')
@ApiBearerAuth()
@Controller()
export class FundsController {
  constructor(
    private readonly bank: BankResultService,
    private readonly bankFiles: BankFileService,
    private readonly reconciliation: ReconciliationService,
    private readonly exceptions: FundExceptionsService,
    private readonly overdue: OverduePaymentsService,
    private readonly clues: ClueService,
  ) {}

  @Post('disbursement-batches/:id/bank-result')
  @HttpCode(200)
  @Allow(...FUND_ROLES.bankResult)
  @ApiOperation({ summary: "The bank's result file (流水号, 发放结果, 金额?, 失败原因?, 入账日期?): all rows applied, or none (422 with every bad row)" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(sheetUpload(MAX_BANK_FILE))
  async bankResult(@Param('id', RecordIdTextPipe) id: string, @UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: SessionUser): Promise<BankResultSummary> {
    if (!file) throw ApiException.validation({ file: FUND_MESSAGES.fileRequired });
    try {
      const kind = sheetKind(uploadedName(file));
      if (!kind) throw ApiException.validation({ file: FUND_MESSAGES.fileUnreadable });
      return await this.bank.apply(id, { path: file.path, kind }, user);
    } finally {
      await rm(file.path, { force: true });
    }
  }

  @Get('disbursement-batches/:id/bank-file.xlsx')
  @Allow(...FUND_ROLES.bankFile)
  @ApiOperation({ summary: '银行代发文件 (finance only, audited): the pending lines with full account numbers, names, amounts in yuan and a totals row' })
  bankFileXlsx(@Param('id', RecordIdTextPipe) id: string, @Headers('accept-language') language: string | undefined, @CurrentUser() user: SessionUser, @Res() response: Response): Promise<void> {
    return this.sendBankFile(id, { format: 'xlsx' }, language, user, response);
  }

  @Get('disbursement-batches/:id/bank-file.csv')
  @Allow(...FUND_ROLES.bankFile)
  @ApiOperation({ summary: '银行代发文件 as CSV (UTF-8 with BOM, or ?encoding=gbk); finance only, audited' })
  bankFileCsv(
    @Param('id', RecordIdTextPipe) id: string,
    @Query('encoding') encoding: string | undefined,
    @Headers('accept-language') language: string | undefined,
    @CurrentUser() user: SessionUser,
    @Res() response: Response,
  ): Promise<void> {
    return this.sendBankFile(id, { format: 'csv', encoding }, language, user, response);
  }

  /** Refusals are the usual JSON errors, sent before the first byte of the file. */
  private async sendBankFile(id: string, raw: { format: string; encoding?: string }, language: string | undefined, user: SessionUser, response: Response): Promise<void> {
    const options = parseExportOptions(raw, localeOf(language));
    const file = await this.bankFiles.read(id, options.format, user);
    const name = `${options.locale === 'zh' ? '银行代发' : 'bank-file'}-${file.title}.${options.format}`;
    await sendFile(response, { name, asciiName: `bank-file-${Number(id)}.${options.format}`, contentType: contentType(options) }, (out) =>
      writeBankFile(file, options.format, options.encoding, options.locale, out),
    );
  }

  @Get('funds/reconciliation')
  @Allow(...FUND_ROLES.read)
  @ApiOperation({
    summary:
      'Allocated vs paid, failed, returned, refunded, net, balance, execution rate (basis points) — groupBy ⊂ program,term,region,source; filter {programId, year, term, regionId, source}',
  })
  summary(@Query('groupBy') groupBy: string | undefined, @Query('filter') filter: string | undefined, @CurrentUser() user: SessionUser): Promise<Reconciliation> {
    return this.reconciliation.summary({ groupBy, filter }, user);
  }

  @Get('funds/reconciliation.xlsx')
  @Allow(...FUND_ROLES.read)
  @ApiOperation({ summary: 'The same reconciliation as an Excel file: money in yuan with 2 decimals, the rate as text' })
  async summaryFile(
    @Query('groupBy') groupBy: string | undefined,
    @Query('filter') filter: string | undefined,
    @Headers('accept-language') language: string | undefined,
    @CurrentUser() user: SessionUser,
    @Res() response: Response,
  ): Promise<void> {
    const result = await this.reconciliation.summary({ groupBy, filter }, user);
    const locale = localeOf(language);
    const name = locale === 'zh' ? '资金对账.xlsx' : 'reconciliation.xlsx';
    await sendFile(response, { name, asciiName: 'reconciliation.xlsx' }, (out) => writeReconciliationXlsx(result, locale, out));
  }

  @Get('funds/overdue')
  @Allow(...FUND_ROLES.read)
  @ApiOperation({ summary: 'Approved rosters past their deadline with entries not yet paid (count and amount), oldest first' })
  overduePayments(@CurrentUser() user: SessionUser): Promise<OverduePayment[]> {
    return this.overdue.list(user);
  }

  @Get('funds/exceptions')
  @Allow(...FUND_ROLES.read)
  @ApiOperation({ summary: 'Exceptions with their lines: filter {kind, explained, programId, year, term, regionId}' })
  list(@Query('filter') filter: string | undefined, @CurrentUser() user: SessionUser): Promise<{ total: number; exceptions: FundException[] }> {
    return this.exceptions.list({ filter }, user);
  }

  @Post('funds/exceptions/explain')
  @HttpCode(200)
  @Allow(...FUND_ROLES.explain)
  @ApiOperation({ summary: "Finance's explanation of an exception: { key, note }" })
  explain(@Body() body: ExplainExceptionDto, @CurrentUser() user: SessionUser): Promise<FundException> {
    return this.exceptions.explain(body, user);
  }

  @Post('funds/exceptions/clue')
  @Allow(...FUND_ROLES.openClue)
  @ApiOperation({ summary: '开立线索 from an exception: { key, description?, dueDate? } — one clue per exception (422 naming the existing one), assigned to the school of its lines' })
  openClue(@Body() body: OpenClueDto, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.clues.openFromException(body, user);
  }
}
