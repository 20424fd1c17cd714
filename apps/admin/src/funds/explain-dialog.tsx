import { type FundException } from '@zizhu/schema';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { explainException } from './funds-api';

/** 说明: finance writes a note on one exception; the API keeps it by the exception's key. */
export function ExplainDialog({ exception, onClose, onSaved }: { exception: FundException; onClose: () => void; onSaved: (saved: FundException) => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [note, setNote] = useState(exception.explanation?.note ?? '');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  async function save() {
    setPending(true);
    try {
      onSaved(await explainException(exception.key, note));
      notify('zizhu.funds.explainDone', { type: 'success' });
    } catch (e) {
      const fields = apiFieldErrors(e);
      setError(fields.note ?? fields.key ?? apiErrorMessage(e) ?? undefined);
    } finally {
      setPending(false);
    }
  }
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('zizhu.funds.explainTitle')}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={3}
          margin="dense"
          label={translate('zizhu.funds.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={Boolean(error)}
          helperText={error}
          slotProps={{ htmlInput: { 'data-testid': 'explain-note' } }}
        />
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('zizhu.funds.cancel')}</MuiButton>
        <MuiButton variant="contained" onClick={() => void save()} disabled={pending}>
          {translate('zizhu.funds.save')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}
