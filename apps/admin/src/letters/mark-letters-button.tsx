import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Radio, RadioGroup, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useListContext, useNotify, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { chinaToday, LETTERS_RESOURCE, markLetters } from './letters-api';

/** Bulk action on the letters list: the selected letters delivered, or their receipts back, on one date. */
export function MarkLettersButton() {
  const { selectedIds } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(LETTERS_RESOURCE);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<'delivered' | 'receiptReturned'>('delivered');
  const [date, setDate] = useState(() => chinaToday());
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function save() {
    setPending(true);
    setError(null);
    try {
      const summary = await markLetters({ ids: selectedIds, status, date });
      notify('zizhu.letters.markDone', { type: 'success', messageArgs: { ...summary } });
      unselectAll();
      setOpen(false);
      refresh();
    } catch (failure) {
      setError(Object.values(apiFieldErrors(failure)).join('；') || apiErrorMessage(failure) || '');
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button label="zizhu.letters.mark" onClick={() => setOpen(true)}>
        <EventAvailableIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs" data-testid="mark-letters-dialog">
        <DialogTitle>{translate('zizhu.letters.mark')}</DialogTitle>
        <DialogContent>
          <RadioGroup value={status} onChange={(e) => setStatus(e.target.value as typeof status)} aria-label={translate('zizhu.letters.markStatus')}>
            <FormControlLabel value="delivered" control={<Radio />} label={translate('zizhu.letters.markDelivered')} />
            <FormControlLabel value="receiptReturned" control={<Radio />} label={translate('zizhu.letters.markReturned')} />
          </RadioGroup>
          <TextField
            type="date"
            margin="dense"
            label={translate('zizhu.letters.markDate')}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: chinaToday(), 'data-testid': 'mark-date' } }}
          />
          {error && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('zizhu.letters.cancel')}</MuiButton>
          <MuiButton variant="contained" onClick={() => void save()} disabled={pending}>
            {translate('zizhu.letters.markConfirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
