import type { ResourceSchema } from '@zizhu/schema';
import { CreateButton, FilterButton, TopToolbar } from 'react-admin';
import { registeredListActions } from './resource-extensions';

export interface ResourceListActionsProps {
  schema: ResourceSchema;
  hasFilters: boolean;
}

/** react-admin's list actions (filters, create) plus the ones features register (import, export). */
export function ResourceListActions({ schema, hasFilters }: ResourceListActionsProps) {
  return (
    <TopToolbar>
      {hasFilters && <FilterButton />}
      {schema.can.create && <CreateButton />}
      {registeredListActions().map((Action, index) => (
        <Action key={index} schema={schema} />
      ))}
    </TopToolbar>
  );
}
