import type { Cell } from './xlsx-cell';

/** One row of an uploaded sheet (.xlsx or .csv), as the readers yield it. */
export interface SheetRow {
  /** Row number as Excel (or a text editor, for CSV) shows it. */
  number: number;
  cells: Cell[];
}
