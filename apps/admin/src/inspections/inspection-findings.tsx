import type { FieldSchema } from '@zizhu/schema';
import { Box, Typography } from '@mui/material';
import { Datagrid, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { OverdueFlag } from '../checks/overdue-flag';
import { CLUES_RESOURCE } from '../checks/clue-api';
import { FieldDisplay } from '../schema/field-display';
import { useResourceSchema } from '../schema/use-schema';

/** The clue columns a finding is read by: what, about whom, how serious, where its rectification stands. */
const FINDING_COLUMNS = ['kind', 'studentId', 'severity', 'status', 'dueDate', 'overdue'];

/**
 * Under an inspection: the findings its submit raised, which are problem clues (source 督查)
 * rectified through the clue workflow; a row opens the clue. Nothing when the user may not
 * list clues.
 */
export function InspectionFindings() {
  const record = useRecordContext();
  const translate = useTranslate();
  const clues = useResourceSchema(CLUES_RESOURCE);
  if (!record || !clues || record.status !== 'submitted') return null;
  const columns = FINDING_COLUMNS.map((key) => clues.fields.find((field) => field.key === key)).filter((field): field is FieldSchema => field !== undefined);
  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="inspection-findings">
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('zizhu.inspections.findings')}
      </Typography>
      <ReferenceManyField
        reference={CLUES_RESOURCE}
        target="inspectionId"
        sort={{ field: 'dueDate', order: 'ASC' }}
        perPage={100}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate('zizhu.inspections.findingsEmpty')}
          </Typography>
        }
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          {columns.map((field) =>
            field.key === 'overdue' ? (
              <OverdueFlag key={field.key} source={field.key} sortable={false} />
            ) : (
              <FieldDisplay key={field.key} field={field} source={field.key} sortable={field.sort} />
            ),
          )}
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
}
