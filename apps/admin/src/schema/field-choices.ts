import type { FieldSchema } from '@zizhu/schema';
import { choiceKey } from './schema-messages';

export interface Choice {
  id: string;
  name: string;
}

/** Enum options as react-admin choices whose names are i18n keys (relabelled on language change). */
export function fieldChoices(resource: string, field: FieldSchema): Choice[] {
  return (field.options ?? []).map((option) => ({ id: option.value, name: choiceKey(resource, field.key, option.value) }));
}
