import { FINDING_SEVERITIES, formatBasisPoints, type InspectionPlanStatistics } from '@zizhu/schema';
import { Box, Paper, Stack, Typography, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { Gauge } from '@mui/x-charts/Gauge';
import { PieChart } from '@mui/x-charts/PieChart';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

const WIDE = 520;
const NARROW = 300;
/** Room under a chart for its tick labels: the default (25 px) is shorter than a line of CJK text, and the labels were cut to nothing. */
const X_AXIS_HEIGHT = 32;

/** One plan's figures for the reader's region: progress per child region, scores by section, findings, rectification. */
export function InspectionPlanCharts({ plan }: { plan: InspectionPlanStatistics }) {
  const translate = useTranslate();
  const { total } = plan;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap' }}>
        <Figure label={translate('zizhu.inspectionStats.progress', { done: total.done, planned: total.planned })} testId="stats-progress" value={`${total.done} / ${total.planned}`} />
        <Figure label={translate('zizhu.inspectionStats.averageScore')} testId="stats-average" value={total.averageScore === null ? translate('zizhu.inspectionStats.noScore') : total.averageScore.toFixed(1)} />
      </Stack>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
        <Panel title={translate('zizhu.inspectionStats.byRegion')} testId="chart-regions">
          <ProgressByRegion plan={plan} />
        </Panel>
        <Panel title={translate('zizhu.inspectionStats.bySection')} testId="chart-sections">
          <ScoreBySection plan={plan} />
        </Panel>
        <Panel title={translate('zizhu.inspectionStats.findings')} testId="chart-findings">
          <FindingsBySeverity plan={plan} />
        </Panel>
        <Panel title={translate('zizhu.inspectionStats.rectification')} testId="chart-rectification">
          <Rectification plan={plan} />
        </Panel>
      </Stack>
    </Stack>
  );
}

/** Planned (grey) against done (green), one pair of bars per child region. */
function ProgressByRegion({ plan }: { plan: InspectionPlanStatistics }) {
  const translate = useTranslate();
  const { palette } = useTheme();
  const rows = plan.regions;
  const names = rows.map((r) => (r.direct ? translate('zizhu.inspectionStats.direct', { name: r.regionName }) : r.regionName));
  return (
    <BarChart
      width={WIDE}
      height={60 + rows.length * 34}
      layout="horizontal"
      yAxis={[{ scaleType: 'band', data: names, width: 110 }]}
      xAxis={[{ min: 0, tickMinStep: 1, height: X_AXIS_HEIGHT }]}
      series={[
        { data: rows.map((r) => r.planned), label: translate('zizhu.inspectionStats.planned'), color: palette.grey[400] },
        { data: rows.map((r) => r.done), label: translate('zizhu.inspectionStats.done'), color: palette.success.main },
      ]}
    />
  );
}

/** The average of each checklist section (0–100) over the submitted inspections. */
function ScoreBySection({ plan }: { plan: InspectionPlanStatistics }) {
  const translate = useTranslate();
  const { palette } = useTheme();
  if (plan.total.sections.every((s) => s.average === null)) return <Typography variant="body2">{translate('zizhu.inspectionStats.sectionsEmpty')}</Typography>;
  const titles = new Map(plan.sections.map((s) => [s.key, s.title]));
  return (
    <BarChart
      width={Math.max(NARROW, 80 + plan.sections.length * 90)}
      height={260}
      xAxis={[{ scaleType: 'band', data: plan.total.sections.map((s) => titles.get(s.key) ?? s.key), height: X_AXIS_HEIGHT }]}
      yAxis={[{ min: 0, max: 100 }]}
      series={[{ data: plan.total.sections.map((s) => s.average), label: translate('zizhu.inspectionStats.averageScore'), color: palette.primary.main, barLabel: 'value' }]}
      hideLegend
    />
  );
}

/** Findings by severity as a pie (high red, medium amber, low blue), the total beside. */
function FindingsBySeverity({ plan }: { plan: InspectionPlanStatistics }) {
  const translate = useTranslate();
  const { palette } = useTheme();
  const { findings } = plan.total;
  if (findings.total === 0) return <Typography variant="body2">{translate('zizhu.inspectionStats.noFindings')}</Typography>;
  const colors = { high: palette.error.main, medium: palette.warning.main, low: palette.info.main };
  return (
    <Box>
      <Typography variant="body2" data-testid="stats-findings-total">
        {translate('zizhu.inspectionStats.findingsTotal', { count: findings.total })}
      </Typography>
      <PieChart
        width={NARROW}
        height={200}
        series={[
          {
            data: FINDING_SEVERITIES.map((severity) => ({ id: severity, value: findings[severity], label: translate(`zizhu.inspectionStats.${severity}`), color: colors[severity] })),
            innerRadius: 30,
            arcLabel: 'value',
            arcLabelMinAngle: 15,
          },
        ]}
      />
    </Box>
  );
}

/** Closed / all findings as a gauge, and the findings overdue as a figure. */
function Rectification({ plan }: { plan: InspectionPlanStatistics }) {
  const translate = useTranslate();
  const { palette } = useTheme();
  const { findings, closed, overdue, rectificationRateBp } = plan.total;
  const rate = rectificationRateBp === null ? translate('zizhu.inspectionStats.noScore') : formatBasisPoints(rectificationRateBp);
  return (
    <Stack direction="row" spacing={3} sx={{ alignItems: 'center' }}>
      <Box sx={{ textAlign: 'center' }}>
        <Gauge width={150} height={150} value={rectificationRateBp === null ? null : rectificationRateBp / 100} valueMin={0} valueMax={100} startAngle={-110} endAngle={110} text={rate} />
        <Typography variant="body2" data-testid="stats-rate" data-rate={rectificationRateBp ?? ''}>
          {translate('zizhu.inspectionStats.rectificationRate', { closed, total: findings.total })}
        </Typography>
      </Box>
      <Figure label={translate('zizhu.inspectionStats.overdue')} testId="stats-overdue" value={String(overdue)} color={overdue > 0 ? palette.error.main : undefined} />
    </Stack>
  );
}

function Figure({ label, value, testId, color }: { label: string; value: string; testId: string; color?: string }) {
  return (
    <Box data-testid={testId}>
      <Typography variant="h4" component="p" sx={{ color }} data-testid={`${testId}-value`}>
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}

function Panel({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={testId}>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}
