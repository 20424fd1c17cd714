import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { disbursementBatchResource, disbursementResource } from '@zizhu/funds';
import { type BankResultSummary, formatYuan, type Localized, type SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import { readSheet, type SheetKind } from '../../engine/imports/sheet-reader';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { readScope } from '../../engine/scope/scope';
import {
  allowedTransition,
  type BankRow,
  type BankRowError,
  type ColumnMap,
  headerColumns,
  readBankRow,
  statusLabel,
} from './bank-result-rows';
import { refreshBatch } from './disbursement-batch.behaviour';
import { FUND_MESSAGES } from './fund-messages';
import { fen } from './fund-sql';

/** Rows shown in a 422; the count says how many there are in all. */
const MAX_REPORTED_ERRORS = 200;
/** Title rows and banners a bank puts above its header. */
const HEADER_SEARCH_ROWS = 30;


/**
 * 银行回盘: the bank's result file for a batch marks each line paid, failed (with the
 * bank's reason) or returned — all or nothing. Every row is checked first (serial in the
 * batch, once in the file, a result the line may take, amount equal to the line's, a
 * reason for failures); one bad row and nothing is written, and the answer lists every
 * bad row by its Excel row number. Then one UPDATE … FROM writes the lines and their
 * audit rows.
 */
@Injectable()
export class BankResultService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
  ) {}

  async apply(batchId: string, file: { path: string; kind: SheetKind }, user: SessionUser): Promise<BankResultSummary> {
    const batch = await this.reader.findRow(this.db.manager, disbursementBatchResource, batchId, readScope(disbursementBatchResource, user));
    if (!batch) throw ApiException.notFound();
    const rows = await readRows(file);

    return this.db.transaction(async (manager) => {
      // One result file at a time per batch; re-issues into the batch wait too.
      await manager.query('SELECT id FROM disbursement_batches WHERE id = $1 FOR UPDATE', [batch.id]);
      const serials = rows.map((r) => r.serialNo ?? '');
      const lines: { id: number; serial_no: string; status: string; amount: string }[] = await manager.query(
        'SELECT id, serial_no, status, amount FROM disbursements WHERE batch_id = $1 AND serial_no = ANY($2::text[])',
        [batch.id, serials],
      );
      const bySerial = new Map(lines.map((l) => [l.serial_no, l]));
      const errors: BankRowError[] = rows.flatMap((r) => r.errors);
      const firstRow = new Map<string, number>();
      const updates: { id: number; status: string; reason: string | null; date: string | null }[] = [];
      let unchanged = 0;
      for (const r of rows) {
        if (!r.serialNo) continue;
        const fail = (column: string, message: Localized) => errors.push({ row: r.row, column, message });
        const seen = firstRow.get(r.serialNo);
        if (seen !== undefined) fail('流水号', FUND_MESSAGES.serialTwice(seen));
        else firstRow.set(r.serialNo, r.row);
        const line = bySerial.get(r.serialNo);
        if (!line) {
          fail('流水号', FUND_MESSAGES.serialUnknown);
          continue;
        }
        if (r.amount !== null && r.amount !== fen(line.amount)) fail('金额', FUND_MESSAGES.amountDiffers(formatYuan(fen(line.amount))));
        if (!r.status) continue;
        if (!allowedTransition(line.status, r.status)) fail('发放结果', FUND_MESSAGES.transition(statusLabel(line.status), statusLabel(r.status)));
        else if (line.status === r.status) unchanged++;
        else updates.push({ id: line.id, status: r.status, reason: r.status === 'paid' ? null : r.reason, date: r.date });
      }
      if (errors.length) throw rowErrors(errors);

      if (updates.length) {
        await manager.query(
          `WITH v AS (SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::date[]) AS v(id, status, reason, date)),
           before AS (
             SELECT d.id, d.status, d.bank_reason, d.date, d.scope_path FROM disbursements d JOIN v ON v.id = d.id),
           changed AS (
             UPDATE disbursements d SET status = v.status, bank_reason = v.reason, date = COALESCE(v.date, d.date),
                    settled_at = now(), version = d.version + 1, updated_at = now()
               FROM v WHERE d.id = v.id
             RETURNING d.id, d.status, d.bank_reason, d.date)
           INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
           SELECT now(), $5, 'update', '${disbursementResource.name}', c.id::text,
                  jsonb_build_object('status', b.status, 'bankReason', b.bank_reason, 'date', b.date),
                  jsonb_build_object('status', c.status, 'bankReason', c.bank_reason, 'date', c.date),
                  b.scope_path
             FROM changed c JOIN before b ON b.id = c.id`,
          [updates.map((u) => u.id), updates.map((u) => u.status), updates.map((u) => u.reason), updates.map((u) => u.date), user.id],
        );
      }
      await refreshBatch(manager, batch.id as number);
      const count = (status: string) => updates.filter((u) => u.status === status).length;
      return { rows: rows.length, paid: count('paid'), failed: count('failed'), returned: count('returned'), unchanged };
    });
  }
}

/** The file's data rows below its header (streamed; rows kept are small). */
async function readRows(file: { path: string; kind: SheetKind }): Promise<BankRow[]> {
  let columns: ColumnMap | null = null;
  const rows: BankRow[] = [];
  try {
    for await (const sheetRow of readSheet(file)) {
      if (!columns) {
        columns = headerColumns(sheetRow.cells);
        if (!columns && sheetRow.number >= HEADER_SEARCH_ROWS) break;
        continue;
      }
      const row = readBankRow(sheetRow, columns);
      if (row) rows.push(row);
    }
  } catch {
    throw ApiException.validation({ file: FUND_MESSAGES.fileUnreadable });
  }
  if (!columns) throw ApiException.validation({ file: FUND_MESSAGES.headerMissing });
  if (!rows.length) throw ApiException.validation({ file: FUND_MESSAGES.fileEmpty });
  return rows;
}

/** 422 in the API's one shape: `file` says nothing was applied; `rows.<n>.<column>` each problem. */
function rowErrors(errors: BankRowError[]): ApiException {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const fields: Record<string, Localized> = { file: FUND_MESSAGES.rowsInvalid(new Set(sorted.map((e) => e.row)).size) };
  for (const e of sorted.slice(0, MAX_REPORTED_ERRORS)) {
    const key = `rows.${e.row}.${e.column}`;
    const message = { zh: `第 ${e.row} 行 ${e.column}：${e.message.zh}`, en: `Row ${e.row}, ${e.column}: ${e.message.en}` };
    fields[key] = fields[key] ? { zh: `${fields[key].zh}；${e.message.zh}`, en: `${fields[key].en}; ${e.message.en}` } : message;
  }
  return ApiException.validation(fields);
}
