import { useLocaleState, useResourceContext } from 'react-admin';
import { languageOf } from '../providers/locales';
import { CodeOfField } from './coded-fields';
import { fieldChoices } from './field-choices';
import { useFieldMessageKey } from './field-message-scope';
import type { ChoiceList, FieldDisplayProps } from './field-widget';
import { FIELD_WIDGETS } from './field-widgets';
import { HintedDisplay } from './hinted-display';

export type { FieldDisplayProps } from './field-widget';

const BUILDERS = { FieldDisplay };

/** The display of a field: as its display hint says, else its type's widget (FIELD_WIDGETS). */
export function FieldDisplay({ field, source, reveal = false, configured = false }: FieldDisplayProps) {
  const resource = useResourceContext() ?? '';
  const [locale] = useLocaleState();
  const messageKey = useFieldMessageKey(field);
  if (field.display) return <HintedDisplay field={field} display={field.display} />;
  if (field.codeOf) return <CodeOfField field={field} resource={resource} />;
  const language = languageOf(locale);
  const choices: ChoiceList = configured
    ? { choices: (field.options ?? []).map((option) => ({ id: option.value, name: option.label[language] })), translateChoice: false }
    : { choices: fieldChoices(resource, field, messageKey), translateChoice: true };
  const { Display } = FIELD_WIDGETS[field.type];
  return <Display field={field} source={source} reveal={reveal} configured={configured} choices={choices} builders={BUILDERS} />;
}
