import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { commitRows } from './import-commit';
import { addOutcomes, faultMessageSql, IS_FAULT, type MatchContext, matchedRowsSql, matchParams, OUTCOMES_TABLE, type RowCounts } from './import-matching';
import { type BatchedRows, copyLines, ERROR_COLUMNS, nextTurn, readBatches, ROW_COLUMNS, ROWS_PER_TURN } from './import-staging';
import { Pipeline } from './pipeline';
import type { RowValidator } from './row-validator';
import type { SheetRow } from './sheet-reader';
import { copyField, errorLines, rawJson } from './staged-batch';
import { StepTimes } from './step-times';
import { TypedBatch } from './typed-batch';

/** Matching and writing sort and hash a batch against the stored table: more than the default 4 MB. */
const WORK_MEM = '64MB';

export interface DirectInput extends BatchedRows {
  ctx: MatchContext;
  validator: RowValidator;
  /** Write nothing unless every row can be written. */
  allOrNothing: boolean;
  /** Called after each batch has been read, with the count so far (progress reports). */
  onRows(rowsRead: number): Promise<void>;
  /**
   * Called inside the transaction once every row is written: marks the job committed and
   * audits it. False when the job was cancelled meanwhile: everything is rolled back.
   */
  finish(manager: EntityManager, outcome: DirectCounts): Promise<boolean>;
}

export interface DirectCounts {
  counts: RowCounts;
  inserted: number;
  updated: number;
}

export type DirectResult = (({ kind: 'committed' } & DirectCounts) | ({ kind: 'refused' } & DirectCounts) | { kind: 'cancelled' }) & {
  /** Where the time went: the database's steps (summed over batches), validating, and reading waiting for the database. */
  steps: StepTimes;
};

/** A validated batch: its valid rows as typed COPY text, its invalid rows' errors, the rows themselves (for the error workbook). */
interface ValidatedBatch {
  typed: string;
  errors: string;
  invalid: Set<number>;
  rows: SheetRow[];
}

/**
 * Reads, validates, matches and writes a file in one pass, in batches, inside one
 * transaction: while PostgreSQL matches and writes batch k, Node reads and validates batch
 * k+1. Valid rows go to a typed temporary table (no JSON to cast again), are matched against
 * stored data and against the keys of earlier batches (duplicates), and are written by the
 * same statements as a previewed commit. Rows that cannot be written are kept with their
 * errors in the import's staging, on a second connection outside the transaction, so the
 * error workbook reads as after a preview even when the transaction is rolled back (a
 * refused all-or-nothing import, a cancel, a failure).
 */
export async function commitWhileReading(db: DataSource, input: DirectInput): Promise<DirectResult> {
  const { ctx } = input;
  const typed = new TypedBatch(ctx);
  const runner = db.createQueryRunner();
  const errorsRunner = db.createQueryRunner();
  const writes = new Pipeline();
  const counts: RowCounts = { new: 0, update: 0, unchanged: 0, invalid: 0 };
  const written = { inserted: 0, updated: 0 };
  const steps = new StepTimes();
  try {
    const client = (await runner.connect()) as PoolClient;
    const errorsClient = (await errorsRunner.connect()) as PoolClient;
    const manager = runner.manager;
    await runner.startTransaction();
    await manager.query(`SET LOCAL work_mem = '${WORK_MEM}'`);
    for (const sql of typed.createSql()) await manager.query(sql);
    await manager.query(
      `CREATE TEMPORARY TABLE ${OUTCOMES_TABLE} ON COMMIT DROP AS
       SELECT m.row_number, m.target_id, m.first_row, m.outcome FROM (${matchedRowsSql(ctx, typed.staged)}) m WITH NO DATA`,
      matchParams(ctx),
    );
    await manager.query(`CREATE UNIQUE INDEX ON ${OUTCOMES_TABLE} (row_number)`);

    const writeBatch = async (batch: ValidatedBatch) => {
      await steps.time('stage', async () => {
        await manager.query(`TRUNCATE ${OUTCOMES_TABLE}, ${typed.table}`);
        await copyLines(client, typed.table, typed.columns, batch.typed);
      });
      await steps.time('match', () =>
        manager.query(
          `INSERT INTO ${OUTCOMES_TABLE} SELECT m.row_number, m.target_id, m.first_row, m.outcome FROM (${matchedRowsSql(ctx, typed.staged)}) m`,
          matchParams(ctx),
        ),
      );
      await steps.time('remember keys', () => manager.query(typed.rememberSql()));
      const faults = await steps.time('count outcomes', async () => {
        const found: { row_number: number; zh: string; en: string }[] = await manager.query(
          `SELECT row_number, ${faultMessageSql(ctx, 0)} AS zh, ${faultMessageSql(ctx, 1)} AS en FROM ${OUTCOMES_TABLE} WHERE ${IS_FAULT} ORDER BY row_number`,
        );
        addOutcomes(counts, await manager.query(`SELECT outcome, count(*)::int AS n FROM ${OUTCOMES_TABLE} GROUP BY outcome`));
        return found;
      });
      counts.invalid += batch.invalid.size;
      if (!(input.allOrNothing && counts.invalid > 0)) {
        const batchWritten = await steps.time('write records and links', () => commitRows(manager, ctx, typed.staged));
        written.inserted += batchWritten.inserted;
        written.updated += batchWritten.updated;
      }
      await steps.time('keep failing rows', () => keepFailingRows(errorsClient, ctx, batch, faults));
    };

    const read = await readBatches(input, async (rows, rowsRead) => {
      const batch = await validateBatch(input.validator, typed, ctx.importId, rows, steps);
      await steps.time('reading waits for the database', () => writes.next(() => writeBatch(batch)));
      await input.onRows(rowsRead);
    });
    await steps.time('reading waits for the database', () => writes.drain());
    if (read.cancelled) {
      await runner.rollbackTransaction();
      return { kind: 'cancelled', steps };
    }
    const outcome = { counts, ...written };
    if (input.allOrNothing && counts.invalid > 0) {
      await runner.rollbackTransaction();
      return { kind: 'refused', counts, inserted: 0, updated: 0, steps };
    }
    if (!(await input.finish(manager, outcome))) {
      await runner.rollbackTransaction();
      return { kind: 'cancelled', steps };
    }
    await steps.time('commit', () => runner.commitTransaction());
    return { kind: 'committed', ...outcome, steps };
  } catch (error) {
    await writes.settle();
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
    await errorsRunner.release();
  }
}

/** Validates a batch a stretch of rows at a time, letting the event loop turn in between (see ROWS_PER_TURN). */
async function validateBatch(validator: RowValidator, typed: TypedBatch, importId: number, rows: SheetRow[], steps: StepTimes): Promise<ValidatedBatch> {
  let lines = '';
  let errors = '';
  const invalid = new Set<number>();
  for (let from = 0; from < rows.length; from += ROWS_PER_TURN) {
    if (from) await nextTurn();
    steps.timeSync('validate (Node)', () => {
      for (const row of rows.slice(from, from + ROWS_PER_TURN)) {
        const result = validator.validate(row.cells);
        if (result.data) {
          lines += typed.line(row.number, result);
        } else {
          invalid.add(row.number);
          errors += errorLines(importId, row.number, result.errors);
        }
      }
    });
  }
  return { typed: lines, errors, invalid, rows };
}

/** The batch's rows that cannot be written, as uploaded, and why: invalid ones and those matching rejected. */
async function keepFailingRows(client: PoolClient, ctx: MatchContext, batch: ValidatedBatch, faults: { row_number: number; zh: string; en: string }[]): Promise<void> {
  if (!batch.invalid.size && !faults.length) return;
  const failing = new Set([...batch.invalid, ...faults.map((f) => f.row_number)]);
  let rows = '';
  for (const row of batch.rows) {
    if (failing.has(row.number)) rows += `${ctx.importId}\t${row.number}\t${copyField(rawJson(row))}\t\\N\t\\N\t\\N\n`;
  }
  let errors = batch.errors;
  for (const fault of faults) {
    errors += `${ctx.importId}\t${fault.row_number}\t${copyField(ctx.keyHeader)}\tmatch\t${copyField(fault.zh)}\t${copyField(fault.en)}\n`;
  }
  await copyLines(client, 'import_rows', ROW_COLUMNS, rows);
  await copyLines(client, 'import_errors', ERROR_COLUMNS, errors);
}
