import { comparisonExecutionCountEntity } from './comparison-execution-count.entity';
import { comparisonSummaryRowEntity } from './comparison-summary-row.entity';

/** Tables of this module that are not declared resources; the data source lists them. */
export const COMPARISON_ENTITIES = [comparisonSummaryRowEntity, comparisonExecutionCountEntity];
