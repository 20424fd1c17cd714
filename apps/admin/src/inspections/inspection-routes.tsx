import { lazy } from 'react';
import { CustomRoutes, reactRouterProvider } from 'react-admin';

const { Route } = reactRouterProvider;

const InspectionFillPage = lazy(() => import('./inspection-fill-page').then((m) => ({ default: m.InspectionFillPage })));

/** `/inspections/<id>/fill`, inside the layout; outranks the resource's own `/inspections/*`. */
export function inspectionRoutes() {
  return (
    <CustomRoutes key="inspection-routes">
      <Route path="/inspections/:id/fill" element={<InspectionFillPage />} />
    </CustomRoutes>
  );
}
