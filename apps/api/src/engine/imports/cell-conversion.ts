import { FIELD_TYPES, type FieldDeclaration, type Localized, renderMessage } from '@zizhu/schema';
import { IMPORT_MESSAGES } from './import-messages';
import type { ReferenceLookup } from './reference-lookup';
import { type Cell, CellFault } from './xlsx-cell';

export type Converted = { value: unknown } | { error: Localized };

/**
 * Turns what a cell holds into the value the API would accept for the field (its type's
 * `fromCell`, FIELD_TYPES); values it cannot interpret are passed on as text so the API's
 * own validation names the fault.
 */
export function convertCell(field: FieldDeclaration, cell: Cell, lookup?: ReferenceLookup): Converted {
  if (cell instanceof CellFault) return { error: IMPORT_MESSAGES.cellFault(cell) };
  if (typeof cell === 'string' && cell.includes('\u0000')) return { error: IMPORT_MESSAGES.nulCharacter };
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { value: null };
  const converted = FIELD_TYPES[field.type].fromCell(cell, field, { lookup });
  return 'error' in converted ? { error: renderMessage(converted.error, field) } : converted;
}
