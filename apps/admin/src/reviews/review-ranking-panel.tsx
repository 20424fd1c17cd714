import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { useGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { languageOf } from '../providers/locales';
import { RankingTable } from './ranking-table';
import { type ReviewRecord, type ReviewRowRecord, REVIEW_ROWS_RESOURCE } from './review-api';
import { ScoreChart } from './score-chart';

/** Most units a review lists on its page (a city's schools fit). */
const MAX_ROWS = 1000;

/**
 * Under a review's fields: the weights it was computed with, the chart of totals and the
 * ranking table — of the rows the reader may see (a school: its own line, once issued).
 */
export function ReviewRankingPanel() {
  const review = useRecordContext<ReviewRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = languageOf(locale);
  const { data: rows, error } = useGetList<ReviewRowRecord>(
    REVIEW_ROWS_RESOURCE,
    { filter: { reviewId: review?.id }, sort: { field: 'rank', order: 'ASC' }, pagination: { page: 1, perPage: MAX_ROWS } },
    { enabled: review?.computedAt != null },
  );
  if (!review) return null;
  if (!review.computedAt) return <Alert severity="info" sx={{ m: 2 }}>{translate('zizhu.reviews.notComputed')}</Alert>;
  const indicators = review.indicators ?? [];
  const laggingBelow = review.laggingBelow ?? 0;
  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="review-panel">
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('zizhu.reviews.weights')}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, my: 1 }}>
        {indicators.map((indicator) => (
          <Chip key={indicator.code} size="small" variant={indicator.weight > 0 ? 'filled' : 'outlined'} label={`${indicator.label[language]} ${indicator.weight}%`} />
        ))}
        <Chip size="small" color="error" variant="outlined" label={translate('zizhu.reviews.laggingLine', { value: laggingBelow })} />
      </Stack>
      {error ? <Alert severity="error">{translate('zizhu.reviews.loadFailed')}</Alert> : null}
      {rows && (
        <>
          <Typography variant="subtitle1" sx={{ mt: 2 }}>
            {translate('zizhu.reviews.chart')}
          </Typography>
          <ScoreChart rows={rows} laggingBelow={laggingBelow} />
          <Typography variant="subtitle1" sx={{ mt: 2 }}>
            {translate('zizhu.reviews.ranking')}
          </Typography>
          <RankingTable rows={rows} indicators={indicators} laggingBelow={laggingBelow} />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('zizhu.reviews.ownLineOnly')}
          </Typography>
        </>
      )}
    </Box>
  );
}
