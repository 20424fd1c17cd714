import { useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import { useTranslate } from 'react-admin';
import type { ReviewRowRecord } from './review-api';

/** Room for a school's name beside its bar. */
const NAME_WIDTH = 190;
const BAR_STEP = 30;

/**
 * Each ranked unit's weighted total (0–100) as a horizontal bar, lagging units in red, and
 * the lagging line across; units with nothing to score are left out.
 */
export function ScoreChart({ rows, laggingBelow }: { rows: readonly ReviewRowRecord[]; laggingBelow: number }) {
  const translate = useTranslate();
  const { palette } = useTheme();
  const ranked = rows.filter((row) => row.total !== null);
  if (!ranked.length) return null;
  const names = ranked.map((row) => `${row.rank}. ${row.unitName}`);
  return (
    <div data-testid="review-chart">
      <BarChart
        width={720}
        height={70 + ranked.length * BAR_STEP}
        layout="horizontal"
        yAxis={[{ scaleType: 'band', data: names, width: NAME_WIDTH }]}
        xAxis={[{ min: 0, max: 100, height: 32 }]}
        series={[
          { data: ranked.map((row) => (row.lagging ? null : row.total)), label: translate('zizhu.reviews.chartOk'), color: palette.primary.main, stack: 'total' },
          { data: ranked.map((row) => (row.lagging ? row.total : null)), label: translate('zizhu.reviews.chartLagging'), color: palette.error.main, stack: 'total' },
        ]}
      >
        <ChartsReferenceLine x={laggingBelow} label={translate('zizhu.reviews.laggingLine', { value: laggingBelow })} lineStyle={{ stroke: palette.error.main, strokeDasharray: '5 3' }} />
      </BarChart>
    </div>
  );
}
