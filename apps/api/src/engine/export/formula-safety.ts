/**
 * Characters that make Excel or WPS read a cell as a formula (or a DDE call) when the file
 * is opened or the cell is edited: `=`, `+`, `-`, `@`, tab and carriage return (OWASP
 * "CSV injection"), and their full-width forms, which Chinese input methods produce and
 * WPS also evaluates.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

/** `-12` or `-3.50`: read as a number by every spreadsheet, never as a formula. */
const PLAIN_NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

/** Whether a text value would start a formula in a spreadsheet. */
export function startsFormula(value: string): boolean {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]) && !PLAIN_NEGATIVE_NUMBER.test(value);
}

/**
 * A text value that can never execute: a leading `'` is added when it would start a
 * formula. The file writers (xlsx-sheet.writer.ts, csv-sheet.writer.ts) apply it to every
 * text they write — headers, headings and cells: an xlsx string cell is not evaluated on
 * opening, but Excel and WPS re-evaluate it once a user edits the cell.
 */
export function neutralizeFormula(value: string): string {
  return startsFormula(value) ? `'${value}` : value;
}
