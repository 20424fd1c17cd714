import { Module } from '@nestjs/common';
import { InspectionStatisticsController } from './inspection-statistics.controller';
import { InspectionStatisticsService } from './inspection-statistics.service';

/** Inspection statistics per plan and region: done / planned, average score by section, findings by severity, rectification. */
@Module({
  controllers: [InspectionStatisticsController],
  providers: [InspectionStatisticsService],
})
export class InspectionStatisticsModule {}
