import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useLoaded } from '../providers/use-loaded';
import { fetchInspectionStatistics } from './inspection-stats-api';
import { InspectionStatsView } from './inspection-stats-view';

/** The home page's inspection figures for the officer's region (county, city). */
export function InspectionStatsCard({ userId }: { userId: number }) {
  const translate = useTranslate();
  const { data, failed } = useLoaded(userId, fetchInspectionStatistics);
  return (
    <Card sx={{ mt: 2 }} data-testid="inspection-stats">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('zizhu.inspectionStats.title')}
        </Typography>
        {failed && <Alert severity="error">{translate('zizhu.inspectionStats.loadFailed')}</Alert>}
        {data && <InspectionStatsView statistics={data} />}
      </CardContent>
    </Card>
  );
}
