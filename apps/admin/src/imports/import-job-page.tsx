import type { ImportJob, ImportStatus } from '@zizhu/schema';
import { Alert, AlertTitle, Box, Button, Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, Title, useLocaleState, useNotify, useParams, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../providers/api-error';
import { CommitPanel } from './commit-panel';
import { cancelImport } from './import-api';
import { ImportCounts } from './import-counts';
import { ImportErrorsTable } from './import-errors-table';
import { ImportOutcome } from './import-outcome';
import { ImportProgress } from './import-progress';
import { ImportSteps } from './import-steps';
import { MappingEditor } from './mapping-editor';
import { useImportJob } from './use-import-job';
import { useImportLabels } from './use-import-labels';
import { useResourceLabel } from './use-resource-label';

const STEP_OF: Record<ImportStatus, number> = {
  validating: 2,
  validated: 3,
  committing: 3,
  committed: 4,
  failed: 2,
  cancelled: 2,
};

/** The API re-checks with a new mapping once a check has ended (or failed, e.g. a missing key column). */
const REMAPPABLE: ReadonlySet<ImportStatus> = new Set(['validated', 'failed']);

const STATUS_COLOR: Record<ImportStatus, 'default' | 'primary' | 'success' | 'error' | 'warning'> = {
  validating: 'primary',
  validated: 'warning',
  committing: 'primary',
  committed: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** `/imports/<id>`: an import job from checking to committed, polled while it runs. */
export function ImportJobPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { job, error, refresh } = useImportJob(Number(id));
  const translate = useTranslate();
  if (!job && !error) return <Loading />;
  const failure = error ? (
    <Alert
      severity="error"
      sx={{ mt: 2 }}
      action={
        <Button color="inherit" size="small" onClick={refresh}>
          {translate('zizhu.import.retry')}
        </Button>
      }
    >
      <AlertTitle>{translate('zizhu.import.loadFailed')}</AlertTitle>
      {apiErrorMessage(error)}
    </Alert>
  ) : null;
  // A failed poll keeps the last state on screen, under the error and its retry button.
  return (
    <>
      {failure}
      {job && <JobView job={job} refresh={refresh} />}
    </>
  );
}

function JobView({ job, refresh }: { job: ImportJob; refresh(): void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const label = useResourceLabel(job.resource);
  const labels = useImportLabels();
  const [cancelling, setCancelling] = useState(false);
  const title = translate('zizhu.import.jobTitle', { resource: label, file: job.fileName });
  const finished = job.status === 'committed' || job.status === 'failed' || job.status === 'cancelled';

  const cancel = async (): Promise<void> => {
    setCancelling(true);
    try {
      await cancelImport(job.id);
      refresh();
    } catch (failure) {
      const message = apiErrorMessage(failure) ?? translate('zizhu.import.cancelFailed');
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setCancelling(false);
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 1080 }} data-testid="import-job" data-status={job.status}>
      <Title title={<>{title}</>} />
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Chip
          label={labels.status(job.status)}
          color={STATUS_COLOR[job.status]}
          size="small"
          data-testid="import-status"
        />
        <Typography variant="body2" color="text.secondary">
          {translate('zizhu.import.jobSummary', {
            file: job.fileName,
            mode: labels.mode(job.mode),
            time: new Date(job.createdAt).toLocaleString(locale),
          })}
        </Typography>
      </Stack>
      <ImportSteps active={STEP_OF[job.status]} failed={job.status === 'failed' || job.status === 'cancelled'} />
      <Card variant="outlined">
        <CardContent>
          <Stack spacing={3} divider={<Divider flexItem />}>
            {!finished && (
              <ImportProgress job={job} onCancel={() => void cancel()} cancelling={cancelling} />
            )}
            {finished && <ImportOutcome job={job} />}
            {job.mapping.columns.length > 0 && job.status !== 'committed' && job.status !== 'cancelled' && (
              <MappingEditor job={job} editable={REMAPPABLE.has(job.status) && !job.commitWhileReading} onChanged={refresh} />
            )}
            {(job.status === 'validated' || (job.status === 'committing' && !job.commitWhileReading)) && <ImportCounts counts={job.counts} />}
            {(job.status === 'validated' || ((job.status === 'committed' || job.status === 'failed') && job.errorCount > 0)) && (
              <ImportErrorsTable job={job} />
            )}
            {job.status === 'validated' && <CommitPanel job={job} onCommitted={refresh} />}
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
