import type { FieldSchema, ResourceSchema } from '@zizhu/schema';
import { useMemo, type ReactElement } from 'react';
import { SearchInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { FIELD_WIDGETS } from './field-widgets';
import { fieldLabelKey } from './schema-messages';
import { useSchema } from './use-schema';

/**
 * List filters from the schema (each its type's widget, FIELD_WIDGETS), in ra-data-simple-rest `filter` keys:
 * `q` (search), `<field>` (exact or prefix, the server knows which), `<field>_gte` / `<field>_lte` (range).
 */
export function useFieldFilters(resource: ResourceSchema): ReactElement[] {
  const translate = useTranslate();
  const schema = useSchema();
  return useMemo(() => {
    const filters: ReactElement[] = [];
    if (resource.fields.some((field) => field.search)) filters.push(<SearchInput key="q" source="q" alwaysOn />);
    for (const field of resource.fields) {
      if (!field.filter || field.writeOnly) continue;
      if (field.filter === 'range') {
        const label = translate(fieldLabelKey(resource.name, field.key));
        filters.push(
          rangeInput(resource.name, field, `${field.key}_gte`, translate('zizhu.filterFrom', { field: label })),
          rangeInput(resource.name, field, `${field.key}_lte`, translate('zizhu.filterTo', { field: label })),
        );
      } else if (field.filter === 'prefix') {
        filters.push(<TextInput key={field.key} source={field.key} />);
      } else {
        const target = schema?.resources.find((candidate) => candidate.name === field.reference);
        const input =
          field.display === 'resourceName' ? resourceNameInput(field, schema?.resources ?? []) : exactInput(resource.name, field, target);
        if (input) filters.push(input);
      }
    }
    return filters;
  }, [resource, schema, translate]);
}

/** A field holding a resource's name filters by a choice among the resources the user sees. */
function resourceNameInput(field: FieldSchema, resources: ResourceSchema[]): ReactElement {
  const choices = resources.map((candidate) => ({ id: candidate.name, name: `resources.${candidate.name}.name` }));
  return <SelectInput key={field.key} source={field.key} choices={choices} />;
}

function rangeInput(resource: string, field: FieldSchema, source: string, label: string): ReactElement {
  const widget = FIELD_WIDGETS[field.type];
  return widget.rangeFilter ? widget.rangeFilter({ field, source, resource, label }) : <TextInput key={source} source={source} label={label} />;
}

function exactInput(resource: string, field: FieldSchema, target: ResourceSchema | undefined): ReactElement | null {
  return FIELD_WIDGETS[field.type].filter?.({ field, source: field.key, resource, target }) ?? null;
}
