import CampaignIcon from '@mui/icons-material/Campaign';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useRecordContext, useTranslate } from 'react-admin';
import { FileDownloadButton } from '../files/file-download-button';
import { noticeUrl } from './roster-api';

/**
 * 公示名单: asks for the 公示期 (optional: left empty, the notice leaves the dates to fill in
 * by hand), then downloads the notice with its heading and the program's 监督电话.
 */
export function RosterNoticeButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  if (!record) return null;
  const period = start || end ? `?${new URLSearchParams({ start, end }).toString()}` : '';
  return (
    <>
      <Button label="zizhu.programs.notice" onClick={() => setOpen(true)}>
        <CampaignIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="xs" fullWidth>
        <DialogTitle>{translate('zizhu.programs.notice')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('zizhu.programs.noticeHelp')}
          </Typography>
          <Stack direction="row" spacing={2}>
            <TextField type="date" label={translate('zizhu.programs.noticeStart')} value={start} onChange={(e) => setStart(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} fullWidth />
            <TextField type="date" label={translate('zizhu.programs.noticeEnd')} value={end} onChange={(e) => setEnd(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} fullWidth />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('zizhu.programs.cancel')}</MuiButton>
          <FileDownloadButton url={`${noticeUrl(record.id)}${period}`} fallbackName={`${String(record.title ?? record.id)}-公示.xlsx`} label="zizhu.programs.noticeDownload" />
        </DialogActions>
      </Dialog>
    </>
  );
}
