import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { copyRows } from '../database/copy-loader';
import type { RowValidator } from './row-validator';
import type { SheetRow } from './sheet-reader';

const BATCH = 2_000;
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
  /** Called after each data row with the count so far (progress reports). */
  onRow(rowsRead: number): Promise<void>;
}

/**
 * Validates every data row and stages it with its errors through COPY, in batches, one
 * COPY in flight while the next batch is read and validated.
 */
export async function stageRows(db: DataSource, input: StagingInput): Promise<{ rowsRead: number; cancelled: boolean }> {
  const { importId: id, rows, validator, headerRow } = input;
  const runner = db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  let staged: unknown[][] = [];
  let errors: unknown[][] = [];
  let rowsRead = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const [rowBatch, errorBatch] = [staged, errors];
    staged = [];
    errors = [];
    await inFlight;
    inFlight = (async () => {
      if (rowBatch.length) await copyRows(client, 'import_rows', ROW_COLUMNS, rowBatch);
      if (errorBatch.length) await copyRows(client, 'import_errors', ERROR_COLUMNS, errorBatch);
    })();
  };
  const handle = async (row: SheetRow) => {
    if (row.number <= headerRow || row.cells.every((c) => c === null || String(c).trim() === '')) return;
    rowsRead++;
    const result = validator.validate(row.cells);
    const raw = row.cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c));
    staged.push([id, row.number, JSON.stringify(raw), result.data && JSON.stringify(result.data), result.businessKey, result.scopePath]);
    for (const error of result.errors) errors.push([id, row.number, error.column, 'row', error.message.zh, error.message.en]);
    if (staged.length >= BATCH) await flush();
    await input.onRow(rowsRead);
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
    await flush();
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
