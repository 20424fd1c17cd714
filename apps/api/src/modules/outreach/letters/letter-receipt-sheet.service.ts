import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate } from '@zizhu/identities';
import type { LetterStatus } from '@zizhu/outreach';
import type { LetterMarkSummary, Localized, SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { ApiException } from '../../../engine/errors/api.exception';
import { readSheet, type SheetKind } from '../../../engine/imports/sheet-reader';
import type { BatchParams } from './letter-batch-params';
import { LETTER_MESSAGES } from './letter-messages';
import { type LetterDates, lockLetters, markSummary, writeLetterDates } from './letter-mark.service';
import { type ReceiptRow, readReceiptRow, SHEET_HEADERS, type SheetColumns, sheetColumns, type SheetLetter } from './letter-receipt-sheet';
import { letterStateProblem, statusOfDates } from './letter-status';

/** Title rows above the header (the sheet's own two heading lines, or a school's). */
const HEADER_SEARCH_ROWS = 30;
/** Rows named in a 422; the count says how many there are in all. */
const MAX_REPORTED_ERRORS = 200;

interface RowError {
  row: number;
  column: string;
  message: Localized;
}

/**
 * 回执登记表 out and back: the sheet of a school's letters for a term, and its upload —
 * every row checked first (the letter in the caller's region, once in the file, dates that
 * can be read, a receipt not before its delivery, none after today); one bad row and
 * nothing is written, with every bad row named by its Excel row number. A blank date keeps
 * what is recorded.
 */
@Injectable()
export class LetterReceiptSheetService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The school's letters for the sheet (the school was checked by the caller). */
  letters(params: BatchParams): Promise<SheetLetter[]> {
    return this.db.query(
      `SELECT l.id, s.name AS student, s.grade, s.class_name AS "className", l.total::float8 AS total, l.status,
              l.delivered_at AS "deliveredAt", l.receipt_returned_at AS "receiptReturnedAt"
         FROM letters l JOIN students s ON s.id = l.student_id
        WHERE l.school_id = $1 AND l.year = $2 AND l.term = $3
        ORDER BY s.grade, s.class_name, s.name, l.id`,
      [params.schoolId, params.year, params.term],
    );
  }

  async apply(file: { path: string; kind: SheetKind }, user: SessionUser): Promise<LetterMarkSummary> {
    const rows = await readRows(file);
    const today = chinaDate(new Date());
    return this.db.transaction(async (manager) => {
      const ids = [...new Set(rows.map((r) => r.id).filter((id): id is number => id !== null))];
      const letters = await lockLetters(manager, [{ kind: 'in', column: 'id', values: ids }], user);
      const byId = new Map(letters.map((l) => [l.id, l]));
      const errors: RowError[] = rows.flatMap((r) => r.errors.map((e) => ({ row: r.row, ...e })));
      const firstRow = new Map<number, number>();
      const changes: LetterDates[] = [];
      for (const r of rows) {
        if (r.id === null) continue;
        const fail = (column: string, message: Localized) => errors.push({ row: r.row, column, message });
        const seen = firstRow.get(r.id);
        if (seen !== undefined) {
          fail(SHEET_HEADERS.id, LETTER_MESSAGES.rowIdTwice(seen));
          continue;
        }
        firstRow.set(r.id, r.row);
        const letter = byId.get(r.id);
        if (!letter) {
          fail(SHEET_HEADERS.id, LETTER_MESSAGES.rowIdUnknown);
          continue;
        }
        if (r.errors.length) continue;
        const next = { deliveredAt: r.deliveredAt ?? letter.deliveredAt, receiptReturnedAt: r.receiptReturnedAt ?? letter.receiptReturnedAt };
        const status: LetterStatus = statusOfDates(next.deliveredAt, next.receiptReturnedAt);
        const problem = letterStateProblem({ status, ...next }, today);
        if (problem) fail(SHEET_HEADERS[problem.field === 'status' ? 'deliveredAt' : problem.field], problem.message);
        else if (next.deliveredAt !== letter.deliveredAt || next.receiptReturnedAt !== letter.receiptReturnedAt) changes.push({ id: letter.id, ...next });
      }
      if (errors.length) throw rowErrors(errors);
      await writeLetterDates(manager, changes, user);
      return markSummary(rows.length, letters, changes);
    });
  }
}

/** The file's data rows below its header (streamed; the rows kept are small). */
async function readRows(file: { path: string; kind: SheetKind }): Promise<ReceiptRow[]> {
  let columns: SheetColumns | null = null;
  const rows: ReceiptRow[] = [];
  try {
    for await (const sheetRow of readSheet(file)) {
      if (!columns) {
        columns = sheetColumns(sheetRow.cells);
        if (!columns && sheetRow.number >= HEADER_SEARCH_ROWS) break;
        continue;
      }
      const row = readReceiptRow(sheetRow, columns);
      if (row) rows.push(row);
    }
  } catch {
    throw ApiException.validation({ file: LETTER_MESSAGES.fileUnreadable });
  }
  if (!columns) throw ApiException.validation({ file: LETTER_MESSAGES.headerMissing });
  if (!rows.length) throw ApiException.validation({ file: LETTER_MESSAGES.fileEmpty });
  return rows;
}

/** 422 in the API's one shape: `file` says nothing was written; `rows.<n>.<column>` each problem. */
function rowErrors(errors: RowError[]): ApiException {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const fields: Record<string, Localized> = { file: LETTER_MESSAGES.rowsInvalid(new Set(sorted.map((e) => e.row)).size) };
  for (const e of sorted.slice(0, MAX_REPORTED_ERRORS)) {
    const key = `rows.${e.row}.${e.column}`;
    const message = { zh: `第 ${e.row} 行 ${e.column}：${e.message.zh}`, en: `Row ${e.row}, ${e.column}: ${e.message.en}` };
    fields[key] = fields[key] ? { zh: `${fields[key].zh}；${e.message.zh}`, en: `${fields[key].en}; ${e.message.en}` } : message;
  }
  return ApiException.validation(fields);
}
