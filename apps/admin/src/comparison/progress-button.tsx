import BarChartIcon from '@mui/icons-material/BarChart';
import { Button, LinkBase, useRecordContext } from 'react-admin';
import { progressPath } from './progress-api';

/** On a comparison run: opens its verification progress per school. */
export function ProgressButton() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button component={LinkBase} to={progressPath(record.id)} label="zizhu.comparison.progressButton">
      <BarChartIcon />
    </Button>
  );
}
