import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { RowValidator } from './row-validator';
import type { SheetRow } from './sheet-reader';
import { Pipeline } from './pipeline';
import { stagedBatch } from './staged-batch';

const BATCH = 2_000;
/**
 * Rows read or validated between two turns of the event loop: reading and checking a file
 * runs on the API's own thread, and what arrives meanwhile — a request, the answer to the
 * pipelined write's last statement — is handled in between (within a few milliseconds)
 * rather than after a stretch of the file. Each statement of a batch's write waits for
 * such a turn before the next is sent: at 200 rows a turn (and a whole batch validated in
 * one go) the database stood idle about half of a 1.5 M-row import.
 */
export const ROWS_PER_TURN = 50;

/** One turn of the event loop. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Characters of cell text per batch: wide rows of long cells flush sooner, so memory stays flat. */
const BATCH_CHARS = 4_000_000;
export const ROW_COLUMNS = ['import_id', 'row_number', 'raw', 'data', 'business_key', 'scope_path'];
export const ERROR_COLUMNS = ['import_id', 'row_number', 'column_header', 'stage', 'message_zh', 'message_en'];

/** A file's rows after its header, read in batches. */
export interface BatchedRows {
  /** The file's rows after `head`, read by hand (leaving a for-await would close the file). */
  rows: AsyncGenerator<SheetRow>;
  /** Rows already read while looking for the header. */
  head: SheetRow[];
  headerRow: number;
  isCancelled(): boolean;
}

export interface StagingInput extends BatchedRows {
  importId: number;
  validator: RowValidator;
  /** Called after each batch of data rows with the count so far (progress reports). */
  onRows(rowsRead: number): Promise<void>;
}

/**
 * The data rows (blank ones skipped) in batches of BATCH rows, or fewer when their text is
 * long, handed to `onBatch` in order; the file is closed when reading stops for any reason.
 */
export async function readBatches(
  input: BatchedRows,
  onBatch: (batch: SheetRow[], rowsRead: number) => Promise<void>,
): Promise<{ rowsRead: number; cancelled: boolean }> {
  const { rows, headerRow } = input;
  let batch: SheetRow[] = [];
  let batchChars = 0;
  let rowsRead = 0;
  const flush = async () => {
    if (!batch.length) return;
    const full = batch;
    batch = [];
    batchChars = 0;
    await onBatch(full, rowsRead);
  };
  let sinceTurn = 0;
  const handle = async (row: SheetRow) => {
    if (++sinceTurn >= ROWS_PER_TURN) {
      sinceTurn = 0;
      await nextTurn();
    }
    if (row.number <= headerRow || row.cells.every((c) => c === null || String(c).trim() === '')) return;
    rowsRead++;
    batch.push(row);
    for (const cell of row.cells) if (typeof cell === 'string') batchChars += cell.length;
    if (batch.length >= BATCH || batchChars >= BATCH_CHARS) await flush();
  };
  try {
    for (const row of input.head) await handle(row);
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      if (input.isCancelled()) {
        await rows.return(undefined);
        return { rowsRead, cancelled: true };
      }
      await handle(next.value);
    }
    await flush();
    return { rowsRead, cancelled: false };
  } catch (error) {
    await rows.return(undefined);
    throw error;
  }
}

/**
 * Validates every data row and stages it with its errors through COPY, in batches turned
 * straight into COPY text, one COPY in flight while the next batch is read and validated.
 */
export async function stageRows(db: DataSource, input: StagingInput): Promise<{ rowsRead: number; cancelled: boolean }> {
  const { importId, validator } = input;
  const runner = db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  const copies = new Pipeline();
  try {
    const read = await readBatches(input, async (batch, rowsRead) => {
      const { rows: staged, errors } = stagedBatch(validator, importId, batch);
      await copies.next(async () => {
        await copyLines(client, 'import_rows', ROW_COLUMNS, staged);
        await copyLines(client, 'import_errors', ERROR_COLUMNS, errors);
      });
      await input.onRows(rowsRead);
    });
    await copies.drain();
    return read;
  } finally {
    await copies.settle();
    await runner.release();
  }
}

/** COPY of text already in COPY format (one line a row). */
export async function copyLines(client: PoolClient, table: string, columns: readonly string[], text: string): Promise<void> {
  if (!text) return;
  const sink = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  await new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
    sink.end(text);
  });
}
