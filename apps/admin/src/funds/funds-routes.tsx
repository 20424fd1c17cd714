import { lazy } from 'react';
import { CustomRoutes, reactRouterProvider } from 'react-admin';
import { EXCEPTIONS_PATH, RECONCILIATION_PATH } from './funds-api';

const { Route } = reactRouterProvider;

const ReconciliationPage = lazy(() => import('./reconciliation-page').then((m) => ({ default: m.ReconciliationPage })));

const ExceptionsPage = lazy(() => import('./exceptions-page').then((m) => ({ default: m.ExceptionsPage })));

/** The funds pages inside the layout. */
export function fundsRoutes() {
  return (
    <CustomRoutes key="funds-routes">
      <Route path={RECONCILIATION_PATH} element={<ReconciliationPage />} />
      <Route path={EXCEPTIONS_PATH} element={<ExceptionsPage />} />
    </CustomRoutes>
  );
}
