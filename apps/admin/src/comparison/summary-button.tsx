import TableChartIcon from '@mui/icons-material/TableChart';
import { Button, LinkBase, useRecordContext } from 'react-admin';
import { summaryPath } from './summary-api';

/** On a finished comparison run: opens its summary down the region tree. */
export function SummaryButton() {
  const record = useRecordContext();
  if (!record || record.status !== 'done') return null;
  return (
    <Button component={LinkBase} to={summaryPath(record.id)} label="zizhu.comparison.summaryButton">
      <TableChartIcon />
    </Button>
  );
}
