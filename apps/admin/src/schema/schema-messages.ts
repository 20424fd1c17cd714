import type { FieldSchema, SchemaPayload } from '@zizhu/schema';
import type { Language } from '../providers/locales';
import { qualifiedKey } from './field-message-scope';

/** A resource's fields, plus the item fields of its json lists under their qualified keys (`tiers.code`). */
function fieldsWithItems(fields: readonly FieldSchema[]): { key: string; field: FieldSchema }[] {
  return fields.flatMap((field) => [
    { key: field.key, field },
    ...(field.shape?.kind === 'list'
      ? field.shape.itemFields.map((item) => ({ key: qualifiedKey(field.key, item.key), field: item }))
      : []),
  ]);
}

/**
 * i18n messages generated from the schema, react-admin style:
 * `resources.<name>.name`, `resources.<name>.fields.<key>`, plus the panel's own
 * `resources.<name>.help.<key>`, `.choices.<key>.<value>`, `.patterns.<key>`.
 */
export function buildSchemaMessages(payload: SchemaPayload, lang: Language): object {
  const resources = Object.fromEntries(
    payload.resources.map((resource) => {
      const fields: Record<string, string> = {};
      const help: Record<string, string> = {};
      const choices: Record<string, Record<string, string>> = {};
      const patterns: Record<string, string> = {};
      for (const { key, field } of fieldsWithItems(resource.fields)) {
        fields[key] = field.label[lang];
        if (field.help) help[key] = field.help[lang];
        if (field.pattern) patterns[key] = field.pattern.message[lang];
        if (field.options)
          choices[key] = Object.fromEntries(field.options.map((option) => [option.value, option.label[lang]]));
      }
      return [resource.name, { name: resource.label[lang], fields, help, choices, patterns }];
    }),
  );
  return { resources };
}

export const fieldLabelKey = (resource: string, field: string): string => `resources.${resource}.fields.${field}`;
export const fieldHelpKey = (resource: string, field: string): string => `resources.${resource}.help.${field}`;
export const choiceKey = (resource: string, field: string, value: string): string =>
  `resources.${resource}.choices.${field}.${value}`;
export const patternKey = (resource: string, field: string): string => `resources.${resource}.patterns.${field}`;
