import type { FieldSchema } from '@zizhu/schema';
import { Box, Typography } from '@mui/material';
import { Datagrid, Pagination, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { FieldDisplay } from '../schema/field-display';
import { useResourceSchema } from '../schema/use-schema';
import { INSPECTIONS_RESOURCE } from './inspection-api';
import { InspectionStatusField } from './inspection-status-field';

/** The inspection columns a plan's page lists its schools by. */
const PLAN_COLUMNS = ['schoolId', 'leadInspectorId', 'plannedDate', 'status', 'score', 'passed', 'findingsCount'];

/**
 * Under a plan: its inspections, one per school, with lead inspector, date, status (and
 * 开始检查 / 继续检查 for whoever fills them in), score, pass and findings; a row opens the
 * inspection.
 */
export function PlanInspectionsPanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const schema = useResourceSchema(INSPECTIONS_RESOURCE);
  if (!record || !schema) return null;
  const columns = PLAN_COLUMNS.map((key) => schema.fields.find((field) => field.key === key)).filter((field): field is FieldSchema => field !== undefined);
  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="plan-inspections">
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('zizhu.inspections.planInspections')}
      </Typography>
      <ReferenceManyField
        reference={INSPECTIONS_RESOURCE}
        target="planId"
        sort={{ field: 'plannedDate', order: 'ASC' }}
        perPage={50}
        pagination={<Pagination />}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate('zizhu.inspections.planInspectionsEmpty')}
          </Typography>
        }
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          {columns.map((field) =>
            field.key === 'status' ? (
              <InspectionStatusField key={field.key} field={field} source={field.key} sortable={field.sort} />
            ) : (
              <FieldDisplay key={field.key} field={field} source={field.key} sortable={field.sort} />
            ),
          )}
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
}
