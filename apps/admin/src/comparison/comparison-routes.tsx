import { CustomRoutes, reactRouterProvider } from 'react-admin';
import { SummaryTreePage } from './summary-tree-page';
import { VerificationProgressPage } from './verification-progress-page';

const { Route } = reactRouterProvider;

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
