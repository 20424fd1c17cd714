import { Module } from '@nestjs/common';

/** 工作计划: work plans, duties and their occurrences per unit and period, completed by hand or from the platform's data. */
@Module({
  controllers: [],
  providers: [],
})
export class PlansModule {}
