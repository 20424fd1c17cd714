import type { ResourceAction, ResourceSchema } from '@zizhu/schema';
import { Alert, Card, CardContent, List, ListItemButton, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { createElement } from 'react';
import { Link, Title, useTranslate } from 'react-admin';
import { FundsDashboard } from '../funds/funds-dashboard';
import { resourceIcon } from '../schema/resource-icon';
import { useSchema } from '../schema/use-schema';

const ACTION_KEYS: Record<ResourceAction, string> = {
  list: 'zizhu.canList',
  create: 'zizhu.canCreate',
  update: 'zizhu.canUpdate',
  delete: 'zizhu.canDelete',
};

/** Whose home page shows the funds figures first. */
const FUNDS_ROLES = ['finance', 'county'];

/** A welcome page generated from the schema: what this officer can do, with links; finance and county officers see the funds figures above it. */
export function Dashboard() {
  const schema = useSchema();
  const translate = useTranslate();
  if (!schema) return null;
  const { user, resources } = schema;
  const anySensitive = resources.some((resource) => resource.fields.some((field) => field.sensitive?.masked));

  const sentence = (resource: ResourceSchema): string => {
    const actions = (Object.keys(ACTION_KEYS) as ResourceAction[])
      .filter((action) => resource.can[action])
      .map((action) => translate(ACTION_KEYS[action]));
    return translate('zizhu.canSentence', {
      actions: actions.join(translate('zizhu.listSeparator')),
      resource: translate(`resources.${resource.name}.name`),
    });
  };

  return (
    <>
      {FUNDS_ROLES.includes(user.role) && <FundsDashboard />}
      <Card sx={{ mt: 2 }}>
        <Title title="zizhu.title" />
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {translate('zizhu.dashboardWelcome', { name: user.displayName })}
          </Typography>
          <Typography variant="body1" gutterBottom>
            {translate('zizhu.dashboardRole', { role: translate(`zizhu.roles.${user.role}`), scope: user.scopeLabel })}
          </Typography>
          <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
            {translate('zizhu.dashboardResources')}
          </Typography>
          {resources.length === 0 ? (
            <Typography>{translate('zizhu.dashboardNone')}</Typography>
          ) : (
            <List dense>
              {resources.map((resource) => (
                <ListItemButton key={resource.name} component={Link} to={`/${resource.name}`}>
                  <ListItemIcon>{createElement(resourceIcon(resource.icon))}</ListItemIcon>
                  <ListItemText primary={translate(`resources.${resource.name}.name`)} secondary={sentence(resource)} />
                </ListItemButton>
              ))}
            </List>
          )}
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
    </>
  );
}
