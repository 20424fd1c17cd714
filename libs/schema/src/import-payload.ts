/** Import jobs as `GET /api/imports/:id` describes them (the panel and scripts read this). */
export type ImportMode = 'insert' | 'update' | 'upsert';

export type ImportStatus = 'validating' | 'validated' | 'committing' | 'committed' | 'failed' | 'cancelled';

export interface ImportCounts {
  /** Data rows in the file (blank rows excluded). */
  total: number;
  valid: number;
  invalid: number;
  /** Valid rows that would create a record / change one / change nothing. */
  new: number;
  toUpdate: number;
  unchanged: number;
  /** After commit: what was written. */
  inserted: number;
  updated: number;
}

export interface ImportColumn {
  /** 1-based column number as Excel shows it (A = 1). */
  index: number;
  header: string;
  /** The field the column feeds, or null when ignored. */
  field: string | null;
}

export interface ImportRowError {
  /** Row number as Excel shows it. */
  row: number;
  /** Column header as in the file ('' for row-level problems). */
  column: string;
  message: string;
}

export interface ImportJob {
  id: number;
  resource: string;
  fileName: string;
  mode: ImportMode;
  status: ImportStatus;
  /** `estimated`: totalRows comes from the sheet's size, not from its own declaration. */
  progress: { rowsRead: number; totalRows: number | null; percent: number; estimated?: boolean };
  counts: ImportCounts;
  mapping: { headerRow: number; columns: ImportColumn[] };
  /** Fields the resource accepts in imports, for adjusting the mapping. */
  fields: { key: string; label: string; required: boolean }[];
  /** The first 1,000 errors; the error workbook holds them all. */
  errors: ImportRowError[];
  errorCount: number;
  allOrNothing: boolean | null;
  /** Read, checked and written in one pass (no preview): progress counts rows written while status is committing. */
  commitWhileReading: boolean;
  /** Why the job failed or a commit was refused, in the caller's language. */
  message: string | null;
  createdAt: string;
  /** The history record's own fields (the panel's record view reads this route too). */
  startedAt: string;
  userId: number;
  finishedAt: string | null;
}

/**
 * What an uploaded file may hold (`GET /api/imports/limits`); a file past any of them is
 * refused with the limit named (422 at upload, or the job fails with it). Sizes in bytes.
 */
export interface ImportLimits {
  fileBytes: number;
  fileNameChars: number;
  /** Data rows read (by count and by row number), and columns holding a value. */
  rows: number;
  columns: number;
  /** Characters in one cell (Excel's own limit); bytes in one CSV line. */
  cellChars: number;
  csvLineBytes: number;
  /** .xlsx: parts in the zip; uncompressed bytes of the sheet, of the shared strings, of any other part read, and of all parts read together. */
  zipEntries: number;
  sheetBytes: number;
  sharedStringsBytes: number;
  partBytes: number;
  totalBytes: number;
  /** Files from this size up are offered (and preset to) commit while reading: one pass, no preview. */
  commitWhileReadingBytes: number;
}
