import type { SchemaPayload } from '@zizhu/schema';
import { Stack } from '@mui/material';
import { usePermissions, useRecordContext } from 'react-admin';
import { FileDownloadButton } from '../files/file-download-button';
import { BankResultButton } from './bank-result-button';
import { bankFileUrl } from './funds-api';

/** Only finance sends a batch to the bank (the API refuses everyone else). */
const BANK_FILE_ROLES = ['finance'];

/** On a batch's page: the bank payment file to send, then the bank's result to import. */
export function BatchActions() {
  const record = useRecordContext();
  const { permissions } = usePermissions<SchemaPayload | null>();
  if (!record) return null;
  const sendsFiles = BANK_FILE_ROLES.includes(permissions?.user.role ?? '');
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {sendsFiles && (
        <>
          <FileDownloadButton url={bankFileUrl(record.id, 'xlsx')} fallbackName="银行代发.xlsx" label="zizhu.funds.bankFileXlsx" variant="text" size="small" />
          <FileDownloadButton url={bankFileUrl(record.id, 'csv')} fallbackName="银行代发.csv" label="zizhu.funds.bankFileCsv" variant="text" size="small" />
        </>
      )}
      <BankResultButton />
    </Stack>
  );
}
