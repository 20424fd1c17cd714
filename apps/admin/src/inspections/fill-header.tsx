import type { ChecklistScore } from '@zizhu/schema';
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import { Box, Chip, LinearProgress, Paper, Tooltip, Typography } from '@mui/material';
import { ReferenceField, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../providers/api-error';
import { clockTime, type SaveState } from './autosaver';
import { INSPECTION_PLANS_RESOURCE } from './inspection-api';

export interface FillHeaderProps {
  score: ChecklistScore;
  passMark: number;
  /** Item labels by key, to name the failed veto items. */
  labels: ReadonlyMap<string, string>;
  answered: number;
  total: number;
  save: SaveState;
}

/**
 * Stays at the top while the inspector scrolls: whose inspection, the score as the API will
 * compute it (scoreChecklist, live), pass or fail, how much is answered and whether the
 * answers are saved. The page's record context is the inspection.
 */
export function FillHeader({ score, passMark, labels, answered, total, save }: FillHeaderProps) {
  const translate = useTranslate();
  return (
    <Paper
      elevation={2}
      data-testid="fill-header"
      sx={{ position: 'sticky', top: 0, zIndex: (theme) => theme.zIndex.appBar - 1, px: 2, py: 1, mb: 2, borderRadius: 0 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
        <Typography variant="subtitle1" component="h1" noWrap sx={{ flex: 1, minWidth: 0, fontWeight: 500 }}>
          <ReferenceField source="schoolId" reference="schools" link={false} />
          {' · '}
          <ReferenceField source="planId" reference={INSPECTION_PLANS_RESOURCE} link={false} />
        </Typography>
        <SaveIndicator state={save} />
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
        <Typography variant="h5" component="div" data-testid="live-score" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {score.total === null ? translate('zizhu.inspections.noScore') : `${translate('zizhu.inspections.liveScore')} ${score.total.toFixed(1)}`}
        </Typography>
        <Chip
          size="small"
          color={score.passed ? 'success' : 'error'}
          label={translate(score.passed ? 'zizhu.inspections.passing' : 'zizhu.inspections.failing')}
          data-testid="live-passed"
        />
        <Typography variant="caption" color="text.secondary">
          {translate('zizhu.inspections.passMark', { mark: passMark })}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto' }} data-testid="fill-progress">
          {translate('zizhu.inspections.progress', { answered, total })}
        </Typography>
      </Box>
      {score.criticalFailed.length > 0 && (
        <Typography variant="body2" color="error" data-testid="critical-failed">
          {translate('zizhu.inspections.criticalFailed', { items: score.criticalFailed.map((key) => labels.get(key) ?? key).join('、') })}
        </Typography>
      )}
      <LinearProgress variant="determinate" value={total ? (answered / total) * 100 : 0} sx={{ mt: 0.5, height: 6, borderRadius: 3 }} aria-label={translate('zizhu.inspections.progress', { answered, total })} />
    </Paper>
  );
}

/** 已保存 hh:mm:ss / 保存中… / 保存失败 (with the reason on hover). */
export function SaveIndicator({ state }: { state: SaveState }) {
  const translate = useTranslate();
  let icon = <CloudUploadIcon fontSize="small" color="action" />;
  let text = translate('zizhu.inspections.saveIdle');
  let color = 'text.secondary';
  let hint = '';
  if (state.status === 'pending' || state.status === 'saving') {
    text = translate('zizhu.inspections.saving');
  } else if (state.status === 'saved') {
    icon = <CloudDoneIcon fontSize="small" color="success" />;
    text = translate('zizhu.inspections.saved', { time: clockTime(state.at) });
  } else if (state.status === 'failed') {
    icon = <CloudOffIcon fontSize="small" color="error" />;
    text = translate('zizhu.inspections.saveFailed');
    color = 'error.main';
    const message = apiErrorMessage(state.error) ?? '';
    hint = translate('zizhu.inspections.saveFailedHint', { message });
  }
  return (
    <Tooltip title={hint}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexShrink: 0 }} role="status" aria-live="polite" data-testid="save-state" data-status={state.status}>
        {icon}
        <Typography variant="caption" sx={{ color, whiteSpace: 'nowrap' }}>
          {text}
        </Typography>
      </Box>
    </Tooltip>
  );
}
