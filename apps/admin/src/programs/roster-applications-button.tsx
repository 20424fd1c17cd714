import type { ApplicationImportResult } from '@zizhu/schema';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button as MuiButton,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, useRecordContext, useRefresh, useTranslate, type Identifier } from 'react-admin';
import { FileDownloadButton } from '../files/file-download-button';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { applicationTemplateUrl, importApplications } from './roster-api';

/** Shown rows of the error report (the API sends them all; a long list belongs in the file). */
const SHOWN_ERRORS = 200;

/** 导入申请: the roster's own template, an upload, and the row-by-row answer. */
export function RosterApplicationsButton() {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button label="zizhu.programs.importApplications" onClick={() => setOpen(true)}>
        <UploadFileIcon />
      </Button>
      {open && <ApplicationsDialog rosterId={record.id} title={String(record.title ?? record.id)} onClose={() => setOpen(false)} />}
    </>
  );
}

function ApplicationsDialog({ rosterId, title, onClose }: { rosterId: Identifier; title: string; onClose(): void }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(true);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<ApplicationImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function send() {
    if (!file) return;
    setSending(true);
    setError(null);
    setResult(null);
    try {
      const answer = await importApplications(rosterId, file, allOrNothing);
      setResult(answer);
      if (answer.inserted + answer.updated > 0) refresh();
    } catch (failure) {
      setError(apiFieldErrors(failure).file ?? apiErrorMessage(failure) ?? translate('ra.notification.http_error'));
    } finally {
      setSending(false);
    }
  }

  const nothingWritten = result !== null && result.invalid > 0 && result.inserted + result.updated === 0;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{translate('zizhu.programs.importTitle')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="body2">{translate('zizhu.programs.importIntro')}</Typography>
        <Box>
          <FileDownloadButton url={applicationTemplateUrl(rosterId)} fallbackName={`${title}-申请模板.xlsx`} label="zizhu.programs.template" />
        </Box>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <MuiButton variant="outlined" component="label">
            {translate('zizhu.programs.chooseFile')}
            <input
              hidden
              type="file"
              accept=".xlsx,.csv"
              data-testid="applications-file"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setResult(null);
              }}
            />
          </MuiButton>
          {file && <Typography variant="body2">{file.name}</Typography>}
        </Box>
        <FormControlLabel
          control={<Checkbox checked={allOrNothing} onChange={(event) => setAllOrNothing(event.target.checked)} />}
          label={translate('zizhu.programs.allOrNothing')}
        />
        {error && <Alert severity="error">{error}</Alert>}
        {result && (
          <Alert severity={result.invalid > 0 ? 'warning' : 'success'} data-testid="applications-result">
            {translate('zizhu.programs.importCounts', result)}
            {nothingWritten && ` — ${translate('zizhu.programs.importNothing')}`}
          </Alert>
        )}
        {result && result.errors.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('zizhu.programs.row')}</TableCell>
                <TableCell>{translate('zizhu.programs.column')}</TableCell>
                <TableCell>{translate('zizhu.programs.message')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {result.errors.slice(0, SHOWN_ERRORS).map((row, index) => (
                <TableRow key={index}>
                  <TableCell>{row.row}</TableCell>
                  <TableCell>{row.column}</TableCell>
                  <TableCell>{row.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('zizhu.programs.close')}</MuiButton>
        <MuiButton variant="contained" disabled={!file || sending} onClick={() => void send()}>
          {translate('zizhu.programs.upload')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}
