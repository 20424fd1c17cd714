import { useMemo } from 'react';
import { useLocaleState, useResourceContext } from 'react-admin';
import { languageOf } from '../providers/locales';
import { fieldChoices } from './field-choices';
import { FieldDisplay } from './field-display';
import type { CommonProps } from './field-input-props';
import { useFieldMessageKey } from './field-message-scope';
import { fieldValidators } from './field-validators';
import type { ChoiceList, FieldBuilders, FieldInputProps } from './field-widget';
import { FIELD_WIDGETS } from './field-widgets';
import { fieldHelpKey } from './schema-messages';

export type { FieldInputProps, FormMode } from './field-widget';

const BUILDERS: FieldBuilders = { FieldInput, FieldDisplay };

/** The input of a field: its type's widget (FIELD_WIDGETS), with the label, checks and help every input gets. */
export function FieldInput({ field, mode, source, configured = false }: FieldInputProps) {
  const resource = useResourceContext() ?? '';
  const [locale] = useLocaleState();
  const messageKey = useFieldMessageKey(field);
  const validate = useMemo(() => fieldValidators(resource, field, mode, messageKey), [resource, field, mode, messageKey]);
  const language = languageOf(locale);
  const common: CommonProps = {
    source,
    validate,
    disabled: mode === 'edit' && field.immutable,
    helperText: field.help ? (configured ? field.help[language] : fieldHelpKey(resource, messageKey)) : false,
    ...(configured ? { label: field.label[language] } : {}),
  };
  const choices: ChoiceList = configured
    ? { choices: (field.options ?? []).map((option) => ({ id: option.value, name: option.label[language] })), translateChoice: false }
    : { choices: fieldChoices(resource, field, messageKey), translateChoice: true };
  const { Input } = FIELD_WIDGETS[field.type];
  return <Input field={field} mode={mode} common={common} choices={choices} builders={BUILDERS} />;
}
