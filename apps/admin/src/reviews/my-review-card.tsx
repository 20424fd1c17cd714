import { Alert, Card, CardContent, Chip, Link, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useGetList, useGetMany, useTranslate } from 'react-admin';
import { LaggingReasons } from './lagging-reasons';
import { type ReviewRecord, type ReviewRowRecord, REVIEW_ROWS_RESOURCE, REVIEWS_RESOURCE } from './review-api';
import { figureText } from './ranking-table';

/** Latest reviews shown on the home page. */
const SHOWN = 6;

/**
 * A school's home page: its own line of the latest issued 月点评 and 季通报 — rank among the
 * region's schools, weighted total, and what it missed when lagging. The scope gives a
 * school its own rows of issued reviews only.
 */
export function MyReviewCard() {
  const translate = useTranslate();
  const { data: rows, error } = useGetList<ReviewRowRecord>(REVIEW_ROWS_RESOURCE, { sort: { field: 'id', order: 'DESC' }, pagination: { page: 1, perPage: SHOWN } });
  const { data: reviews } = useGetMany<ReviewRecord>(REVIEWS_RESOURCE, { ids: [...new Set((rows ?? []).map((row) => row.reviewId))] }, { enabled: !!rows?.length });
  const reviewOf = (row: ReviewRowRecord) => reviews?.find((review) => review.id === row.reviewId);
  return (
    <Card sx={{ mt: 2 }} data-testid="my-reviews">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('zizhu.reviews.myTitle')}
        </Typography>
        {error ? <Alert severity="error">{translate('zizhu.reviews.loadFailed')}</Alert> : null}
        {rows && !rows.length && <Typography variant="body2">{translate('zizhu.reviews.myEmpty')}</Typography>}
        {rows && rows.length > 0 && (
          <Table size="small">
            <TableBody>
              {rows.map((row) => {
                const review = reviewOf(row);
                return (
                  <TableRow key={row.id} data-testid={`my-review-${row.reviewId}`}>
                    <TableCell>
                      <Link component={RouterLink} to={`/${REVIEWS_RESOURCE}/${row.reviewId}/show`}>
                        {review?.title ?? ''}
                      </Link>
                    </TableCell>
                    <TableCell>
                      {row.rank === null
                        ? translate('zizhu.reviews.myNoRank')
                        : `${translate('zizhu.reviews.myRank', { rank: row.rank })}${review?.unitCount ? ` / ${review.unitCount}` : ''}`}
                    </TableCell>
                    <TableCell align="right">{figureText(row.total)}</TableCell>
                    <TableCell>
                      {row.lagging && <Chip size="small" color="error" label={translate('zizhu.reviews.laggingYes')} />}
                      {row.lagging && (
                        <LaggingReasons
                          missedDuties={row.missedDuties ?? []}
                          weakIndicators={row.weakIndicators ?? []}
                          belowLine={row.total !== null && review?.laggingBelow != null && row.total < review.laggingBelow}
                          indicators={review?.indicators ?? []}
                        />
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
