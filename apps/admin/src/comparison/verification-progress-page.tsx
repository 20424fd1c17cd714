import { Alert, Chip, Stack, Typography } from '@mui/material';
import { useGetOne, useParams, useTranslate } from 'react-admin';
import { ProgressChart } from './progress-chart';
import type { ComparisonProgress } from '@zizhu/schema';
import { COMPARISONS_RESOURCE, fetchProgress } from './progress-api';
import { RunPageFrame } from './run-page-frame';
import { useLoaded } from '../providers/use-loaded';

/** `/comparisons/:id/progress`: each school's verification of a run, as a stacked bar chart. */
export function VerificationProgressPage() {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const { data: run } = useGetOne(COMPARISONS_RESOURCE, { id });
  const { data: progress, failed } = useLoaded(id, fetchProgress);

  const title = translate('zizhu.comparison.progressTitle', { name: run?.name ?? '' });
  return (
    <RunPageFrame runId={id ?? ''} title={title} failed={failed} failedMessage="zizhu.comparison.loadFailed" loaded={Boolean(progress)}>
      {progress && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('zizhu.comparison.progressIntro', { deadline: progress.deadline ?? translate('zizhu.comparison.noDeadline') })}
          </Typography>
          <DeadlineStatus progress={progress} />
          {progress.schools.length ? <ProgressChart schools={progress.schools} /> : <Alert severity="info">{translate('zizhu.comparison.empty')}</Alert>}
        </>
      )}
    </RunPageFrame>
  );
}

/** Whether the deadline has passed, and how many schools are done, in progress and overdue. */
function DeadlineStatus({ progress }: { progress: ComparisonProgress }) {
  const translate = useTranslate();
  const count = (state: string) => progress.schools.filter((s) => s.state === state).length;
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }} data-testid="deadline-status">
      {progress.deadline && (
        <Chip
          size="small"
          color={progress.deadlinePassed ? 'error' : 'default'}
          label={translate(progress.deadlinePassed ? 'zizhu.comparison.deadlinePassed' : 'zizhu.comparison.deadlineAhead', { today: progress.today })}
        />
      )}
      <Chip size="small" color="success" variant="outlined" label={translate('zizhu.comparison.schoolsDone', { n: count('done') })} />
      <Chip size="small" variant="outlined" label={translate('zizhu.comparison.schoolsPending', { n: count('pending') })} />
      <Chip size="small" color="error" variant="outlined" label={translate('zizhu.comparison.schoolsOverdue', { n: count('overdue') })} />
    </Stack>
  );
}
