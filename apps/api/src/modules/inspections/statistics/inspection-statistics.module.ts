import { Module } from '@nestjs/common';

/** Inspection statistics per plan and region: done / planned, average score by section, findings by severity, rectification. */
@Module({
  controllers: [],
  providers: [],
})
export class InspectionStatisticsModule {}
