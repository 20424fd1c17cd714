import type { ImportMode, ResourceSchema } from '@zizhu/schema';
import { IMPORTS_RESOURCE } from './import-api';

/** Modes the user's permissions allow: inserting needs `create`, updating needs `update`. */
export function importModes(schema: ResourceSchema): ImportMode[] {
  if (schema.name === IMPORTS_RESOURCE || !schema.importable) return [];
  const modes: ImportMode[] = [];
  if (schema.can.create && schema.can.update) modes.push('upsert');
  if (schema.can.create) modes.push('insert');
  if (schema.can.update) modes.push('update');
  return modes;
}

export const isImportable = (schema: ResourceSchema): boolean => importModes(schema).length > 0;

/** Upsert when allowed: officers rarely know which rows are new. */
export const defaultImportMode = (schema: ResourceSchema): ImportMode | undefined => importModes(schema)[0];
