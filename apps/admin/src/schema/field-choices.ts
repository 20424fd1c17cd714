import type { FieldSchema } from '@zizhu/schema';
import { choiceKey } from './schema-messages';

export interface Choice {
  id: string;
  name: string;
}

/**
 * Enum options as react-admin choices whose names are i18n keys (relabelled on language change).
 * `messageKey` is the field's key in the resource's messages (`tiers.code` for a list's item field).
 */
export function fieldChoices(resource: string, field: FieldSchema, messageKey: string = field.key): Choice[] {
  return (field.options ?? []).map((option) => ({ id: option.value, name: choiceKey(resource, messageKey, option.value) }));
}
