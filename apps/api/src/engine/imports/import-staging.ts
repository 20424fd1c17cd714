import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { RowValidator } from './row-validator';
import type { SheetRow } from './sheet-reader';
import { stagedBatch } from './staged-batch';

const BATCH = 2_000;
/** Characters of cell text per batch: wide rows of long cells flush sooner, so memory stays flat. */
const BATCH_CHARS = 4_000_000;
const ROW_COLUMNS = ['import_id', 'row_number', 'raw', 'data', 'business_key', 'scope_path'];
const ERROR_COLUMNS = ['import_id', 'row_number', 'column_header', 'stage', 'message_zh', 'message_en'];

export interface StagingInput {
  importId: number;
  /** The file's rows after `head`, read by hand (leaving a for-await would close the file). */
  rows: AsyncGenerator<SheetRow>;
  /** Rows already read while looking for the header. */
  head: SheetRow[];
  headerRow: number;
  validator: RowValidator;
  isCancelled(): boolean;
  /** Called after each batch of data rows with the count so far (progress reports). */
  onRows(rowsRead: number): Promise<void>;
}

/**
 * Validates every data row and stages it with its errors through COPY, in batches turned
 * straight into COPY text, one COPY in flight while the next batch is read and validated.
 */
export async function stageRows(db: DataSource, input: StagingInput): Promise<{ rowsRead: number; cancelled: boolean }> {
  const { importId, rows, headerRow, validator } = input;
  const runner = db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  let batch: SheetRow[] = [];
  let batchChars = 0;
  let rowsRead = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const dispatch = async () => {
    if (!batch.length) return;
    const { rows: staged, errors } = stagedBatch(validator, importId, batch);
    batch = [];
    batchChars = 0;
    await inFlight;
    inFlight = (async () => {
      await copyLines(client, 'import_rows', ROW_COLUMNS, staged);
      await copyLines(client, 'import_errors', ERROR_COLUMNS, errors);
    })();
    await input.onRows(rowsRead);
  };
  const handle = async (row: SheetRow) => {
    if (row.number <= headerRow || row.cells.every((c) => c === null || String(c).trim() === '')) return;
    rowsRead++;
    batch.push(row);
    for (const cell of row.cells) if (typeof cell === 'string') batchChars += cell.length;
    if (batch.length >= BATCH || batchChars >= BATCH_CHARS) await dispatch();
  };
  try {
    for (const row of input.head) await handle(row);
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      if (input.isCancelled()) {
        await rows.return(undefined);
        await inFlight.catch(() => undefined);
        return { rowsRead, cancelled: true };
      }
      await handle(next.value);
    }
    await dispatch();
    await inFlight;
    return { rowsRead, cancelled: false };
  } catch (error) {
    await rows.return(undefined);
    await inFlight.catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/** COPY of text already in COPY format (one line a row). */
async function copyLines(client: PoolClient, table: string, columns: readonly string[], text: string): Promise<void> {
  if (!text) return;
  const sink = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  await new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
    sink.end(text);
  });
}
