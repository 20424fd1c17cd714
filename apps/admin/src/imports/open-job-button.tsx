import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Button, LinkBase, useRecordContext } from 'react-admin';
import { importJobPath } from './import-api';

/** On an import record (history): opens its job page, with mapping, errors and commit. */
export function OpenJobButton() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button component={LinkBase} to={importJobPath(record.id)} label="zizhu.import.openJob">
      <OpenInNewIcon />
    </Button>
  );
}
