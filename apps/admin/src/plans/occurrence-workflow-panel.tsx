import { Alert, Box, Button, Card, CardContent, Chip, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetOne, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useSessionUser } from '../providers/use-session-user';
import { DecisionDialog } from '../schema/decision-dialog';
import { choiceKey } from '../schema/schema-messages';
import { isOccurrenceStatus, STATUS_COLOR } from './occurrence-status';
import { DUTIES_RESOURCE, OCCURRENCES_RESOURCE, reviewOccurrence, type OccurrenceReview } from './plans-api';
import { SubmitEvidenceDialog } from './submit-evidence-dialog';

const SUBMITTABLE = ['pending', 'returned', 'missed'];

/**
 * Under an occurrence: where it stands and the next step for whoever takes it — 提交佐证 for
 * the unit (a school's duty: its officer; a township's or county's: the county), 审核通过 /
 * 退回 for the planner — or, for a duty the data decides, which rule decides it. The API
 * checks unit, planner, region and status again.
 */
export function OccurrenceWorkflowPanel() {
  const record = useRecordContext();
  const user = useSessionUser();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [dialog, setDialog] = useState<'submit' | OccurrenceReview | null>(null);
  const { data: duty } = useGetOne(DUTIES_RESOURCE, { id: record?.dutyId }, { enabled: record?.dutyId != null });
  if (!record) return null;
  const status = isOccurrenceStatus(record.status) ? record.status : 'pending';
  const manual = record.completionRule === 'manual';
  const unitRole = record.level === 'school' ? user?.role === 'school' : user?.role === 'county' || user?.role === 'admin';
  const maySubmit = manual && unitRole && SUBMITTABLE.includes(status);
  const mayReview = manual && (user?.role === 'county' || user?.role === 'admin') && status === 'submitted';
  const title = String(duty?.title ?? '');
  const next = status === 'done' || status === 'late' ? 'finished' : status === 'submitted' ? 'waitingReview' : 'waitingUnit';
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }} data-testid="occurrence-workflow">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
          <Typography variant="h6">{translate('zizhu.plans.workflow')}</Typography>
          <Chip size="small" color={STATUS_COLOR[status]} label={translate(choiceKey(OCCURRENCES_RESOURCE, 'status', status), { _: status })} data-testid="occurrence-status" />
        </Box>
        {record.returnReason && (status === 'returned' || status === 'missed') && (
          <Alert severity="warning" sx={{ mb: 1 }} data-testid="occurrence-returned">
            {translate('zizhu.plans.returnedBecause', { reason: String(record.returnReason) })}
          </Alert>
        )}
        <Typography variant="body2" color="text.secondary">
          {manual
            ? translate(`zizhu.plans.${next}`)
            : translate('zizhu.plans.automatic', { rule: translate(choiceKey(OCCURRENCES_RESOURCE, 'completionRule', String(record.completionRule)), { _: String(record.completionRule) }) })}
        </Typography>
        {duty?.evidenceExpected && manual && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('zizhu.plans.evidenceExpected', { text: String(duty.evidenceExpected) })}
          </Typography>
        )}
        <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
          {maySubmit && (
            <Button variant="contained" size="small" onClick={() => setDialog('submit')}>
              {translate(status === 'returned' ? 'zizhu.plans.submitAgain' : 'zizhu.plans.submit')}
            </Button>
          )}
          {mayReview && (
            <Button variant="contained" size="small" onClick={() => setDialog('accept')}>
              {translate('zizhu.plans.accept')}
            </Button>
          )}
          {mayReview && (
            <Button variant="outlined" size="small" color="warning" onClick={() => setDialog('return')}>
              {translate('zizhu.plans.return')}
            </Button>
          )}
        </Box>
      </CardContent>
      {dialog === 'submit' && (
        <SubmitEvidenceDialog
          target={{ id: record.id, title, version: record.version, evidenceExpected: duty?.evidenceExpected, evidenceFileId: record.evidenceFileId, note: record.note }}
          onClose={() => setDialog(null)}
          onDone={refresh}
        />
      )}
      {(dialog === 'accept' || dialog === 'return') && (
        <DecisionDialog
          title={translate('zizhu.plans.reviewTitle', { action: translate(`zizhu.plans.${dialog}`), title })}
          confirmLabel={translate(`zizhu.plans.${dialog}`)}
          reasonLabel={translate(dialog === 'return' ? 'zizhu.plans.reason' : 'zizhu.plans.comment')}
          reasonRequired={dialog === 'return'}
          reasonField="reason"
          doneMessage={translate('zizhu.plans.reviewed', { action: translate(`zizhu.plans.${dialog}`) })}
          send={(reason) => reviewOccurrence(record.id, dialog, reason, record.version)}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
