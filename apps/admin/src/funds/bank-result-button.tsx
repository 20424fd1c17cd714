import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { uploadBankResult } from './funds-api';

/** 导入银行回盘 on a batch: all rows or none; a refusal lists every bad row. */
export function BankResultButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; errors: string[] }>();
  if (!record) return null;

  async function send(file: File) {
    setPending(true);
    setRefusal(undefined);
    try {
      const answer = await uploadBankResult(record!.id, file);
      if (answer.ok) {
        setOpen(false);
        notify('zizhu.funds.bankResultDone', { type: 'success', messageArgs: { ...answer.result } });
        refresh();
      } else {
        setRefusal({ message: answer.errors.file ?? answer.message, errors: Object.entries(answer.errors).filter(([k]) => k !== 'file').map(([, v]) => v) });
      }
    } finally {
      setPending(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <>
      <Button label="zizhu.funds.bankResult" onClick={() => setOpen(true)}>
        <UploadFileIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('zizhu.funds.bankResult')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('zizhu.funds.bankResultHelp')}
          </Typography>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv"
            hidden
            data-testid="bank-result-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void send(file);
            }}
          />
          <MuiButton variant="contained" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={pending}>
            {translate('zizhu.funds.chooseFile')}
          </MuiButton>
          {refusal && (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="bank-result-errors">
              {refusal.message}
              <List dense>
                {refusal.errors.map((e) => (
                  <ListItem key={e} disableGutters>
                    <ListItemText primary={e} />
                  </ListItem>
                ))}
              </List>
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('zizhu.funds.cancel')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
