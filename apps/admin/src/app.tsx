import type { SchemaPayload } from '@zizhu/schema';
import { lazy } from 'react';
import { Admin } from 'react-admin';
import { registerFeatures } from './features';
import { AppLayout } from './layout/app-layout';
import { AppTitle } from './layout/app-title';
import { LoginPage } from './layout/login-page';
import { appStore } from './providers/app-store';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { importRoutes } from './imports/import-routes';
import { comparisonRoutes } from './comparison/comparison-routes';
import { followUpRoutes } from './follow-ups/follow-up-routes';
import { fundsRoutes } from './funds/funds-routes';
import { inspectionRoutes } from './inspections/inspection-routes';
import { aidQueryRoutes } from './public-query/aid-query-routes';
import { i18nProvider } from './providers/i18n-provider';
import { schemaResources } from './schema/schema-resources';

registerFeatures();
const store = appStore();

// Loaded after login (the layout's Suspense covers it), so the login page starts sooner.
const Dashboard = lazy(() => import('./layout/dashboard').then((m) => ({ default: m.Dashboard })));

/**
 * The whole panel is generated from `GET /api/schema`, which the auth provider returns as the
 * user's permissions: react-admin re-runs the child function after every login.
 */
export function App() {
  return (
    <Admin
      title={<AppTitle />}
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      store={store}
      layout={AppLayout}
      dashboard={Dashboard}
      loginPage={LoginPage}
      requireAuth
      disableTelemetry
    >
      {(permissions: SchemaPayload | null) => [...schemaResources(permissions), importRoutes(), comparisonRoutes(), fundsRoutes(), inspectionRoutes(), followUpRoutes()]}
      {/* Outside the child function: the families' page needs no login, so no permissions. */}
      {aidQueryRoutes()}
    </Admin>
  );
}
