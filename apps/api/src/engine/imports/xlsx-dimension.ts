/// <reference path="./unzipper.d.ts" />
import { Open } from 'unzipper';

interface ZipEntry {
  path: string;
  uncompressedSize: number;
  stream(): NodeJS.ReadableStream & { destroy(): void };
}

/** How many rows to sample when the sheet does not declare its size. */
const SAMPLE_BYTES = 64 * 1024;

export interface SheetSize {
  lastRow: number;
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
    const directory: { files: ZipEntry[] } = await Open.file(path);
    const sheet = directory.files
      .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.path))
      .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }))[0];
    if (!sheet) return null;
    const stream = sheet.stream();
    let head = '';
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      head += chunk.toString('latin1');
      const data = head.indexOf('<sheetData');
      if ((data < 0 && head.length > 8192) || (data >= 0 && head.length - data > SAMPLE_BYTES)) break;
    }
    stream.destroy();
    const declared = /<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(head);
    if (declared?.[1]) return { lastRow: Number(declared[1]), exact: true };
    return estimate(head, sheet.uncompressedSize);
  } catch {
    return null;
  }
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
