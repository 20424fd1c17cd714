import { lazy, Suspense } from 'react';
import { CustomRoutes, reactRouterProvider } from 'react-admin';
import { AID_QUERY_PATH } from './aid-query-api';

const { Route } = reactRouterProvider;

const AidQueryPage = lazy(() => import('./aid-query-page').then((m) => ({ default: m.AidQueryPage })));

/** The families' page: outside the layout and without login (react-admin renders no-layout routes whatever the session). */
export function aidQueryRoutes() {
  return (
    <CustomRoutes key="aid-query-routes" noLayout>
      <Route
        path={AID_QUERY_PATH}
        element={
          <Suspense fallback={null}>
            <AidQueryPage />
          </Suspense>
        }
      />
    </CustomRoutes>
  );
}
