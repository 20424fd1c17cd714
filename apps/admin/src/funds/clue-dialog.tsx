import { type FundException } from '@zizhu/schema';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { openClue } from './funds-api';

/** The notices give schools a month to verify a clue. */
const DUE_DAYS = 30;

/** 开立线索: finance or the county turns one exception into a problem clue for its school. */
export function ClueDialog({ exception, onClose, onOpened }: { exception: FundException; onClose: () => void; onOpened: (clue: { id: number; status: string }) => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [description, setDescription] = useState('');
  const [dueDate, setDueDate] = useState(() => new Date(Date.now() + DUE_DAYS * 86_400_000).toISOString().slice(0, 10));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  async function save() {
    setPending(true);
    try {
      const clue = await openClue(exception.key, description, dueDate);
      notify('zizhu.funds.clueOpened', { type: 'success', messageArgs: { id: clue.id } });
      onOpened(clue);
    } catch (e) {
      const fields = apiFieldErrors(e);
      setErrors(Object.keys(fields).length ? fields : { key: apiErrorMessage(e) ?? '' });
    } finally {
      setPending(false);
    }
  }
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('zizhu.funds.openClueTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText variant="body2">{translate('zizhu.funds.openClueHelp')}</DialogContentText>
        <TextField
          fullWidth
          multiline
          minRows={3}
          margin="dense"
          label={translate('zizhu.funds.clueDescription')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={Boolean(errors.description)}
          helperText={errors.description}
          slotProps={{ htmlInput: { 'data-testid': 'clue-description', maxLength: 2000 } }}
        />
        <TextField
          margin="dense"
          type="date"
          label={translate('zizhu.funds.clueDueDate')}
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
          error={Boolean(errors.dueDate)}
          helperText={errors.dueDate}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'clue-due-date' } }}
        />
        {errors.key && <DialogContentText color="error" variant="body2">{errors.key}</DialogContentText>}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('zizhu.funds.cancel')}</MuiButton>
        <MuiButton variant="contained" onClick={() => void save()} disabled={pending}>
          {translate('zizhu.funds.openClue')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}
