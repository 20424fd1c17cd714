import { type ReconciliationRow } from '@zizhu/schema';
import { Box, Stack, Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { rateText, yuanText } from './funds-api';

const LABEL = 200;
const BAR = 420;
const VALUE = 170;

/** Allocated (light) against net paid (dark) per program, scaled to the largest amount. Plain SVG. */
export function AllocatedPaidChart({ rows }: { rows: ReconciliationRow[] }) {
  const translate = useTranslate();
  const { palette } = useTheme();
  const max = Math.max(1, ...rows.flatMap((r) => [r.allocated, r.net]));
  const scale = (fen: number) => (Math.max(0, fen) / max) * BAR;
  const rowHeight = 36;
  return (
    <Box>
      <Legend items={[[palette.primary.light, translate('zizhu.funds.allocated')], [palette.primary.dark, translate('zizhu.funds.net')]]} />
      <svg width={LABEL + BAR + VALUE} height={rows.length * rowHeight + 4} role="img" aria-label={translate('zizhu.funds.byProgram')} data-testid="program-chart">
        {rows.map((r, i) => {
          const y = i * rowHeight + 2;
          return (
            <g key={r.programId} data-program={r.programName} data-allocated={r.allocated} data-net={r.net}>
              <text x={0} y={y + 20} fontSize={13}>
                {(r.programName ?? '').slice(0, 14)}
              </text>
              <rect x={LABEL} y={y + 2} width={scale(r.allocated)} height={14} fill={palette.primary.light} />
              <rect x={LABEL} y={y + 17} width={scale(r.net)} height={14} fill={palette.primary.dark} />
              <text x={LABEL + BAR + 8} y={y + 14} fontSize={12}>
                {yuanText(r.allocated)}
              </text>
              <text x={LABEL + BAR + 8} y={y + 29} fontSize={12}>
                {yuanText(r.net)}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}

/** Execution rate per county: a bar to 100 % (red beyond it), the rate written beside. */
export function CountyRateChart({ rows }: { rows: ReconciliationRow[] }) {
  const translate = useTranslate();
  const { palette } = useTheme();
  const rowHeight = 28;
  return (
    <svg width={LABEL + BAR + VALUE} height={rows.length * rowHeight + 4} role="img" aria-label={translate('zizhu.funds.byCounty')} data-testid="county-chart">
      {rows.map((r, i) => {
        const y = i * rowHeight + 2;
        const bp = r.executionRateBp ?? 0;
        const width = (Math.min(bp, 10000) / 10000) * BAR;
        return (
          <g key={r.regionId ?? 'city'} data-county={r.regionName} data-rate={r.executionRateBp ?? ''}>
            <text x={0} y={y + 17} fontSize={13}>
              {r.regionId ? r.regionName : translate('zizhu.funds.cityLevel')}
            </text>
            <rect x={LABEL} y={y + 4} width={BAR} height={16} fill={palette.grey[200]} />
            <rect x={LABEL} y={y + 4} width={width} height={16} fill={bp > 10000 ? palette.error.main : palette.success.main} />
            <text x={LABEL + BAR + 8} y={y + 17} fontSize={12}>
              {rateText(r.executionRateBp)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Legend({ items }: { items: [string, string][] }) {
  return (
    <Stack direction="row" spacing={3} sx={{ mb: 1 }} aria-hidden>
      {items.map(([color, label]) => (
        <Stack key={label} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Box sx={{ width: 14, height: 14, bgcolor: color, borderRadius: 0.5 }} />
          <Typography variant="body2">{label}</Typography>
        </Stack>
      ))}
    </Stack>
  );
}
