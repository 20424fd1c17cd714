import { Module } from '@nestjs/common';

/** An inspection's printable report (PDF, rendered as a job) and a plan's inspections as Excel. */
@Module({
  controllers: [],
  providers: [],
})
export class InspectionReportModule {}
