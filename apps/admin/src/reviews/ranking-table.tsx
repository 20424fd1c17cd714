import type { ReviewIndicatorWeight } from '@zizhu/schema';
import { REVIEW_COUNT_LABELS } from '@zizhu/schema';
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Tooltip } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { languageOf } from '../providers/locales';
import { LaggingReasons } from './lagging-reasons';
import type { ReviewRowRecord } from './review-api';

/** A 0–100 figure with one decimal, a dash when there was nothing to count. */
export function figureText(value: number | null | undefined): string {
  return value == null ? '—' : value.toFixed(1);
}

/**
 * The ranking: rank, school, area, each weighted indicator (its counts on hover), the
 * weighted total and, for lagging units, why. The rows are those the reader may see: a
 * school's own line only.
 */
export function RankingTable({ rows, indicators, laggingBelow }: { rows: readonly ReviewRowRecord[]; indicators: readonly ReviewIndicatorWeight[]; laggingBelow: number }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = languageOf(locale);
  const weighted = indicators.filter((i) => i.weight > 0);
  return (
    <Table size="small" data-testid="review-ranking">
      <TableHead>
        <TableRow>
          <TableCell align="right">{translate('zizhu.reviews.rank')}</TableCell>
          <TableCell>{translate('zizhu.reviews.unit')}</TableCell>
          <TableCell>{translate('zizhu.reviews.area')}</TableCell>
          {weighted.map((indicator) => (
            <TableCell key={indicator.code} align="right">
              {indicator.label[language]}
            </TableCell>
          ))}
          <TableCell align="right">{translate('zizhu.reviews.total')}</TableCell>
          <TableCell>{translate('zizhu.reviews.reasons')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid={`review-row-${row.schoolId}`}>
            <TableCell align="right">{row.rank ?? '—'}</TableCell>
            <TableCell>{row.unitName}</TableCell>
            <TableCell>{row.regionName ?? ''}</TableCell>
            {weighted.map((indicator) => {
              const figure = row.figures?.[indicator.code];
              const counts = Object.entries(figure?.counts ?? {})
                .filter(([key, value]) => key !== 'score' && value !== null)
                .map(([key, value]) => `${REVIEW_COUNT_LABELS[key]?.[language] ?? key} ${value}`)
                .join(language === 'zh' ? '、' : ', ');
              return (
                <TableCell key={indicator.code} align="right">
                  <Tooltip title={counts}>
                    <span>{figureText(figure?.value)}</span>
                  </Tooltip>
                </TableCell>
              );
            })}
            <TableCell align="right">
              <strong>{figureText(row.total)}</strong>
            </TableCell>
            <TableCell>
              {row.lagging && <Chip size="small" color="error" label={translate('zizhu.reviews.laggingYes')} sx={{ mb: 0.5 }} />}
              {row.lagging && (
                <LaggingReasons
                  missedDuties={row.missedDuties ?? []}
                  weakIndicators={row.weakIndicators ?? []}
                  belowLine={row.total !== null && row.total < laggingBelow}
                  indicators={indicators}
                />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
