import type { ImportJob } from '@zizhu/schema';
import { Box, Button, CircularProgress, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { isActive } from './use-import-job';

export interface ImportProgressProps {
  job: ImportJob;
  onCancel(): void;
  cancelling: boolean;
}

/** The progress bar of a job: rows read so far, and a way out while it runs. */
export function ImportProgress({ job, onCancel, cancelling }: ImportProgressProps) {
  const translate = useTranslate();
  const { rowsRead, totalRows, percent, estimated } = job.progress;
  const running = isActive(job.status);
  const done = job.status === 'validated' || job.status === 'committed';
  const value = done ? 100 : Math.max(0, Math.min(100, percent));
  const phase = job.status === 'committing' ? (job.commitWhileReading ? 'writingWhileReading' : 'writing') : running ? 'checking' : 'checked';
  // A previewed commit is one transaction; a commit while reading stops at a cancel, rolled back.
  const cancellable = job.status === 'validating' || (job.status === 'committing' && job.commitWhileReading);
  const rows =
    totalRows === null
      ? translate('zizhu.import.rowsReadOpen', { read: rowsRead })
      : translate(estimated && running ? 'zizhu.import.rowsReadEstimated' : 'zizhu.import.rowsRead', { read: rowsRead, total: totalRows });
  // A previewed commit writes in one transaction with no row count to show; reading has one.
  const unknownLength = (job.status === 'committing' && !job.commitWhileReading) || (running && totalRows === null && percent === 0);

  return (
    <Box data-testid="import-progress" data-status={job.status}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate(`zizhu.import.${phase}`)}
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="import-rows">
          {rows}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {cancellable && (
          <Button
            size="small"
            color="inherit"
            variant="outlined"
            disabled={cancelling}
            startIcon={cancelling ? <CircularProgress size={14} color="inherit" /> : undefined}
            onClick={onCancel}
          >
            {translate('zizhu.import.cancel')}
          </Button>
        )}
      </Stack>
      <LinearProgress
        variant={unknownLength ? 'indeterminate' : 'determinate'}
        value={value}
        color={done ? 'success' : 'primary'}
        aria-label={translate(`zizhu.import.${phase}`)}
        sx={{ height: 8, borderRadius: 4 }}
      />
    </Box>
  );
}
