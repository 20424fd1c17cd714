import { REVIEW_COUNT_LABELS } from '@zizhu/schema';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { languageOf } from '../providers/locales';
import { LaggingReasons } from './lagging-reasons';
import { type ReviewRecord, type ReviewRowRecord, REVIEWS_RESOURCE } from './review-api';
import { figureText } from './ranking-table';

/** The review a row belongs to (its indicators' names and weights, its lagging line). */
function useRowReview(row: ReviewRowRecord | undefined): ReviewRecord | undefined {
  const { data } = useGetOne<ReviewRecord>(REVIEWS_RESOURCE, { id: row?.reviewId ?? 0 }, { enabled: row?.reviewId != null });
  return data;
}

/** A row's indicators on its page: each figure, its weight and the counts behind it. */
export function RowFiguresField() {
  const row = useRecordContext<ReviewRowRecord>();
  const review = useRowReview(row);
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = languageOf(locale);
  if (!row?.figures || !review?.indicators) return null;
  return (
    <Table size="small" sx={{ width: 'auto', '& td, & th': { px: 1.5, py: 0.5 } }} data-testid="row-figures">
      <TableHead>
        <TableRow>
          <TableCell />
          <TableCell align="right">{translate('zizhu.reviews.weights')}</TableCell>
          <TableCell align="right">{translate('zizhu.reviews.total')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {review.indicators.map((indicator) => {
          const figure = row.figures?.[indicator.code];
          return (
            <TableRow key={indicator.code}>
              <TableCell>{indicator.label[language]}</TableCell>
              <TableCell align="right">{indicator.weight}%</TableCell>
              <TableCell align="right">{figureText(figure?.value)}</TableCell>
              <TableCell>
                {Object.entries(figure?.counts ?? {})
                  .filter(([key, value]) => key !== 'score' && value !== null)
                  .map(([key, value]) => `${REVIEW_COUNT_LABELS[key]?.[language] ?? key} ${value}`)
                  .join(language === 'zh' ? '、' : ', ')}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The duties a row's school missed and its indicators below the line, as the ranking lists them. */
export function RowShortfallsField({ only }: { only: 'missedDuties' | 'weakIndicators' }) {
  const row = useRecordContext<ReviewRowRecord>();
  const review = useRowReview(row);
  if (!row) return null;
  return (
    <LaggingReasons
      missedDuties={only === 'missedDuties' ? (row.missedDuties ?? []) : []}
      weakIndicators={only === 'weakIndicators' ? (row.weakIndicators ?? []) : []}
      belowLine={false}
      indicators={review?.indicators ?? []}
    />
  );
}
