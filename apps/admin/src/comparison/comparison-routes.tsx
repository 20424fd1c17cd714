import { lazy } from 'react';
import { CustomRoutes, reactRouterProvider } from 'react-admin';

const { Route } = reactRouterProvider;

const SummaryTreePage = lazy(() => import('./summary-tree-page').then((m) => ({ default: m.SummaryTreePage })));
const VerificationProgressPage = lazy(() => import('./verification-progress-page').then((m) => ({ default: m.VerificationProgressPage })));

/** `/comparisons/<id>/progress`, inside the layout; outranks the resource's own `/comparisons/*`. */
export function comparisonRoutes() {
  return (
    <CustomRoutes key="comparison-routes">
      <Route path="/comparisons/:id/progress" element={<VerificationProgressPage />} />
      <Route path="/comparisons/:id/summary" element={<SummaryTreePage />} />
      <Route path="/comparisons/:id/summary/:parent" element={<SummaryTreePage />} />
    </CustomRoutes>
  );
}
