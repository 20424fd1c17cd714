import { isMasked, type FieldSchema } from '@zizhu/schema';
import { InputAdornment } from '@mui/material';
import { useMemo } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  DateTimeInput,
  Labeled,
  NumberInput,
  PasswordInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextInput,
  useResourceContext,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { FileReferenceInput } from '../files/file-reference-input';
import { referenceOptionProps } from './reference-option';
import { assertNever } from './assert-never';
import { MoneyInput } from './money-input';
import { fieldChoices } from './field-choices';
import { FieldDisplay } from './field-display';
import { fieldValidators } from './field-validators';
import type { CommonProps } from './field-input-props';
import { RevealButton } from './reveal-button';
import { fieldHelpKey } from './schema-messages';
import { useFieldMessageKey } from './field-message-scope';
import { ListShapeInput } from './list-shape-input';
import { ReferenceIdsInput } from './reference-ids';
import { RuleInput } from './rule-input';
import { ValuesInput } from './values-input';
import { useSchema } from './use-schema';

export type FormMode = 'create' | 'edit';

export interface FieldInputProps {
  field: FieldSchema;
  mode: FormMode;
  /** Read by react-admin layouts; always the field key. */
  source: string;
}


const MONOSPACE = { '& input': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' } };

/** One switch from field type to input component (react-admin ra-no-code style). */
export function FieldInput({ field, mode, source }: FieldInputProps) {
  const resource = useResourceContext() ?? '';
  const messageKey = useFieldMessageKey(field);
  const validate = useMemo(() => fieldValidators(resource, field, mode, messageKey), [resource, field, mode, messageKey]);
  const common: CommonProps = {
    source,
    validate,
    disabled: mode === 'edit' && field.immutable,
    helperText: field.help ? fieldHelpKey(resource, messageKey) : false,
  };
  switch (field.type) {
    case 'string':
      return field.display === 'referenceIds' ? <ReferenceIdsInput field={field} common={common} /> : <TextInput {...common} />;
    case 'text':
      return <TextInput {...common} multiline minRows={3} />;
    case 'integer':
      return <NumberInput {...common} step={1} />;
    case 'money':
      return <MoneyInput {...common} />;
    case 'boolean':
      return <BooleanInput {...common} />;
    case 'date':
      return <DateInput {...common} />;
    case 'datetime':
      return <DateTimeInput {...common} />;
    case 'enum':
      return <SelectInput {...common} choices={fieldChoices(resource, field, messageKey)} />;
    case 'enumList':
      return <SelectArrayInput {...common} choices={fieldChoices(resource, field, messageKey)} />;
    case 'reference':
      // Attachments: choosing a file uploads it; the field holds the uploaded file's id.
      return field.reference === 'files' ? <FileReferenceInput {...common} /> : <ReferenceFieldInput field={field} common={common} />;
    case 'idNumber':
    case 'account':
      return <SensitiveInput field={field} mode={mode} common={common} monospace />;
    case 'phone':
      return <SensitiveInput field={field} mode={mode} common={common} monospace={false} />;
    case 'json':
      // A declared structure gets its editor; free JSON is never typed in by hand: shown read-only.
      if (field.shape?.kind === 'list') return <ListShapeInput {...common} field={field} shape={field.shape} mode={mode} />;
      if (field.shape?.kind === 'rule') return <RuleInput {...common} subject={field.shape.subject} />;
      if (field.shape?.kind === 'values') return <ValuesInput source={source} shape={field.shape} />;
      return (
        <Labeled source={source}>
          <FieldDisplay field={field} source={source} />
        </Labeled>
      );
    case 'password':
      return <PasswordInput {...common} autoComplete="new-password" />;
    default:
      return assertNever(field.type);
  }
}

function ReferenceFieldInput({ field, common }: { field: FieldSchema; common: CommonProps }) {
  const target = useSchema()?.resources.find((resource) => resource.name === field.reference);
  // A target the user cannot list cannot be searched either: type its id.
  if (!target || !field.reference) return <TextInput {...common} />;
  return (
    <ReferenceInput source={common.source} reference={field.reference} sort={target.defaultSort}>
      <AutocompleteInput {...common} {...referenceOptionProps(target)} />
    </ReferenceInput>
  );
}

function SensitiveInput({
  field,
  mode,
  common,
  monospace,
}: {
  field: FieldSchema;
  mode: FormMode;
  common: CommonProps;
  monospace: boolean;
}) {
  const { setValue } = useFormContext();
  const value: unknown = useWatch({ name: common.source });
  const revealable = mode === 'edit' && field.sensitive?.canReveal === true && isMasked(value);
  const endAdornment = revealable ? (
    <InputAdornment position="end">
      <RevealButton
        field={field.key}
        onRevealed={(plain) => setValue(common.source, plain, { shouldDirty: true })}
      />
    </InputAdornment>
  ) : undefined;
  return (
    <TextInput
      {...common}
      type={field.type === 'phone' ? 'tel' : 'text'}
      sx={monospace ? MONOSPACE : undefined}
      slotProps={endAdornment ? { input: { endAdornment } } : undefined}
    />
  );
}
