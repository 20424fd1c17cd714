import type { ImportLimits } from '@zizhu/schema';
import { parse } from 'csv-parse';
import { decodeStream } from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline, Transform } from 'node:stream';
import { IMPORT_LIMITS, ImportLimitError, ReadCancelledError } from './import-limits';
import type { SheetRow } from './sheet-row';
import { readXlsx } from './xlsx-reader';

export { type Cell, CellFault } from './xlsx-cell';

export type { SheetRow } from './sheet-row';

export type SheetKind = 'xlsx' | 'csv';

export interface SheetSource {
  path: string;
  kind: SheetKind;
  /** Called with the share of the file read so far (0–1). */
  onProgress?: (fraction: number) => void;
  /** Aborting stops the read between two chunks (a cancelled job); the rows then throw ReadCancelledError. */
  signal?: AbortSignal;
  limits?: ImportLimits;
}

export function sheetKind(fileName: string): SheetKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return null;
}

/**
 * Rows of the first worksheet (or the CSV file), streamed: memory stays flat whatever the
 * file holds, since reading stops at the first limit passed (ImportLimitError).
 */
export async function* readSheet(source: SheetSource): AsyncGenerator<SheetRow> {
  const limits = source.limits ?? IMPORT_LIMITS;
  const rows =
    source.kind === 'xlsx'
      ? readXlsx(source.path, { limits, signal: source.signal, onProgress: source.onProgress })
      : readCsv(source, limits, await detectEncoding(source.path));
  yield* withinLimits(rows, limits);
}

/** Rows (by count and number), columns and cell lengths, for both kinds of file. */
async function* withinLimits(rows: AsyncGenerator<SheetRow>, limits: ImportLimits): AsyncGenerator<SheetRow> {
  let count = 0;
  for await (const row of rows) {
    if (++count > limits.rows || row.number > limits.rows) throw new ImportLimitError('rows');
    if (row.cells.length > limits.columns) throw new ImportLimitError('columns');
    for (const cell of row.cells) if (typeof cell === 'string' && cell.length > limits.cellChars) throw new ImportLimitError('cellChars');
    yield row;
  }
}

async function* readCsv(source: SheetSource, limits: ImportLimits, encoding: 'utf8' | 'gb18030'): AsyncGenerator<SheetRow> {
  const size = (await stat(source.path)).size || 1;
  let bytes = 0;
  const { signal } = source;
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (signal?.aborted) return done(new ReadCancelledError());
      bytes += chunk.length;
      source.onProgress?.(Math.min(bytes / size, 1));
      done(null, chunk);
    },
  });
  const parser = pipeline(
    createReadStream(source.path, { highWaterMark: 64 * 1024 }),
    counting,
    decodeStream(encoding, { stripBOM: true }),
    // A line longer than the limit stops the parser at once, instead of growing one record.
    parse({ relax_column_count: true, skip_empty_lines: false, bom: true, info: true, max_record_size: limits.csvLineBytes }),
    () => undefined,
  );
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { number: record.info.lines, cells: record.record.map((v) => (v === '' ? null : v)) };
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') throw new ImportLimitError('csvLineBytes');
    throw error;
  } finally {
    parser.destroy();
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
