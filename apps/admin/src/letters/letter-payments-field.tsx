import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatYuan } from '@zizhu/schema';
import { useRecordContext, useTranslate } from 'react-admin';

interface Payment {
  program: string;
  amount: number;
  refunded: number;
  date: string;
  account: string | null;
}

/** A letter's payments: program, amount in yuan (net of refunds), date, masked account. */
export function LetterPaymentsField() {
  const record = useRecordContext();
  const translate = useTranslate();
  const payments = (record?.payments ?? []) as Payment[];
  return (
    <Table size="small" data-testid="letter-payments">
      <TableHead>
        <TableRow>
          <TableCell>{translate('zizhu.letters.paymentsProgram')}</TableCell>
          <TableCell align="right">{translate('zizhu.letters.paymentsAmount')}</TableCell>
          <TableCell align="right">{translate('zizhu.letters.paymentsRefunded')}</TableCell>
          <TableCell>{translate('zizhu.letters.paymentsDate')}</TableCell>
          <TableCell>{translate('zizhu.letters.paymentsAccount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {payments.map((p, i) => (
          <TableRow key={i}>
            <TableCell>{p.program}</TableCell>
            <TableCell align="right">{formatYuan(p.amount, { grouped: true })}</TableCell>
            <TableCell align="right">{p.refunded ? formatYuan(p.refunded, { grouped: true }) : '—'}</TableCell>
            <TableCell>{p.date}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{p.account ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Frozen text as it prints: its lines kept. */
export function LetterTextField({ source }: { source: string }) {
  const record = useRecordContext();
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', maxWidth: 720 }}>
      {String(record?.[source] ?? '')}
    </Typography>
  );
}
