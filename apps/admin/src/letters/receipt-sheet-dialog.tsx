import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, ListItemText, Stack } from '@mui/material';
import { useRef, useState } from 'react';
import { type RaRecord, useNotify, useRefresh, useTranslate } from 'react-admin';
import { FileDownloadButton } from '../files/file-download-button';
import { currentTerm, receiptSheetUrl, uploadReceiptSheet } from './letters-api';
import { SchoolPicker } from './school-picker';
import { TermFields } from './term-fields';
import { useOwnSchool } from './use-own-school';

/** 回执登记表: the school's sheet to download and fill in, and its upload (all rows or none, every bad row listed). */
export function ReceiptSheetDialog({ onClose }: { onClose(): void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const own = useOwnSchool();
  const input = useRef<HTMLInputElement>(null);
  const [school, setSchool] = useState<RaRecord | null>(null);
  const [period, setPeriod] = useState(currentTerm);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; errors: string[] }>();
  const chosen = own.school ?? school;

  async function send(file: File) {
    setPending(true);
    setRefusal(undefined);
    try {
      const answer = await uploadReceiptSheet(file);
      if (answer.ok) {
        notify('zizhu.letters.sheetDone', { type: 'success', messageArgs: { ...answer.summary } });
        refresh();
        onClose();
      } else {
        setRefusal({ message: answer.errors.file ?? answer.message, errors: Object.entries(answer.errors).filter(([k]) => k !== 'file').map(([, v]) => v) });
      }
    } finally {
      setPending(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="receipt-sheet-dialog">
      <DialogTitle>{translate('zizhu.letters.receiptSheet')}</DialogTitle>
      <DialogContent>
        <DialogContentText variant="body2" sx={{ mb: 1 }}>
          {translate('zizhu.letters.receiptSheetIntro')}
        </DialogContentText>
        {own.role !== 'school' && <SchoolPicker value={school} onChange={setSchool} />}
        <TermFields year={period.year} term={period.term} onChange={setPeriod} />
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          {chosen && (
            <FileDownloadButton url={receiptSheetUrl({ schoolId: Number(chosen.id), ...period })} fallbackName="回执登记表.xlsx" label="zizhu.letters.downloadSheet" />
          )}
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv"
            hidden
            data-testid="receipt-sheet-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void send(file);
            }}
          />
          <Button variant="contained" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={pending}>
            {translate('zizhu.letters.uploadSheet')}
          </Button>
        </Stack>
        {refusal && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="receipt-sheet-errors">
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
        <Button onClick={onClose}>{translate('zizhu.letters.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
