import { Module } from '@nestjs/common';
import { PdfModule } from '../../../engine/pdf/pdf.module';
import { InspectionReportController } from './inspection-report.controller';
import { InspectionReportJob } from './inspection-report.job';
import { InspectionReportService } from './inspection-report.service';
import { PlanExportController } from './plan-export.controller';

/** An inspection's printable report (PDF, rendered as a job) and a plan's inspections as Excel. */
@Module({
  imports: [PdfModule],
  controllers: [InspectionReportController, PlanExportController],
  providers: [InspectionReportJob, InspectionReportService],
})
export class InspectionReportModule {}
