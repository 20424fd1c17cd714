import { type FieldDeclaration, type Localized, parseYuan } from '@zizhu/schema';
import { renderMessage } from '../rest/field-messages';
import { IMPORT_MESSAGES } from './import-messages';
import type { ReferenceLookup } from './reference-lookup';
import { type Cell, CellFault } from './xlsx-cell';

export type Converted = { value: unknown } | { error: Localized };

const TRUE_WORDS = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '寄宿', '启用']);
const FALSE_WORDS = new Set(['否', 'n', 'no', 'false', '0', '×', '走读', '停用']);

/** Excel keeps 15 significant digits: longer numbers stored as numbers are already wrong. */
const LOST_PRECISION = (n: number) => Math.abs(n) >= 1e15 || !Number.isInteger(n);

/**
 * Turns what a cell holds into the value the API would accept for the field; values it
 * cannot interpret are passed on as text so the API's own validation names the fault.
 */
export function convertCell(field: FieldDeclaration, cell: Cell, lookup?: ReferenceLookup): Converted {
  if (cell instanceof CellFault) return { error: IMPORT_MESSAGES.cellFault(cell) };
  if (typeof cell === 'string' && cell.includes('\u0000')) return { error: IMPORT_MESSAGES.nulCharacter };
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { value: null };
  switch (field.type) {
    case 'idNumber':
      if (typeof cell === 'number' || /^\d(\.\d+)?e\+\d+$/i.test(String(cell).trim())) {
        return { error: IMPORT_MESSAGES.idNumberAsNumber };
      }
      return { value: String(cell) };
    case 'account':
      if (typeof cell === 'number' && LOST_PRECISION(cell)) return { error: IMPORT_MESSAGES.longNumberAsNumber };
      return { value: String(cell) };
    case 'string':
    case 'text':
    case 'phone':
      return { value: cell instanceof Date ? isoDate(cell) : unquoteFormulaGuard(String(cell)) };
    case 'integer':
      return { value: typeof cell === 'number' ? cell : Number.isNaN(Number(cell)) ? String(cell) : Number(cell) };
    case 'money': {
      // Cells hold yuan (2 decimals); the record holds fen. Unparseable text stays text and fails validation.
      const fen = typeof cell === 'number' || typeof cell === 'string' ? parseYuan(cell) : null;
      return { value: fen ?? String(cell) };
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return { value: cell };
      const word = String(cell).trim().toLowerCase();
      return { value: TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : word };
    }
    case 'date':
      return { value: cell instanceof Date ? isoDate(cell) : parseDateText(String(cell)) };
    case 'datetime':
      return { value: cell instanceof Date ? cell.toISOString() : String(cell) };
    case 'enum':
      return { value: optionValue(field, String(cell)) };
    case 'enumList':
      return {
        value: String(cell)
          .split(/[、,，;；/|\s]+/)
          .filter(Boolean)
          .map((part) => optionValue(field, part)),
      };
    case 'reference': {
      const id = lookup?.find(String(cell).trim());
      return id === undefined ? { error: renderMessage('reference', field) } : { value: id };
    }
    case 'json':
    case 'password':
      return { value: null };
    default: {
      const unhandled: never = field.type;
      throw new Error(`No import conversion for ${String(unhandled)}`);
    }
  }
}

/** Exports prefix text that looks like a formula with `'` (formula-safety.ts); a file
 * coming back from an export gets its text as it was. */
export function unquoteFormulaGuard(text: string): string {
  return /^'[=+\-@\t\r＝＋－＠]/.test(text) ? text.slice(1) : text;
}

/** An option's value from its value, its Chinese or its English label. */
function optionValue(field: FieldDeclaration, text: string): string {
  const wanted = text.trim().toLowerCase();
  const option = field.options?.find(
    (o) => o.value === wanted || o.label.zh === text.trim() || o.label.en.toLowerCase() === wanted,
  );
  return option?.value ?? text.trim();
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** 2012/3/5, 2012.3.5, 2012-3-5, 2012年3月5日 and 20120305 all mean 2012-03-05. */
export function parseDateText(text: string): string {
  const t = text.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : t;
}
