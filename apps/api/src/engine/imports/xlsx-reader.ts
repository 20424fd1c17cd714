import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { ImportLimitError, type ImportLimitName } from './import-limits';
import type { ImportLimits } from '@zizhu/schema';
import { readSharedStrings, SharedStrings } from './shared-strings';
import { rowCells } from './xlsx-cell';
import { type InflateOptions, InflateBudget, inflateEntry, zipDirectory, type ZipEntry } from './zip-entries';
import type { SheetRow } from './sheet-row';

/** The parts of exceljs's streaming workbook reader driven here, one part at a time. */
interface WorkbookReaderParts {
  properties?: { model?: { date1904?: boolean } };
  sharedStrings?: unknown;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseWorksheet(chunks: AsyncIterable<Buffer>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

export interface XlsxReadOptions {
  limits: ImportLimits;
  signal?: AbortSignal;
  /** Share of the sheet read so far (0–1, from its declared size). */
  onProgress?: (fraction: number) => void;
}

/**
 * Rows of a workbook's first sheet. exceljs parses each part, but the zip is read here:
 * every part is inflated and counted as it streams (a part past its limit, or all of them
 * past theirs, stops the read), the parts are taken in the order they are needed (no
 * sheet parked in a temp file while the shared strings are looked for), and rows, columns
 * and cell lengths are checked as rows come.
 */
export async function* readXlsx(path: string, options: XlsxReadOptions): AsyncGenerator<SheetRow> {
  const { limits, signal } = options;
  const entries = await zipDirectory(path, limits.zipEntries);
  const budget = new InflateBudget(limits.totalBytes);
  const maxMarkupGap = limits.cellChars * 6 + 1024; // 3 bytes a Chinese character, entities up to 6
  const part = (entry: ZipEntry, limit: ImportLimitName, extra: Partial<InflateOptions> = {}) =>
    inflateEntry(path, entry, { limit, maxBytes: limits[limit], budget, maxMarkupGap, signal, ...extra });

  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'ignore', // read compactly here
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as WorkbookReaderParts;
  const book = entries.get('xl/workbook.xml');
  if (book) await workbook._parseWorkbook(Readable.from(part(book, 'partBytes')));
  workbook.properties ??= { model: {} };
  const styles = entries.get('xl/styles.xml');
  if (styles) await workbook._parseStyles(Readable.from(part(styles, 'partBytes')));
  const shared = entries.get('xl/sharedStrings.xml');
  workbook.sharedStrings = (shared ? await readSharedStrings(part(shared, 'sharedStringsBytes')) : new SharedStrings()).asArray();

  const sheet = firstSheet(entries);
  if (!sheet) throw new Error('no worksheet');
  const declared = sheet.uncompressedSize || 0;
  const chunks = part(sheet, 'sheetBytes', { onBytes: declared ? (bytes) => options.onProgress?.(Math.min(bytes / declared, 1)) : undefined });
  const [{ value: rows }] = [...workbook._parseWorksheet(chunks, /sheet(\d+)\.xml$/.exec(sheet.path)![1])];
  const date1904 = !!workbook.properties.model?.date1904;
  let count = 0;
  for await (const row of rows) {
    count++;
    if (count > limits.rows || row.number > limits.rows) throw new ImportLimitError('rows');
    const cells = rowCells(row, date1904, limits.columns);
    // Rows with no value (formatted or bomb-made) are counted against the limits but not handed on.
    if (cells.length) yield { number: row.number, cells };
  }
}

/** The workbook's first sheet: the lowest-numbered worksheet part. */
export function firstSheet(entries: Map<string, ZipEntry>): ZipEntry | undefined {
  const sheetNumber = (path: string) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path)?.[1] ?? NaN);
  return [...entries.values()]
    .filter((entry) => Number.isInteger(sheetNumber(entry.path)))
    .sort((a, b) => sheetNumber(a.path) - sheetNumber(b.path))[0];
}
