import { IMPORT_LIMITS } from './import-limits';
import { firstSheet } from './xlsx-reader';
import { InflateBudget, inflateEntry, zipDirectory } from './zip-entries';

/** How many rows to sample when the sheet does not declare its size. */
const SAMPLE_BYTES = 64 * 1024;

export interface SheetSize {
  lastRow: number;
  /** The last column the sheet declares (A = 1), when it declares one. */
  lastColumn?: number;
  /** False when estimated from the sheet's size and its first rows (no `<dimension>`). */
  exact: boolean;
}

/**
 * The last row number of a workbook's first sheet, read from the first kilobytes of the
 * sheet: enough to show real progress without reading the file twice. Excel and WPS write
 * `<dimension ref="A1:L1500001"/>` near the top; streaming writers (exceljs's among them)
 * cannot, so then it is estimated from the sheet's uncompressed size (the zip directory
 * says it) divided by the bytes per row of its first rows: a roster's rows are alike, so
 * the estimate is close, and it is shown as one.
 */
export async function sheetSize(path: string): Promise<SheetSize | null> {
  try {
    const sheet = firstSheet(await zipDirectory(path, IMPORT_LIMITS.zipEntries));
    if (!sheet) return null;
    let head = '';
    const chunks = inflateEntry(path, sheet, {
      limit: 'sheetBytes',
      maxBytes: IMPORT_LIMITS.sheetBytes,
      budget: new InflateBudget(IMPORT_LIMITS.totalBytes),
      maxMarkupGap: Infinity,
    });
    for await (const chunk of chunks) {
      head += chunk.toString('latin1');
      const data = head.indexOf('<sheetData');
      if ((data < 0 && head.length > 8192) || (data >= 0 && head.length - data > SAMPLE_BYTES)) break;
    }
    const declared = /<dimension ref="[A-Z]+\d+(?::([A-Z]+)(\d+))?"/.exec(head);
    if (declared?.[2]) return { lastRow: Number(declared[2]), lastColumn: columnNumber(declared[1]), exact: true };
    return estimate(head, sheet.uncompressedSize);
  } catch {
    return null;
  }
}

/** AB → 28. */
function columnNumber(letters: string): number {
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

/** Rows in the whole sheet, from the sampled head's bytes per row (latin1: one char a byte). */
function estimate(head: string, size: number): SheetSize | null {
  const start = head.indexOf('<sheetData');
  const lastEnd = head.lastIndexOf('</row>');
  if (start < 0 || lastEnd < start || !size) return null;
  const sample = head.slice(start, lastEnd + '</row>'.length);
  const numbers = [...sample.matchAll(/<row [^>]*?r="(\d+)"/g)].map((m) => Number(m[1]));
  if (head.length >= size && numbers.length) return { lastRow: numbers[numbers.length - 1], exact: true }; // all of it was read
  if (numbers.length < 2) return null;
  const bytesPerRow = sample.length / numbers.length;
  const rows = Math.round((size - start) / bytesPerRow);
  return { lastRow: numbers[0] - 1 + Math.max(rows, numbers.length), exact: false };
}
