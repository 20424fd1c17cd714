import { Box, Typography } from '@mui/material';
import { Datagrid, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { FieldDisplay } from '../schema/field-display';
import { useResourceSchema } from '../schema/use-schema';

export const COMPARISON_EXECUTIONS_RESOURCE = 'comparison-executions';

/** Under a run's fields: every execution of it (first run and re-runs), newest first. */
export function ComparisonHistoryPanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const executions = useResourceSchema(COMPARISON_EXECUTIONS_RESOURCE);
  if (!record || !executions) return null;
  const columns = executions.fields.filter((field) => field.list && field.key !== 'comparisonId');
  return (
    <Box sx={{ px: 2, pb: 2, mt: 2 }} data-testid="comparison-history">
      <Typography variant="subtitle1">{translate('zizhu.comparison.historyTitle')}</Typography>
      <ReferenceManyField
        reference={COMPARISON_EXECUTIONS_RESOURCE}
        target="comparisonId"
        sort={{ field: 'id', order: 'DESC' }}
        perPage={50}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate('zizhu.comparison.historyEmpty')}
          </Typography>
        }
      >
        <Datagrid rowClick={false} bulkActionButtons={false}>
          {columns.map((field) => (
            <FieldDisplay key={field.key} source={field.key} field={field} />
          ))}
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
}
