import { Module } from '@nestjs/common';

/** 电话回访、大走访: follow-up campaigns sampling recipients, their calls and visits, and coverage per school and region. */
@Module({
  controllers: [],
  providers: [],
})
export class FollowUpsModule {}
