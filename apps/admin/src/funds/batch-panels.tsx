import { Box, Typography } from '@mui/material';
import { Datagrid, Pagination, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { FieldDisplay } from '../schema/field-display';
import { RelatedRecordsTable, relatedColumns } from '../schema/related-records-table';
import { useResourceSchema } from '../schema/use-schema';
import { DISBURSEMENTS_RESOURCE, EXCLUSIONS_RESOURCE } from './funds-api';

/** Under a batch's fields: its payment lines (a line opens its page, where a failed one is re-issued) and whom it left out, and why. */
export function BatchPanels() {
  const record = useRecordContext();
  const translate = useTranslate();
  const lines = useResourceSchema(DISBURSEMENTS_RESOURCE);
  if (!record) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      {lines && (
        <Box sx={{ mt: 3 }} data-testid="batch-lines">
          <Typography variant="subtitle1">{translate('zizhu.funds.batchLines')}</Typography>
          <ReferenceManyField
            reference={DISBURSEMENTS_RESOURCE}
            target="batchId"
            sort={{ field: 'id', order: 'ASC' }}
            perPage={25}
            pagination={<Pagination />}
            empty={
              <Typography variant="body2" color="text.secondary">
                {translate('zizhu.funds.batchLinesEmpty')}
              </Typography>
            }
          >
            <Datagrid rowClick="show" bulkActionButtons={false}>
              {relatedColumns(lines, 'batchId').map((field) => (
                <FieldDisplay key={field.key} source={field.key} field={field} />
              ))}
            </Datagrid>
          </ReferenceManyField>
        </Box>
      )}
      <RelatedRecordsTable
        reference={EXCLUSIONS_RESOURCE}
        target="batchId"
        title="zizhu.funds.leftOut"
        emptyText="zizhu.funds.leftOutNone"
        sort={{ field: 'id', order: 'ASC' }}
        perPage={100}
        testId="batch-left-out"
      />
      {Number(record.skippedNoAccount) > 0 && (
        <Typography variant="body2" sx={{ mt: 1 }} color="warning.main" data-testid="left-out-help">
          {translate('zizhu.funds.leftOutHelp')}
        </Typography>
      )}
    </Box>
  );
}
