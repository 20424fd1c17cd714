import type { FieldSchema } from '@zizhu/schema';
import { Box } from '@mui/material';
import { useContext } from 'react';
import { ListContext } from 'react-admin';
import { FieldDisplay } from '../schema/field-display';
import { FillButton } from './fill-button';

/**
 * An inspection's status; in a list row also 开始检查 / 继续检查 for whoever may fill it in
 * (the record's page has the button among its actions). `source` and `sortable` are read by
 * the list's header.
 */
export function InspectionStatusField({ field, source }: { field: FieldSchema; source: string; sortable?: boolean }) {
  const inList = useContext(ListContext) !== null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <FieldDisplay field={field} source={source} />
      {inList && <FillButton variant="text" size="small" />}
    </Box>
  );
}
