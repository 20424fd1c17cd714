import { Box, Stack, Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SchoolProgress } from '@zizhu/schema';

const ROW = 34;
const BAR = 20;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 520;
const COUNT_WIDTH = 160;

/**
 * One horizontal stacked bar per school: decided (green) then pending (grey, or red once
 * overdue), each bar scaled to the largest school so sizes compare. Plain SVG.
 */
export function ProgressChart({ schools, largest }: { schools: SchoolProgress[]; largest?: number }) {
  const translate = useTranslate();
  const { palette } = useTheme();
  const colors = { decided: palette.success.main, pending: palette.grey[400], overdue: palette.error.main };
  // Charts of one page (a county each) share the largest school's scale.
  const max = Math.max(1, largest ?? 0, ...schools.map((s) => s.total));
  const width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH;
  const scale = (n: number) => (n / max) * BAR_WIDTH;
  return (
    <Box>
      <Stack direction="row" spacing={3} sx={{ mb: 1 }} aria-hidden>
        {(['decided', 'pending', 'overdue'] as const).map((key) => (
          <Stack key={key} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Box sx={{ width: 14, height: 14, bgcolor: colors[key], borderRadius: 0.5 }} />
            <Typography variant="body2">{translate(`zizhu.comparison.${key}`)}</Typography>
          </Stack>
        ))}
      </Stack>
      <svg width={width} height={schools.length * ROW + 4} role="img" aria-label={translate('zizhu.comparison.progressButton')} data-testid="progress-chart">
        {schools.map((school, index) => {
          const y = index * ROW + 2;
          const decidedWidth = scale(school.decided);
          const pendingColor = school.overdue ? colors.overdue : colors.pending;
          const summary = translate('zizhu.comparison.barLabel', { decided: school.decided, total: school.total });
          const state = translate(`zizhu.comparison.state${school.state[0].toUpperCase()}${school.state.slice(1)}`);
          return (
            <g key={school.schoolId} data-school={school.schoolName} data-decided={school.decided} data-pending={school.pending} data-state={school.state}>
              <title>{`${school.schoolName}：${summary}（${state}）`}</title>
              <text x={LABEL_WIDTH - 8} y={y + BAR / 2 + 5} textAnchor="end" fontSize={13} fill={palette.text.primary}>
                {school.schoolName}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={decidedWidth} height={BAR} fill={colors.decided} />
              <rect x={LABEL_WIDTH + decidedWidth} y={y} width={scale(school.pending)} height={BAR} fill={pendingColor} />
              <text x={LABEL_WIDTH + scale(school.total) + 8} y={y + BAR / 2 + 5} fontSize={13} fill={school.overdue ? colors.overdue : palette.text.secondary}>
                {`${summary} · ${state}`}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
