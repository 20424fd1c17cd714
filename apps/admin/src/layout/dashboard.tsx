import { Alert, Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { FundsDashboard } from '../funds/funds-dashboard';
import { InspectionStatsCard } from '../inspection-stats/inspection-stats-card';
import { MyDutiesCard } from '../plans/my-duties-card';
import { MyReviewCard } from '../reviews/my-review-card';
import { useSchema } from '../schema/use-schema';
import { TodoList } from './todo-list';

/** Whose home page shows the funds figures below their work to do. */
const FUNDS_ROLES = ['finance', 'county'];
/** Whose home page shows the inspection figures of their region (the county's, the city's). */
const INSPECTION_STATS_ROLES = ['admin', 'county', 'inspector'];

/**
 * The officer's home: who they are, the work waiting for them (counts that open the filtered
 * lists), then the inspection figures of their region (admin, county, inspector), the funds
 * figures (finance, county), and a school's own line of its latest 月点评 / 季通报.
 */
export function Dashboard() {
  const schema = useSchema();
  const translate = useTranslate();
  if (!schema) return null;
  const { user, resources } = schema;
  const anySensitive = resources.some((resource) => resource.fields.some((field) => field.sensitive?.masked));

  return (
    <>
      <Card sx={{ mt: 2 }}>
        <Title title="zizhu.title" />
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {translate('zizhu.dashboardWelcome', { name: user.displayName })}
          </Typography>
          <Typography variant="body1" gutterBottom>
            {translate('zizhu.dashboardRole', { role: translate(`zizhu.roles.${user.role}`), scope: user.scopeLabel })}
          </Typography>
          <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
            {translate('zizhu.todo.title')}
          </Typography>
          {resources.length === 0 ? <Typography>{translate('zizhu.dashboardNone')}</Typography> : <TodoList userId={user.id} />}
          <Alert severity="info" sx={{ mt: 2 }}>
            {translate('zizhu.dashboardHelp')}
          </Alert>
          {anySensitive && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {translate('zizhu.dashboardSensitive')}
            </Alert>
          )}
        </CardContent>
      </Card>
      <MyDutiesCard />
      {INSPECTION_STATS_ROLES.includes(user.role) && <InspectionStatsCard userId={user.id} />}
      {FUNDS_ROLES.includes(user.role) && <FundsDashboard />}
      {user.role === 'school' && <MyReviewCard />}
    </>
  );
}
