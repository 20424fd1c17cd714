import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';

export interface DecisionDialogProps {
  /** Texts already translated. */
  title: string;
  confirmLabel: string;
  reasonLabel: string;
  /** Returning or rejecting needs a reason; the API says so too. */
  reasonRequired: boolean;
  /** The API's error key for the reason (`comment`, `reason`), shown on the text box. */
  reasonField: string;
  /** Shown above the reason before anything is sent (a deadline that has passed). */
  warning?: string;
  doneMessage: string;
  /** Sends the decision; may answer with the success message to show instead (counts known only then). */
  send(reason: string): Promise<string | void>;
  onClose(): void;
}

/**
 * Confirms one decision on a record (a roster step, an omission's review, a clue's answer)
 * with a reason. The API's refusal is shown in the dialog: on the reason when it is about
 * it, above it otherwise.
 */
export function DecisionDialog({ title, confirmLabel, reasonLabel, reasonRequired, reasonField, warning, doneMessage, send, onClose }: DecisionDialogProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  async function confirm() {
    setSending(true);
    try {
      const message = (await send(reason)) || doneMessage;
      notify(message, { type: 'success', messageArgs: { _: message } });
      refresh();
      onClose();
    } catch (error) {
      const fieldErrors = apiFieldErrors(error);
      setErrors(Object.keys(fieldErrors).length > 0 ? fieldErrors : { action: apiErrorMessage(error) ?? translate('ra.notification.http_error') });
    } finally {
      setSending(false);
    }
  }

  const elsewhere = Object.entries(errors).filter(([key]) => key !== reasonField);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {warning && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="decision-warning">
            {warning}
          </Alert>
        )}
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
          label={reasonLabel}
          required={reasonRequired}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errors[reasonField] !== undefined}
          helperText={errors[reasonField]}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color={reasonRequired ? 'error' : 'primary'} disabled={sending} onClick={() => void confirm()}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
