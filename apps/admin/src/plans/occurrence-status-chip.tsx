import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { choiceKey } from '../schema/schema-messages';
import { isOccurrenceStatus, STATUS_COLOR } from './occurrence-status';
import { OCCURRENCES_RESOURCE } from './plans-api';

/** An occurrence's status in its colour (lists and its page). */
export function OccurrenceStatusChip({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const status = record?.[source];
  if (!isOccurrenceStatus(status)) return null;
  return <Chip size="small" color={STATUS_COLOR[status]} label={translate(choiceKey(OCCURRENCES_RESOURCE, source, status), { _: status })} />;
}
