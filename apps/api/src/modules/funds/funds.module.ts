import { Module } from '@nestjs/common';
import { AuditService } from '../../engine/audit/audit.service';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { ResourceWriter } from '../../engine/rest/resource-writer.service';
import { AllocationService } from './allocation.service';
import { BankFileService } from './bank-file.service';
import { BankResultService } from './bank-result.service';
import { ClueService } from './clue.service';
import { DisbursementBatchService } from './disbursement-batch.service';
import { DisbursementService } from './disbursement.service';
import { FundExceptionsService } from './fund-exceptions.service';
import { FundsController } from './funds.controller';
import { OverduePaymentsService } from './overdue-payments.service';
import { ReconciliationService } from './reconciliation.service';

/** Funds: payment batches, bank results, re-issues, refunds, reconciliation, clues opened from its exceptions. Import before ResourceModule. */
@Module({
  controllers: [FundsController],
  providers: [
    AllocationService,
    DisbursementBatchService,
    BankResultService,
    BankFileService,
    DisbursementService,
    ReconciliationService,
    FundExceptionsService,
    OverduePaymentsService,
    ClueService,
    ResourceReader,
    ResourceWriter,
    AuditService,
  ],
})
export class FundsModule {}
