import { Box, Button, Card, CardContent, Chip, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useSessionUser } from '../providers/use-session-user';
import { chinaToday } from '../providers/china-date';
import { choiceKey } from '../schema/schema-messages';
import { RosterActionDialog } from './roster-action-dialog';
import { PROGRAMS_RESOURCE, ROSTERS_RESOURCE, isFinal, type ApprovalStepView, type StepAction } from './roster-api';

const STATUS_COLOR: Record<string, 'default' | 'info' | 'warning' | 'success' | 'error'> = {
  draft: 'default',
  inReview: 'info',
  returned: 'warning',
  approved: 'success',
  rejected: 'error',
};

/**
 * Beside a roster: its approval chain as a stepper, where it stands, and — for the officer
 * whose role the current step names — 通过 / 退回 / 驳回 (the first step's 通过 is the school
 * submitting). The API decides who may act; the buttons only follow the role.
 */
export function RosterWorkflowPanel() {
  const record = useRecordContext();
  const user = useSessionUser();
  const translate = useTranslate();
  const [action, setAction] = useState<StepAction | null>(null);
  if (!record) return null;
  const steps = (Array.isArray(record.approvalSteps) ? record.approvalSteps : []) as ApprovalStepView[];
  const index = Number(record.stepIndex ?? 0);
  const status = String(record.status ?? 'draft');
  const step = steps[index];
  const open = !isFinal(status) && step !== undefined;
  const mine = open && user?.role === step.role;
  const actor = (candidate: ApprovalStepView) =>
    translate('zizhu.programs.stepActor', {
      level: translate(choiceKey(PROGRAMS_RESOURCE, 'approvalSteps.level', candidate.level), { _: candidate.level }),
      role: translate(`zizhu.roles.${candidate.role}`, { _: candidate.role }),
    });
  const approveLabel = index === 0 ? 'zizhu.programs.submit' : 'zizhu.programs.approve';
  const deadline = typeof record.deadline === 'string' ? record.deadline : undefined;
  const late = index === 0 && deadline !== undefined && chinaToday() > deadline;
  return (
    <Card sx={{ width: 320, ml: 2, flexShrink: 0, alignSelf: 'flex-start' }} data-testid="roster-workflow">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h6">{translate('zizhu.programs.workflow')}</Typography>
          <Chip
            size="small"
            color={STATUS_COLOR[status] ?? 'default'}
            label={translate(choiceKey(ROSTERS_RESOURCE, 'status', status), { _: status })}
            data-testid="roster-status"
          />
        </Box>
        <Stepper orientation="vertical" activeStep={status === 'approved' ? steps.length : index}>
          {steps.map((candidate, i) => (
            <Step key={i} completed={status === 'approved' || i < index}>
              <StepLabel
                error={status === 'rejected' && i === index}
                optional={<Typography variant="caption">{actor(candidate)}</Typography>}
              >
                {candidate.label}
              </StepLabel>
            </Step>
          ))}
        </Stepper>
        {open && (
          <Typography variant="body2" sx={{ mt: 2 }}>
            {translate('zizhu.programs.currentStep', { step: step.label })}
          </Typography>
        )}
        {mine && late && (
          <Typography variant="body2" color="warning.main" sx={{ mt: 1 }}>
            {translate('zizhu.programs.pastDeadline', { deadline })}
          </Typography>
        )}
        {record.submittedLate === true && (
          <Chip size="small" color="warning" sx={{ mt: 1 }} label={translate('zizhu.programs.submittedLate')} data-testid="roster-submitted-late" />
        )}
        {mine && (
          <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
            <Button variant="contained" size="small" onClick={() => setAction('approve')}>
              {translate(approveLabel)}
            </Button>
            {index > 0 && (
              <Button variant="outlined" size="small" color="warning" onClick={() => setAction('return')}>
                {translate('zizhu.programs.return')}
              </Button>
            )}
            {index > 0 && (
              <Button variant="outlined" size="small" color="error" onClick={() => setAction('reject')}>
                {translate('zizhu.programs.reject')}
              </Button>
            )}
          </Box>
        )}
        {open && !mine && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            {translate('zizhu.programs.notYourStep', {
              level: translate(choiceKey(PROGRAMS_RESOURCE, 'approvalSteps.level', step.level), { _: step.level }),
              role: translate(`zizhu.roles.${step.role}`, { _: step.role }),
            })}
          </Typography>
        )}
        {!open && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            {translate('zizhu.programs.finished')}
          </Typography>
        )}
      </CardContent>
      {action && step && (
        <RosterActionDialog
          rosterId={record.id}
          action={action}
          label={action === 'approve' ? approveLabel : `zizhu.programs.${action}`}
          stepLabel={step.label}
          lateAfter={action === 'approve' && late ? deadline : undefined}
          onClose={() => setAction(null)}
        />
      )}
    </Card>
  );
}
