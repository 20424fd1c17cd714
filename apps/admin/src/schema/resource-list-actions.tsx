import type { ResourceSchema } from '@zizhu/schema';
import { CreateButton, FilterButton, TopToolbar } from 'react-admin';
import { ExportButton } from '../export/export-button';
import { ImportButton } from '../imports/import-button';
import { isImportable } from '../imports/import-modes';

export interface ResourceListActionsProps {
  schema: ResourceSchema;
  hasFilters: boolean;
}

/** react-admin's list actions (filters, create) plus the Excel ones: import and export. */
export function ResourceListActions({ schema, hasFilters }: ResourceListActionsProps) {
  return (
    <TopToolbar>
      {hasFilters && <FilterButton />}
      {schema.can.create && <CreateButton />}
      {isImportable(schema) && <ImportButton />}
      <ExportButton />
    </TopToolbar>
  );
}
