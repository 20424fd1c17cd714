import { Alert, Box, Button, Card, CardContent, Chip, Typography } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useSessionUser } from '../providers/use-session-user';
import { DecisionDialog } from '../schema/decision-dialog';
import { RelatedRecordsTable } from '../schema/related-records-table';
import { choiceKey } from '../schema/schema-messages';
import { ClueAnswerDialog } from './clue-answer-dialog';
import { CLUE_ACTIONS_RESOURCE, CLUES_RESOURCE, countyReviews, inspectorReviews, reviewClue, reviewsClue, schoolAnswers, type ClueReview } from './clue-api';

const STATUS_COLOR: Record<string, 'default' | 'info' | 'warning' | 'success'> = { open: 'default', answered: 'info', returned: 'warning', closed: 'success' };

/**
 * Under a clue (its page, and the county's edit form): where it stands, whether it is
 * overdue, the return's reason, and the next step for whoever takes it — 反馈核实情况 for
 * the school, 办结 / 退回 for the county (and the inspector, for an inspection's findings) —
 * and the history of those steps. The API checks role, region and status again.
 */
export function ClueWorkflowPanel() {
  const record = useRecordContext();
  const user = useSessionUser();
  const translate = useTranslate();
  const [dialog, setDialog] = useState<'answer' | ClueReview | null>(null);
  if (!record) return null;
  const status = String(record.status ?? 'open');
  const mayAnswer = user?.role === 'school' && schoolAnswers(status);
  const mayReview = reviewsClue(user?.role, record.source) && countyReviews(status);
  const next = status === 'closed' ? 'closed' : countyReviews(status) ? (inspectorReviews(record.source) ? 'waitingFindingReview' : 'waitingCounty') : 'waitingSchool';
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }} data-testid="clue-workflow">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
          <Typography variant="h6">{translate('zizhu.clues.workflow')}</Typography>
          <Chip size="small" color={STATUS_COLOR[status] ?? 'default'} label={translate(choiceKey(CLUES_RESOURCE, 'status', status), { _: status })} data-testid="clue-status" />
          {record.overdue === true && <Chip size="small" color="error" label={translate('zizhu.clues.overdue')} data-testid="clue-overdue" />}
        </Box>
        {record.overdue === true && (
          <Alert severity="error" sx={{ mb: 1 }}>
            {translate('zizhu.clues.overdueSince', { date: String(record.dueDate ?? '') })}
          </Alert>
        )}
        {status === 'returned' && record.reviewComment && (
          <Alert severity="warning" sx={{ mb: 1 }} data-testid="clue-returned">
            {translate('zizhu.clues.returnedBecause', { reason: String(record.reviewComment) })}
          </Alert>
        )}
        <Typography variant="body2" color="text.secondary">
          {translate(`zizhu.clues.${next}`)}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
          {mayAnswer && (
            <Button variant="contained" size="small" onClick={() => setDialog('answer')}>
              {translate(status === 'returned' ? 'zizhu.clues.answerAgain' : 'zizhu.clues.answer')}
            </Button>
          )}
          {mayReview && (
            <Button variant="contained" size="small" onClick={() => setDialog('accept')}>
              {translate('zizhu.clues.accept')}
            </Button>
          )}
          {mayReview && (
            <Button variant="outlined" size="small" color="warning" onClick={() => setDialog('return')}>
              {translate('zizhu.clues.return')}
            </Button>
          )}
        </Box>
        <RelatedRecordsTable
          reference={CLUE_ACTIONS_RESOURCE}
          target="clueId"
          title="zizhu.clues.historyTitle"
          emptyText="zizhu.clues.historyEmpty"
          sort={{ field: 'id', order: 'ASC' }}
          perPage={50}
          testId="clue-history"
        />
      </CardContent>
      {dialog === 'answer' && <ClueAnswerDialog onClose={() => setDialog(null)} />}
      {(dialog === 'accept' || dialog === 'return') && (
        <DecisionDialog
          title={translate('zizhu.clues.reviewTitle', { action: translate(`zizhu.clues.${dialog}`), kind: String(record.kind ?? '') })}
          confirmLabel={translate(`zizhu.clues.${dialog}`)}
          reasonLabel={translate(dialog === 'return' ? 'zizhu.clues.reason' : 'zizhu.clues.comment')}
          reasonRequired={dialog === 'return'}
          reasonField="reason"
          doneMessage={translate('zizhu.clues.done', { action: translate(`zizhu.clues.${dialog}`) })}
          send={(reason) => reviewClue(record.id, dialog, reason, record.version)}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
