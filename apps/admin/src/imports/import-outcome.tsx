import type { ImportJob } from '@zizhu/schema';
import ListIcon from '@mui/icons-material/List';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, AlertTitle, Button, Stack } from '@mui/material';
import { LinkBase, useTranslate } from 'react-admin';
import { importPagePath } from './import-api';
import { useResourceLabel } from './use-resource-label';

/** How a finished job ended (committed, failed, cancelled), and where to go next. */
export function ImportOutcome({ job }: { job: ImportJob }) {
  const translate = useTranslate();
  const label = useResourceLabel(job.resource);
  const { counts } = job;
  return (
    <Stack spacing={2} data-testid="import-outcome">
      {job.status === 'committed' && (
        <Alert severity="success">
          <AlertTitle>{translate('zizhu.import.committed', { inserted: counts.inserted, updated: counts.updated })}</AlertTitle>
          {counts.invalid > 0 && !job.allOrNothing && translate('zizhu.import.committedSkipped', { smart_count: counts.invalid })}
        </Alert>
      )}
      {job.status === 'failed' && (
        <Alert severity="error">
          <AlertTitle>{translate('zizhu.import.failed')}</AlertTitle>
          {job.message}
          {job.mapping.columns.length > 0 && <div>{translate('zizhu.import.failedRemap')}</div>}
        </Alert>
      )}
      {job.status === 'cancelled' && <Alert severity="info">{job.message ?? translate('zizhu.import.cancelled')}</Alert>}
      <Stack direction="row" spacing={2}>
        {job.status === 'committed' && (
          <Button variant="contained" component={LinkBase} to={`/${job.resource}`} startIcon={<ListIcon />}>
            {translate('zizhu.import.backToList', { resource: label })}
          </Button>
        )}
        <Button variant="outlined" component={LinkBase} to={importPagePath(job.resource)} startIcon={<UploadFileIcon />}>
          {translate('zizhu.import.another')}
        </Button>
      </Stack>
    </Stack>
  );
}
