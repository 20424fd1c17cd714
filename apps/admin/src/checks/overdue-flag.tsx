import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** A record's `overdue` flag as a red 逾期 chip (nothing when on time). `source` and `label` are read by lists and layouts. */
export function OverdueFlag({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (record?.[source] !== true) return null;
  return <Chip size="small" color="error" label={translate('zizhu.clues.overdue')} data-testid="overdue-flag" />;
}
