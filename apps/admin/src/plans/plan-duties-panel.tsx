import AddIcon from '@mui/icons-material/Add';
import { Box, Typography } from '@mui/material';
import { CreateButton, Datagrid, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { FieldDisplay } from '../schema/field-display';
import { relatedColumns } from '../schema/related-records-table';
import { useResourceSchema } from '../schema/use-schema';
import { CompletionPanel } from './completion-table';
import { RecurrenceField } from './duty-fields';
import { DUTIES_RESOURCE } from './plans-api';

/** Under a plan: its duties (a row opens the duty; 添加任务 on a draft the user may write), then the completion table. */
export function PlanPanels() {
  const record = useRecordContext();
  const translate = useTranslate();
  const schema = useResourceSchema(DUTIES_RESOURCE);
  if (!record || !schema) return null;
  const columns = relatedColumns(schema, 'planId');
  const mayAdd = schema.can.create && record.writable !== false;
  return (
    <>
      <Box sx={{ mt: 3 }} data-testid="plan-duties">
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="subtitle1">{translate('zizhu.plans.duties')}</Typography>
          {mayAdd && (
            <CreateButton
              resource={DUTIES_RESOURCE}
              label="zizhu.plans.addDuty"
              icon={<AddIcon />}
              to={{ pathname: `/${DUTIES_RESOURCE}/create`, search: `?source=${encodeURIComponent(JSON.stringify({ planId: record.id }))}` }}
            />
          )}
        </Box>
        <ReferenceManyField
          reference={DUTIES_RESOURCE}
          target="planId"
          sort={{ field: 'id', order: 'ASC' }}
          perPage={200}
          empty={
            <Typography variant="body2" color="text.secondary">
              {translate('zizhu.plans.dutiesEmpty')}
            </Typography>
          }
        >
          <Datagrid bulkActionButtons={false} rowClick="show">
            {columns.map((field) => (field.key === 'recurrence' ? <RecurrenceField key={field.key} source={field.key} /> : <FieldDisplay key={field.key} source={field.key} field={field} />))}
          </Datagrid>
        </ReferenceManyField>
      </Box>
      <CompletionPanel />
    </>
  );
}
