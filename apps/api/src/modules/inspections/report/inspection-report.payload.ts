import { IsInt, Min } from 'class-validator';

/** The `inspection-report` job: which inspection's report to write (who asked is on its inspection_reports row). */
export class InspectionReportPayload {
  @IsInt()
  @Min(1)
  inspectionId!: number;
}
