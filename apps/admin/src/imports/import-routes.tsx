import { lazy } from 'react';
import { CustomRoutes, reactRouterProvider } from 'react-admin';

const { Route } = reactRouterProvider;

const ImportJobPage = lazy(() => import('./import-job-page').then((m) => ({ default: m.ImportJobPage })));
const ImportPage = lazy(() => import('./import-page').then((m) => ({ default: m.ImportPage })));

/**
 * The wizard's pages, inside the layout: `/import/<resource>` (template, upload) and
 * `/imports/<id>` (one job). The latter outranks the `imports` resource's own `/imports/*`
 * routes, so history rows open the job page.
 */
export function importRoutes() {
  return (
    <CustomRoutes key="import-routes">
      <Route path="/import/:resource" element={<ImportPage />} />
      <Route path="/imports/:id" element={<ImportJobPage />} />
    </CustomRoutes>
  );
}
