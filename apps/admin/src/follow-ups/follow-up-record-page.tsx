import { formatYuan } from '@zizhu/schema';
import { Alert, Box, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { Button, Labeled, LinkBase, RecordContextProvider, ResourceContextProvider, Title, useGetOne, useNotify, useTranslate } from 'react-admin';
import { useNavigate, useParams } from 'react-router-dom';
import { FieldDisplay } from '../schema/field-display';
import { useResourceSchema } from '../schema/use-schema';
import { CAMPAIGNS_RESOURCE, FOLLOW_UPS_RESOURCE, RECORD_KEYS } from './follow-up-api';
import { FollowUpRecordForm } from './follow-up-record-form';

/** What the officer reads before calling: who, where, which campaign, the amount to check. */
const HEADER_KEYS = ['studentId', 'schoolId', 'campaignId', 'kind'] as const;

/**
 * `/follow-up-record/:id`: one family's call or visit on a phone's screen — who to call and
 * the amount paid, then the form; read-only once the campaign is closed or for those who may
 * not record. After saving it returns to the campaign.
 */
export function FollowUpRecordPage() {
  const { id } = useParams();
  return (
    <ResourceContextProvider value={FOLLOW_UPS_RESOURCE}>
      <FollowUpRecord id={id ?? ''} />
    </ResourceContextProvider>
  );
}

function FollowUpRecord({ id }: { id: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const schema = useResourceSchema(FOLLOW_UPS_RESOURCE);
  const { data: record, isPending, error } = useGetOne(FOLLOW_UPS_RESOURCE, { id });
  const { data: campaign } = useGetOne(CAMPAIGNS_RESOURCE, { id: record?.campaignId }, { enabled: record?.campaignId != null });
  if (isPending || !schema) return <CircularProgress size={24} sx={{ m: 2 }} />;
  if (error || !record) return <Alert severity="error">{translate('ra.page.not_found')}</Alert>;
  const writable = schema.can.update && campaign?.status === 'drawn';
  const field = (key: string) => schema.fields.find((f) => f.key === key);
  const campaignPage = `/${CAMPAIGNS_RESOURCE}/${encodeURIComponent(String(record.campaignId))}/show`;

  function saved(stored: Record<string, unknown>): void {
    if (stored.clueId != null && record?.clueId == null) notify('zizhu.followUps.savedWithClue', { type: 'warning', messageArgs: { clueId: stored.clueId } });
    else notify('zizhu.followUps.saved', { type: 'success' });
    navigate(campaignPage);
  }

  return (
    <RecordContextProvider value={record}>
      <Title title="zizhu.followUps.recordTitle" />
      <Card sx={{ mt: 2, maxWidth: 560, mx: 'auto' }} data-testid="follow-up-record">
        <CardContent>
          <Stack spacing={1} sx={{ mb: 2 }}>
            {HEADER_KEYS.map((key) => {
              const declared = field(key);
              return declared ? (
                <Labeled key={key} source={key}>
                  <FieldDisplay source={key} field={declared} />
                </Labeled>
              ) : null;
            })}
            <Box>
              <Typography variant="caption" color="text.secondary">
                {translate('zizhu.followUps.paidThisTerm')}
              </Typography>
              <Typography variant="h5" component="div" data-testid="amount-paid">
                {translate('zizhu.followUps.yuan', { amount: formatYuan(Number(record.amountPaid ?? 0), { grouped: true }) })}
              </Typography>
            </Box>
          </Stack>
          {writable ? (
            <FollowUpRecordForm schema={schema} record={record} onSaved={saved} />
          ) : (
            <>
              <Alert severity="info" sx={{ mb: 1 }}>
                {translate('zizhu.followUps.readOnly')}
              </Alert>
              {['status', ...RECORD_KEYS, 'recordedBy', 'clueId'].map((key) => {
                const declared = field(key);
                return declared ? (
                  <Labeled key={key} source={key}>
                    <FieldDisplay source={key} field={declared} />
                  </Labeled>
                ) : null;
              })}
            </>
          )}
          <Button component={LinkBase} to={campaignPage} label="zizhu.followUps.backToCampaign" sx={{ mt: 1 }} />
        </CardContent>
      </Card>
    </RecordContextProvider>
  );
}
