import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRefresh, useTranslate, type Identifier } from 'react-admin';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { actOnRoster, type StepAction } from './roster-api';

export interface RosterActionDialogProps {
  rosterId: Identifier;
  action: StepAction;
  /** i18n key of the action's name (通过 / 提交审核 / 退回 / 驳回). */
  label: string;
  stepLabel: string;
  onClose(): void;
}

/**
 * Confirms one decision on the current step, with a comment (a reason, required, to return
 * or reject). The API's refusal — a missing reason, the submission check's problems, a step
 * that is not the user's — is shown in the dialog, on the comment when it is about it.
 */
export function RosterActionDialog({ rosterId, action, label, stepLabel, onClose }: RosterActionDialogProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const needsReason = action !== 'approve';

  async function send() {
    setSending(true);
    try {
      await actOnRoster(rosterId, action, comment);
      notify('zizhu.programs.done', { type: 'success', messageArgs: { action: translate(label) } });
      refresh();
      onClose();
    } catch (error) {
      const fieldErrors = apiFieldErrors(error);
      setErrors(Object.keys(fieldErrors).length > 0 ? fieldErrors : { action: apiErrorMessage(error) ?? translate('ra.notification.http_error') });
    } finally {
      setSending(false);
    }
  }

  const elsewhere = Object.entries(errors).filter(([key]) => key !== 'comment');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('zizhu.programs.confirmTitle', { action: translate(label), step: stepLabel })}</DialogTitle>
      <DialogContent>
        {elsewhere.map(([key, message]) => (
          <Alert key={key} severity="error" sx={{ mb: 2 }} role="alert">
            {message}
          </Alert>
        ))}
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={3}
          margin="dense"
          label={translate(needsReason ? 'zizhu.programs.reason' : 'zizhu.programs.comment')}
          required={needsReason}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          error={errors.comment !== undefined}
          helperText={errors.comment}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('zizhu.programs.cancel')}</Button>
        <Button variant="contained" color={needsReason ? 'error' : 'primary'} disabled={sending} onClick={() => void send()}>
          {translate(label)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
