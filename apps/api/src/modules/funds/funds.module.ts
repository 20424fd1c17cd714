import { Module } from '@nestjs/common';
import { actionController } from '../../engine/rest/action.controller';
import { AllocationBehaviour } from './allocation.behaviour';
import { BankFileService } from './bank-file.service';
import { BankResultService } from './bank-result.service';
import { ClueService } from './clue.service';
import { DisbursementBatchBehaviour } from './disbursement-batch.behaviour';
import { DisbursementBehaviour } from './disbursement.behaviour';
import { DisbursementService } from './disbursement.service';
import { FundExceptionsService } from './fund-exceptions.service';
import { FundsController } from './funds.controller';
import { OverduePaymentsService } from './overdue-payments.service';
import { ReconciliationService } from './reconciliation.service';
import { RefundBehaviour } from './refund.behaviour';

/** Funds: behaviours of allocations, batches, lines and refunds; bank files, reconciliation, clues opened from its exceptions. */
@Module({
  controllers: [FundsController, actionController(DisbursementBehaviour)],
  providers: [
    AllocationBehaviour,
    DisbursementBatchBehaviour,
    DisbursementBehaviour,
    RefundBehaviour,
    BankResultService,
    BankFileService,
    DisbursementService,
    ReconciliationService,
    FundExceptionsService,
    OverduePaymentsService,
    ClueService,
  ],
})
export class FundsModule {}
