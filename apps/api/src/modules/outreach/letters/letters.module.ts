import { Module } from '@nestjs/common';

/** 致家长的一封信: letter templates, one letter per recipient of a term, batch PDFs with 回执, delivery and receipts; and the families' own aid query. */
@Module({
  controllers: [],
  providers: [],
})
export class LettersModule {}
