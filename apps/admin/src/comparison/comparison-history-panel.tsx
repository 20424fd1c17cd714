import { Box } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { RelatedRecordsTable } from '../schema/related-records-table';

export const COMPARISON_EXECUTIONS_RESOURCE = 'comparison-executions';

/** Under a run's fields: every execution of it (first run and re-runs), newest first. */
export function ComparisonHistoryPanel() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <RelatedRecordsTable
        reference={COMPARISON_EXECUTIONS_RESOURCE}
        target="comparisonId"
        title="zizhu.comparison.historyTitle"
        emptyText="zizhu.comparison.historyEmpty"
        sort={{ field: 'id', order: 'DESC' }}
        perPage={50}
        testId="comparison-history"
      />
    </Box>
  );
}
