import { CustomRoutes, reactRouterProvider } from 'react-admin';
import { ExceptionsPage } from './exceptions-page';
import { EXCEPTIONS_PATH, RECONCILIATION_PATH } from './funds-api';
import { ReconciliationPage } from './reconciliation-page';

const { Route } = reactRouterProvider;

/** The funds pages inside the layout. */
export function fundsRoutes() {
  return (
    <CustomRoutes key="funds-routes">
      <Route path={RECONCILIATION_PATH} element={<ReconciliationPage />} />
      <Route path={EXCEPTIONS_PATH} element={<ExceptionsPage />} />
    </CustomRoutes>
  );
}
