import { copyText } from '../database/copy-loader';
import type { RowError, RowValidator } from './row-validator';
import type { SheetRow } from './sheet-reader';
import { CellFault } from './xlsx-cell';

/** Validated rows as COPY text for `import_rows` and `import_errors`. */
export interface StagedBatch {
  rows: string;
  errors: string;
}

/** Validates a batch of data rows into COPY text: the rows with their values, and their errors. */
export function stagedBatch(validator: RowValidator, importId: number, rows: readonly SheetRow[]): StagedBatch {
  let staged = '';
  let errors = '';
  for (const row of rows) {
    const result = validator.validate(row.cells);
    const data = result.data && JSON.stringify(result.data);
    staged += `${importId}\t${row.number}\t${copyField(rawJson(row))}\t${copyField(data)}\t${copyField(result.businessKey)}\t${copyField(result.scopePath)}\n`;
    errors += errorLines(importId, row.number, result.errors);
  }
  return { rows: staged, errors };
}

/** The row's cells as uploaded (dates as days, unreadable cells as their text), as JSON: what the error workbook gives back. */
export function rawJson(row: SheetRow): string {
  return JSON.stringify(row.cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c instanceof CellFault ? c.text : c)));
}

/** A row's validation errors as COPY lines of `import_errors`. */
export function errorLines(importId: number, rowNumber: number, errors: readonly RowError[]): string {
  let lines = '';
  for (const error of errors) {
    lines += `${importId}\t${rowNumber}\t${copyField(error.column)}\trow\t${copyField(error.message.zh)}\t${copyField(error.message.en)}\n`;
  }
  return lines;
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** A text value in COPY format; most need no escaping, and testing first is cheaper. */
export function copyField(value: string | null): string {
  return value === null ? '\\N' : COPY_SPECIAL.test(value) ? copyText(value) : value;
}
