import type { FieldSchema } from '@zizhu/schema';
import { AutocompleteInput, ReferenceField, ReferenceInput, TextInput, useRecordContext } from 'react-admin';
import type { CommonProps } from './field-input-props';
import { referenceOptionProps } from './reference-option';
import { useSchema } from './use-schema';

/** A picker of the referenced records, searched as the user types. */
export function ReferenceFieldInput({ field, common }: { field: FieldSchema; common: CommonProps }) {
  const target = useSchema()?.resources.find((resource) => resource.name === field.reference);
  // A target the user cannot list cannot be searched either: type its id.
  if (!target || !field.reference) return <TextInput {...common} />;
  return (
    <ReferenceInput source={common.source} reference={field.reference} sort={target.defaultSort}>
      <AutocompleteInput {...common} {...referenceOptionProps(target)} />
    </ReferenceInput>
  );
}

/** The referenced record, linked; or the label the API sent with the record. */
export function ReferenceDisplay({ field }: { field: FieldSchema }) {
  const record = useRecordContext();
  const target = useSchema()?.resources.find((resource) => resource.name === field.reference);
  // A target the user cannot list, or a record of it outside their subtree, would not load: the API sends its label with the record.
  const sentLabel = (record?.referenceLabels as Record<string, string> | undefined)?.[field.key] !== undefined;
  if (!target || !field.reference || sentLabel) return <ReferenceLabel field={field} />;
  return <ReferenceField source={field.key} reference={field.reference} link="show" />;
}

/** The label the API sent for a reference the user may not look up (`referenceLabels`), else the id. */
function ReferenceLabel({ field }: { field: FieldSchema }) {
  const record = useRecordContext();
  const labels = record?.referenceLabels as Record<string, string> | undefined;
  const value = labels?.[field.key] ?? record?.[field.key];
  return value == null ? null : <span>{String(value)}</span>;
}
