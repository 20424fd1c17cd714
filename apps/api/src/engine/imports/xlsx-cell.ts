import type ExcelJS from 'exceljs';
import { ImportLimitError } from './import-limits';

/**
 * A cell whose value cannot be imported as it is: a formula without a saved result, an
 * error value (#N/A, #DIV/0!), or something exceljs hands over that is none of the known
 * kinds. The row fails with a message naming it; `String(fault)` is what the cell showed.
 */
export class CellFault {
  constructor(
    readonly kind: 'formula' | 'error' | 'unknown',
    readonly text: string,
  ) {}

  toString(): string {
    return this.text;
  }
}

/** One cell as the reader hands it over: what a clerk typed, typed as Excel kept it. */
export type Cell = string | number | boolean | Date | CellFault | null;

/** Excel's day 0 (1899-12-30, or 1904-01-01 in 1904-dated workbooks) in Unix days. */
const EPOCH_DAYS = { 1900: 25569, 1904: 24107 };

/**
 * A row's cells by column (1 → index 0), every kind exceljs's streaming reader yields
 * handled explicitly: plain values, rich text, hyperlinks, error values, and formulas —
 * whose saved result is used when it is a plain value.
 */
export function rowCells(row: ExcelJS.Row, date1904 = false, maxColumns = Infinity): Cell[] {
  const cells: Cell[] = [];
  row.eachCell((cell, column) => {
    if (column > maxColumns) throw new ImportLimitError('columns');
    cells[column - 1] = cellOf(cell.value, cell.numFmt, date1904);
  });
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
  return cells;
}

export function cellOf(value: unknown, numFmt?: string, date1904 = false): Cell {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // A value that does not parse as a number (exceljs gives NaN) is no value at all.
      return Number.isFinite(value) ? value : new CellFault('error', '#NUM!');
    case 'object':
      break;
    default:
      return new CellFault('unknown', String(value));
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? new CellFault('error', '#VALUE!') : value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((part) => String(part.text ?? '')).join('');
  if (typeof v.error === 'string') return new CellFault('error', v.error);
  if ('formula' in v || 'sharedFormula' in v) return formulaResult(v, numFmt, date1904);
  if ('hyperlink' in v) return cellOf(v.text, numFmt, date1904);
  return new CellFault('unknown', '');
}

/** A formula's saved result, when it is a plain value; the streaming reader gives numbers for
 * numeric, boolean and error results alike (NaN for errors) and leaves dates as serials. */
function formulaResult(v: Record<string, unknown>, numFmt: string | undefined, date1904: boolean): Cell {
  const formula = `=${String(v.formula ?? v.sharedFormula ?? '')}`;
  const result = v.result;
  if (result === undefined || result === null || result === '') return new CellFault('formula', formula);
  if (typeof result === 'number') {
    if (!Number.isFinite(result)) return new CellFault('error', '#N/A');
    return isDateFormat(numFmt) ? excelDate(result, date1904) : result;
  }
  if (typeof result === 'object' && !(result instanceof Date)) {
    const plain = cellOf(result, numFmt, date1904);
    return plain instanceof CellFault ? plain : new CellFault('formula', formula);
  }
  return cellOf(result, numFmt, date1904);
}

/** exceljs's own test: a format with y, m, d, h or s outside quotes and brackets. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - EPOCH_DAYS[date1904 ? 1904 : 1900]) * 86_400_000));
}
