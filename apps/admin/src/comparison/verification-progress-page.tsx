import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { useGetOne, useParams, useTranslate } from 'react-admin';
import { ProgressChart } from './progress-chart';
import type { ComparisonProgress } from '@zizhu/schema';
import { COMPARISONS_RESOURCE, fetchProgress } from './progress-api';
import { RunPageFrame } from './run-page-frame';
import { useLoaded } from '../providers/use-loaded';

/** `/comparisons/:id/progress`: each school's verification of a run, as a stacked bar chart (grouped by county for the city). */
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
          {!progress.schools.length ? (
            <Alert severity="info">{translate('zizhu.comparison.empty')}</Alert>
          ) : progress.counties.length > 1 ? (
            <CountyGroups progress={progress} />
          ) : (
            <ProgressChart schools={progress.schools} />
          )}
        </>
      )}
    </RunPageFrame>
  );
}

/** For readers of several counties (the city): the schools county by county, each with its subtotal. */
function CountyGroups({ progress }: { progress: ComparisonProgress }) {
  const translate = useTranslate();
  const largest = Math.max(...progress.schools.map((s) => s.total));
  return (
    <Stack spacing={2}>
      {progress.counties.map((county) => (
        <Box key={county.countyId ?? ''} data-testid="county-progress" data-county={county.countyName ?? ''}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
            <Typography variant="subtitle1" component="h3">
              {county.countyName ?? translate('zizhu.comparison.cityLevel')}
            </Typography>
            <Typography variant="body2" color="text.secondary" data-testid="county-subtotal">
              {translate('zizhu.comparison.countySubtotal', {
                decided: county.decided,
                total: county.total,
                done: county.schools.done,
                pending: county.schools.pending,
                overdue: county.schools.overdue,
              })}
            </Typography>
          </Stack>
          <ProgressChart schools={progress.schools.filter((s) => s.countyId === county.countyId)} largest={largest} />
        </Box>
      ))}
    </Stack>
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
