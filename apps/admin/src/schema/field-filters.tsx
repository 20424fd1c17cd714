import type { FieldSchema, ResourceSchema } from '@zizhu/schema';
import { useMemo, type ReactElement } from 'react';
import {
  AutocompleteInput,
  DateInput,
  NullableBooleanInput,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { MoneyInput } from './money-input';
import { assertNever } from './assert-never';
import { fieldChoices } from './field-choices';
import { referenceOptionProps } from './reference-option';
import { fieldLabelKey } from './schema-messages';
import { useSchema } from './use-schema';

/**
 * List filters from the schema, in ra-data-simple-rest `filter` keys:
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
          rangeInput(field, `${field.key}_gte`, translate('zizhu.filterFrom', { field: label })),
          rangeInput(field, `${field.key}_lte`, translate('zizhu.filterTo', { field: label })),
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

function rangeInput(field: FieldSchema, source: string, label: string): ReactElement {
  if (field.type === 'date' || field.type === 'datetime') return <DateInput key={source} source={source} label={label} />;
  if (field.type === 'integer') return <NumberInput key={source} source={source} label={label} />;
  if (field.type === 'money') return <MoneyInput key={source} source={source} label={label} />;
  return <TextInput key={source} source={source} label={label} />;
}

function exactInput(resource: string, field: FieldSchema, target: ResourceSchema | undefined): ReactElement | null {
  const source = field.key;
  switch (field.type) {
    case 'enum':
    case 'enumList':
      return <SelectInput key={source} source={source} choices={fieldChoices(resource, field)} />;
    case 'boolean':
      return <NullableBooleanInput key={source} source={source} />;
    case 'integer':
      return <NumberInput key={source} source={source} />;
    case 'money':
      return <MoneyInput key={source} source={source} />;
    case 'date':
    case 'datetime':
      return <DateInput key={source} source={source} />;
    case 'reference': {
      if (!target || !field.reference) return <TextInput key={source} source={source} />;
      return (
        <ReferenceInput key={source} source={source} reference={field.reference} sort={target.defaultSort}>
          <AutocompleteInput label={fieldLabelKey(resource, source)} {...referenceOptionProps(target)} />
        </ReferenceInput>
      );
    }
    case 'string':
    case 'text':
    case 'idNumber':
    case 'phone':
    case 'account':
      return <TextInput key={source} source={source} />;
    case 'json':
    case 'password':
      return null;
    default:
      return assertNever(field.type);
  }
}
