import { Box, Typography } from '@mui/material';
import { Datagrid, Pagination, ReferenceManyField, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { FieldDisplay } from '../schema/field-display';
import { relatedColumns } from '../schema/related-records-table';
import { useResourceSchema } from '../schema/use-schema';
import { FOLLOW_UPS_RESOURCE, recordPath } from './follow-up-api';

/** Under a campaign: how many families were contacted, and its follow-ups (each opens the record form). */
export function CampaignFollowUpsPanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const schema = useResourceSchema(FOLLOW_UPS_RESOURCE);
  const campaignId = record?.id;
  const { total } = useGetList(FOLLOW_UPS_RESOURCE, { filter: { campaignId }, pagination: { page: 1, perPage: 1 } }, { enabled: campaignId !== undefined && !!schema });
  const { total: done } = useGetList(FOLLOW_UPS_RESOURCE, { filter: { campaignId, status: 'done' }, pagination: { page: 1, perPage: 1 } }, { enabled: campaignId !== undefined && !!schema });
  if (!record || !schema) return null;
  return (
    <Box sx={{ px: 2, pb: 2, mt: 3 }} data-testid="campaign-follow-ups">
      <Typography variant="subtitle1">{translate('zizhu.followUps.followUps')}</Typography>
      {total ? (
        <Typography variant="body2" color="text.secondary" data-testid="campaign-progress">
          {translate('zizhu.followUps.progress', { done: done ?? 0, total })}
        </Typography>
      ) : null}
      <ReferenceManyField
        reference={FOLLOW_UPS_RESOURCE}
        target="campaignId"
        sort={{ field: 'id', order: 'ASC' }}
        perPage={25}
        pagination={<Pagination />}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate('zizhu.followUps.followUpsEmpty')}
          </Typography>
        }
      >
        <Datagrid rowClick={(id) => recordPath(id)} bulkActionButtons={false}>
          {relatedColumns(schema, 'campaignId').map((field) => (
            <FieldDisplay key={field.key} source={field.key} field={field} />
          ))}
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
}
