import ReplayIcon from '@mui/icons-material/Replay';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { DISBURSEMENTS_RESOURCE, reissueLine } from './funds-api';

/** 重发 on a failed or returned line, to a corrected account. */
export function ReissueButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const [account, setAccount] = useState('');
  const [error, setError] = useState<string>();
  if (!record || (record.status !== 'failed' && record.status !== 'returned')) return null;

  async function send() {
    try {
      const created = await reissueLine(record!.id, account);
      notify('zizhu.funds.reissueDone', { type: 'success' });
      setOpen(false);
      redirect('show', DISBURSEMENTS_RESOURCE, created.id);
    } catch (e) {
      const fields = apiFieldErrors(e);
      setError(fields.account ?? fields.status ?? apiErrorMessage(e) ?? undefined);
    }
  }

  return (
    <>
      <Button label="zizhu.funds.reissue" onClick={() => setOpen(true)}>
        <ReplayIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('zizhu.funds.reissueTitle')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('zizhu.funds.reissueHelp')}
          </Typography>
          <TextField fullWidth margin="dense" label={translate('zizhu.funds.account')} value={account} onChange={(e) => setAccount(e.target.value)} error={Boolean(error)} helperText={error} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('zizhu.funds.cancel')}</MuiButton>
          <MuiButton variant="contained" onClick={() => void send()}>
            {translate('zizhu.funds.reissue')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
