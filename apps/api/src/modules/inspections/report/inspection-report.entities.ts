import { inspectionReportEntity } from './inspection-report.entity';

/** Tables of this module that are not declared resources; the data source lists them. */
export const INSPECTION_REPORT_ENTITIES = [inspectionReportEntity];
