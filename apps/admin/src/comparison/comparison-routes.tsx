import { CustomRoutes, reactRouterProvider } from 'react-admin';
import { VerificationProgressPage } from './verification-progress-page';

const { Route } = reactRouterProvider;

/** `/comparisons/<id>/progress`, inside the layout; outranks the resource's own `/comparisons/*`. */
export function comparisonRoutes() {
  return (
    <CustomRoutes key="comparison-routes">
      <Route path="/comparisons/:id/progress" element={<VerificationProgressPage />} />
    </CustomRoutes>
  );
}
