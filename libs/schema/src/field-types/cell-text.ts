import type { FieldDeclaration } from '../field';

/** Words a clerk writes for yes and no in a spreadsheet. */
export const TRUE_WORDS: ReadonlySet<string> = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '寄宿', '启用']);
export const FALSE_WORDS: ReadonlySet<string> = new Set(['否', 'n', 'no', 'false', '0', '×', '走读', '停用']);

/** Excel keeps 15 significant digits: longer numbers stored as numbers are already wrong. */
export function lostPrecision(n: number): boolean {
  return Math.abs(n) >= 1e15 || !Number.isInteger(n);
}

/** Exports prefix text that looks like a formula with `'` (formula-safety.ts); a file
 * coming back from an export gets its text as it was. */
export function unquoteFormulaGuard(text: string): string {
  return /^'[=+\-@\t\r＝＋－＠]/.test(text) ? text.slice(1) : text;
}

/** An option's value from its value, its Chinese or its English label; unknown text as it is. */
export function optionValue(field: Pick<FieldDeclaration, 'options'>, text: string): string {
  const wanted = text.trim().toLowerCase();
  const option = field.options?.find((o) => o.value === wanted || o.label.zh === text.trim() || o.label.en.toLowerCase() === wanted);
  return option?.value ?? text.trim();
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** 2012/3/5, 2012.3.5, 2012-3-5, 2012年3月5日 and 20120305 all mean 2012-03-05. */
export function parseDateText(text: string): string {
  const t = text.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : t;
}

/** A number cell as it is, number-like text as a number, anything else as text for the checks to name. */
export function numberFromCell(cell: string | number | boolean | Date): number | string {
  return typeof cell === 'number' ? cell : Number.isNaN(Number(cell)) ? String(cell) : Number(cell);
}
