import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BankResultSummary, FundException, OverduePayment, Reconciliation, SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { rm } from 'node:fs/promises';
import { CurrentUser } from '../../engine/auth/current-user.decorator';
import { ApiException } from '../../engine/errors/api.exception';
import { localeOf } from '../../engine/errors/locale';
import { sheetKind } from '../../engine/imports/sheet-reader';
import { sheetUpload, uploadedName } from '../../engine/imports/sheet-upload';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { AllocationService } from './allocation.service';
import { BankResultService } from './bank-result.service';
import { ClueService } from './clue.service';
import { DisbursementBatchService } from './disbursement-batch.service';
import { DisbursementService } from './disbursement.service';
import { FundExceptionsService } from './fund-exceptions.service';
import { FUND_MESSAGES } from './fund-messages';
import { OverduePaymentsService } from './overdue-payments.service';
import { writeReconciliationXlsx } from './reconciliation-export';
import { ReconciliationService } from './reconciliation.service';
import { RecordIdTextPipe } from '../../engine/rest/record-id.pipe';

type Payload = Record<string, unknown>;

/** Bank result files are a few MB even for a whole city's batch. */
const MAX_BANK_FILE = 64 * 1024 * 1024;

/**
 * Funds workflows beside the generic REST of allocations, batches, lines and refunds
 * (registered before ResourceModule, so these POST routes take precedence).
 */
@ApiTags('funds')
@ApiBearerAuth()
@Controller()
export class FundsController {
  constructor(
    private readonly allocations: AllocationService,
    private readonly batches: DisbursementBatchService,
    private readonly bank: BankResultService,
    private readonly lines: DisbursementService,
    private readonly reconciliation: ReconciliationService,
    private readonly exceptions: FundExceptionsService,
    private readonly overdue: OverduePaymentsService,
    private readonly clues: ClueService,
  ) {}

  @Post('allocations')
  @ApiOperation({ summary: '资金下达: the generic create, and a school given must lie in the region given' })
  createAllocation(@Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.allocations.create(body ?? {}, user);
  }

  @Put('allocations/:id')
  @ApiOperation({ summary: '资金下达: the generic update, and a school given must lie in the region given' })
  updateAllocation(@Param('id', RecordIdTextPipe) id: string, @Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.allocations.update(id, body ?? {}, user);
  }

  @Post('disbursement-batches')
  @ApiOperation({ summary: "A payment batch from the region's approved rosters: { programId, year, term, regionId?, method, date, note? }" })
  createBatch(@Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.batches.create(body ?? {}, user);
  }

  @Post('disbursement-batches/:id/bank-result')
  @HttpCode(200)
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

  @Post('disbursements/:id/reissue')
  @ApiOperation({ summary: 'Re-issue a failed or returned line: { account? } (else the student’s corrected account)' })
  reissue(@Param('id', RecordIdTextPipe) id: string, @Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.lines.reissue(id, body ?? {}, user);
  }

  @Post('refunds')
  @ApiOperation({ summary: '退回 against a paid line: { disbursementId, amount (fen), date, receivingAccount, reason }' })
  refund(@Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.lines.refund(body ?? {}, user);
  }

  @Get('funds/reconciliation')
  @ApiOperation({
    summary:
      'Allocated vs paid, failed, returned, refunded, net, balance, execution rate (basis points) — groupBy ⊂ program,term,region,source; filter {programId, year, term, regionId, source}',
  })
  summary(@Query('groupBy') groupBy: string | undefined, @Query('filter') filter: string | undefined, @CurrentUser() user: SessionUser): Promise<Reconciliation> {
    return this.reconciliation.summary({ groupBy, filter }, user);
  }

  @Get('funds/reconciliation.xlsx')
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
    response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader('Content-Disposition', `attachment; filename="reconciliation.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    await writeReconciliationXlsx(result, locale, response);
    response.end();
  }

  @Get('funds/overdue')
  @ApiOperation({ summary: 'Approved rosters past their deadline with entries not yet paid (count and amount), oldest first' })
  overduePayments(@CurrentUser() user: SessionUser): Promise<OverduePayment[]> {
    return this.overdue.list(user);
  }

  @Get('funds/exceptions')
  @ApiOperation({ summary: 'Exceptions with their lines: filter {kind, explained, programId, year, term, regionId}' })
  list(@Query('filter') filter: string | undefined, @CurrentUser() user: SessionUser): Promise<{ total: number; exceptions: FundException[] }> {
    return this.exceptions.list({ filter }, user);
  }

  @Post('funds/exceptions/explain')
  @HttpCode(200)
  @ApiOperation({ summary: "Finance's explanation of an exception: { key, note }" })
  explain(@Body() body: Payload, @CurrentUser() user: SessionUser): Promise<FundException> {
    return this.exceptions.explain(body ?? {}, user);
  }

  @Post('funds/exceptions/clue')
  @ApiOperation({ summary: '开立线索 from an exception: { key, description?, dueDate? } — one clue per exception (422 naming the existing one), assigned to the school of its lines' })
  openClue(@Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.clues.openFromException(body ?? {}, user);
  }

  @Post('clues')
  @ApiOperation({ summary: '问题线索: the generic create; it starts 待核实 and records who opened it' })
  createClue(@Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.clues.create(body ?? {}, user);
  }

  @Put('clues/:id')
  @ApiOperation({ summary: '问题线索: the generic update; the status moves only 待核实 → 属实/不属实 → 已整改' })
  updateClue(@Param('id', RecordIdTextPipe) id: string, @Body() body: Payload, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.clues.update(id, body ?? {}, user);
  }
}
