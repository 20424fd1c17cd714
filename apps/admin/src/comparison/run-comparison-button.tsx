import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Box, LinearProgress, Typography } from '@mui/material';
import { Button, useRecordContext, useTranslate } from 'react-admin';
import { useComparisonRun } from './use-comparison-run';

/** On a comparison run: starts (or re-runs) it and shows its progress until it ends. */
export function RunComparisonButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { start, progress } = useComparisonRun(record?.id);
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      <Button label="zizhu.comparison.runButton" onClick={() => void start()} disabled={progress !== null}>
        <PlayArrowIcon />
      </Button>
      {progress && (
        <Box sx={{ width: 240 }} data-testid="comparison-run-progress">
          <LinearProgress
            variant="determinate"
            value={progress.percent}
            aria-label={translate('zizhu.comparison.running')}
          />
          <Typography variant="caption" color="text.secondary">
            {translate('zizhu.comparison.runProgress', { percent: progress.percent })}
            {progress.step ? ` · ${translate(`zizhu.comparison.steps.${progress.step}`, { _: progress.step })}` : ''}
          </Typography>
        </Box>
      )}
    </Box>
  );
}
