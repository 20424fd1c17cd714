import { Module } from '@nestjs/common';
import { PdfModule } from '../../../engine/pdf/pdf.module';
import { actionController } from '../../../engine/rest/action.controller';
import { LetterBatchService } from './letter-batch.service';
import { LetterGenerationService } from './letter-generation.service';
import { LetterMarkService } from './letter-mark.service';
import { LetterReceiptSheetService } from './letter-receipt-sheet.service';
import { LetterTemplateBehaviour } from './letter-template.behaviour';
import { LetterBehaviour } from './letter.behaviour';
import { LettersController } from './letters.controller';

/** 致家长的一封信: letter templates, one letter per recipient of a term, batch PDFs with 回执, delivery and receipts. */
@Module({
  imports: [PdfModule],
  controllers: [LettersController, actionController(LetterTemplateBehaviour)],
  providers: [LetterTemplateBehaviour, LetterBehaviour, LetterGenerationService, LetterBatchService, LetterMarkService, LetterReceiptSheetService],
})
export class LettersModule {}
