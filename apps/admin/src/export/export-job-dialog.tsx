import type { ExportJob } from '@zizhu/schema';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FileDownloadButton } from '../files/file-download-button';
import { useJobProgress } from '../jobs/use-job-progress';
import { API_URL } from '../providers/http-client';
import { apiErrorMessage } from '../providers/api-error';
import { exportJobFileUrl, exportJobUrl } from './export-url';

const POLL_MS = 1_000;

export interface ExportJobDialogProps {
  /** The started job, or null while it is being started. */
  jobId: number | null;
  /** Why the job could not start (an i18n key or a message from the API). */
  startError: string | null;
  resourceLabel: string;
  fallbackName: string;
  onClose(): void;
}

/** Progress of a large export written in the background, then a button to download the file. */
export function ExportJobDialog({ jobId, startError, resourceLabel, fallbackName, onClose }: ExportJobDialogProps) {
  const translate = useTranslate();
  const { job, error: failure } = useJobProgress<ExportJob>(jobId === null ? null : exportJobUrl(API_URL, jobId), POLL_MS);
  const pollError = failure ? (apiErrorMessage(failure) ?? 'zizhu.export.jobFailed') : null;

  const error = startError ?? pollError ?? (job?.status === 'failed' ? (job.message ?? 'zizhu.export.jobFailed') : null);
  const done = job?.status === 'done';
  const percent = job ? Math.max(0, Math.min(100, job.progress.percent)) : 0;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="export-job-dialog" data-status={job?.status ?? 'starting'}>
      <DialogTitle>{translate('zizhu.export.jobTitle', { resource: resourceLabel })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('zizhu.export.jobIntro')}
        </Typography>
        {error ? (
          <Alert severity="error">{translate(error, { _: error })}</Alert>
        ) : (
          <Box>
            <Typography variant="body2" sx={{ mb: 1 }} data-testid="export-job-rows">
              {done
                ? translate('zizhu.export.jobDone', { rows: job.progress.rows })
                : job && job.progress.total > 0
                  ? translate('zizhu.export.jobRows', { rows: job.progress.rows, total: job.progress.total })
                  : translate('zizhu.export.jobRunning')}
            </Typography>
            <LinearProgress
              variant={job && job.progress.total > 0 ? 'determinate' : 'indeterminate'}
              value={done ? 100 : percent}
              color={done ? 'success' : 'primary'}
              aria-label={translate('zizhu.export.jobRunning')}
              sx={{ height: 8, borderRadius: 4 }}
            />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} color="inherit">
          {translate('zizhu.export.close')}
        </Button>
        {done && jobId !== null && (
          <FileDownloadButton
            url={exportJobFileUrl(API_URL, jobId)}
            fallbackName={job.fileName || fallbackName}
            label="zizhu.export.download"
            variant="contained"
          />
        )}
      </DialogActions>
    </Dialog>
  );
}
