import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { decodeStream } from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';

import { type Cell, rowCells } from './xlsx-cell';

export { type Cell, CellFault } from './xlsx-cell';

export interface SheetRow {
  /** Row number as Excel (or a text editor, for CSV) shows it. */
  number: number;
  cells: Cell[];
}

export type SheetKind = 'xlsx' | 'csv';

export interface SheetSource {
  path: string;
  kind: SheetKind;
  /** Called with the share of the file read so far (0–1). */
  onProgress?: (fraction: number) => void;
}

export function sheetKind(fileName: string): SheetKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return null;
}

/** Rows of the first worksheet (or the CSV file), streamed: memory stays flat. */
export async function* readSheet(source: SheetSource): AsyncGenerator<SheetRow> {
  const size = (await stat(source.path)).size || 1;
  let bytes = 0;
  // A fresh counting stream per attempt (a retried .xlsx is read from the start again).
  const open = () => {
    bytes = 0;
    const counting = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        source.onProgress?.(Math.min(bytes / size, 1));
        done(null, chunk);
      },
    });
    return createReadStream(source.path).pipe(counting);
  };
  if (source.kind === 'xlsx') yield* readXlsxRetrying(open);
  else yield* readCsv(open(), await detectEncoding(source.path));
}

/** Attempts at a workbook exceljs fails on before its first row. */
const XLSX_ATTEMPTS = 3;

/**
 * exceljs 4.4's streaming reader now and then (about 1 read in 500) fails on a valid file
 * whose xl/workbook.xml comes after its sheets — Excel's own layout — with "Cannot read
 * properties of undefined (reading 'sheets')": a race in its unzip stream. Such a failure
 * comes before any row, so reading the file again is safe; a failure after rows were
 * handed out is passed on.
 */
async function* readXlsxRetrying(open: () => Readable): AsyncGenerator<SheetRow> {
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const row of readXlsx(open())) {
        yielded = true;
        yield row;
      }
      return;
    } catch (error) {
      if (yielded || attempt >= XLSX_ATTEMPTS) throw error;
    }
  }
}

async function* readXlsx(input: Readable): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      yield { number: (row as ExcelJS.Row).number, cells: rowCells(row as ExcelJS.Row) };
    }
    return; // the first worksheet holds the data; others (instructions) are ignored
  }
}

async function* readCsv(input: Readable, encoding: 'utf8' | 'gb18030'): AsyncGenerator<SheetRow> {
  const parser = input.pipe(decodeStream(encoding, { stripBOM: true })).pipe(
    parse({ relax_column_count: true, skip_empty_lines: false, bom: true, info: true }),
  );
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { number: record.info.lines, cells: record.record.map((v) => (v === '' ? null : v)) };
  }
}

/**
 * Excel in China saves CSV as GBK (GB18030 is its superset). A file is UTF-8 if it has a
 * BOM or its start decodes as strict UTF-8; otherwise it is read as GB18030.
 */
export async function detectEncoding(path: string): Promise<'utf8' | 'gb18030'> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    let sample = buffer.subarray(0, bytesRead);
    if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
    // Cut at the last newline so a multi-byte character is never split.
    const lastNewline = sample.lastIndexOf(0x0a);
    if (bytesRead === buffer.length && lastNewline > 0) sample = sample.subarray(0, lastNewline);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample);
      return 'utf8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await handle.close();
  }
}
