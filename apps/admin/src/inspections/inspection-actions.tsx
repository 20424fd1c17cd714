import { FillButton } from './fill-button';
import { ReopenButton } from './reopen-button';
import { ReportButton } from './report-button';

/** An inspection's buttons beside 编辑: fill it in, its report, reopen it (each shown to whom and when it applies). */
export function InspectionActions() {
  return (
    <>
      <FillButton size="small" />
      <ReportButton />
      <ReopenButton />
    </>
  );
}
