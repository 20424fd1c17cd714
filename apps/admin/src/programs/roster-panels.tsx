import { Box, Typography } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  Pagination,
  ReferenceManyField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FieldDisplay } from '../schema/field-display';
import { RelatedRecordsTable, relatedColumns } from '../schema/related-records-table';
import { useResourceSchema } from '../schema/use-schema';
import { isWithSchool, ROSTER_ACTIONS_RESOURCE, ROSTER_ENTRIES_RESOURCE } from './roster-api';
import { RosterProblems } from './roster-problems';

/** Under a roster's fields: the submission check (while the school holds it), its students and its history. */
export function RosterPanels() {
  const record = useRecordContext();
  const translate = useTranslate();
  const entries = useResourceSchema(ROSTER_ENTRIES_RESOURCE);
  if (!record) return null;
  const withSchool = isWithSchool(record.status);
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      {withSchool && <RosterProblems />}
      {entries && (
        <Box sx={{ mt: 3 }} data-testid="roster-entries">
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
            <Typography variant="subtitle1">{translate('zizhu.programs.entries')}</Typography>
            {withSchool && entries.can.create && (
              <CreateButton
                resource={ROSTER_ENTRIES_RESOURCE}
                label="zizhu.programs.addEntry"
                state={{ record: { rosterId: record.id } }}
              />
            )}
          </Box>
          <ReferenceManyField reference={ROSTER_ENTRIES_RESOURCE} target="rosterId" perPage={25} pagination={<Pagination />}>
            <Datagrid rowClick={withSchool && entries.can.update ? 'edit' : 'show'} bulkActionButtons={false}>
              {relatedColumns(entries, 'rosterId').map((field) => (
                <FieldDisplay key={field.key} source={field.key} field={field} />
              ))}
            </Datagrid>
          </ReferenceManyField>
        </Box>
      )}
      <RelatedRecordsTable
        reference={ROSTER_ACTIONS_RESOURCE}
        target="rosterId"
        title="zizhu.programs.history"
        emptyText="zizhu.programs.historyEmpty"
        sort={{ field: 'id', order: 'ASC' }}
        perPage={100}
        testId="roster-history"
      />
    </Box>
  );
}
