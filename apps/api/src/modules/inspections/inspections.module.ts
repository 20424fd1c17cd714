import { Module } from '@nestjs/common';

/** 督查检查: plans and inspections (start, fill, submit, reopen) and the findings they raise as clues. */
@Module({
  controllers: [],
  providers: [],
})
export class InspectionsModule {}
