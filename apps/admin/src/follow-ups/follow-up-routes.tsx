import { lazy } from 'react';
import { CustomRoutes, reactRouterProvider } from 'react-admin';
import { COVERAGE_PATH, RECORD_ROUTE } from './follow-up-api';

const { Route } = reactRouterProvider;

const CoveragePage = lazy(() => import('./coverage-page').then((m) => ({ default: m.CoveragePage })));

const FollowUpRecordPage = lazy(() => import('./follow-up-record-page').then((m) => ({ default: m.FollowUpRecordPage })));

/** The coverage page and the phone-friendly record form, inside the layout. */
export function followUpRoutes() {
  return (
    <CustomRoutes key="follow-up-routes">
      <Route path={COVERAGE_PATH} element={<CoveragePage />} />
      <Route path={RECORD_ROUTE} element={<FollowUpRecordPage />} />
    </CustomRoutes>
  );
}
