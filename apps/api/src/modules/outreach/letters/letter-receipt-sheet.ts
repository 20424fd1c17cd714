import { LETTER_STATUSES } from '@zizhu/outreach';
import { type Localized, parseDateText } from '@zizhu/schema';
import type { Writable } from 'node:stream';
import type { ExportColumn } from '../../../engine/export/export-columns';
import { neutralizeFormula } from '../../../engine/export/formula-safety';
import { xlsxSheetWriter } from '../../../engine/export/xlsx-sheet.writer';
import { type Cell, CellFault, type SheetRow } from '../../../engine/imports/sheet-reader';
import { LETTER_MESSAGES } from './letter-messages';
import { isCalendarDate } from './letter-mark.service';

/**
 * 回执登记表: one row per letter of a school and term — 编号 (the letter's id, which the
 * upload matches on), the student, the amount, and the two dates the school fills in.
 * Written through the export's formula-safe writer; read back by the same headers.
 */
export const SHEET_HEADERS = {
  id: '编号',
  student: '学生姓名',
  grade: '年级',
  className: '班级',
  total: '合计金额（元）',
  status: '状态',
  deliveredAt: '送达日期',
  receiptReturnedAt: '回执日期',
} as const;

export interface SheetLetter {
  id: number;
  student: string;
  grade: string | null;
  className: string | null;
  /** Fen. */
  total: number;
  status: string;
  deliveredAt: string | null;
  receiptReturnedAt: string | null;
}

const row = (record: Readonly<Record<string, unknown>>): SheetLetter => record as unknown as SheetLetter;
const text = (value: string | null): string | null => (value ? neutralizeFormula(value) : null);
const statusLabel = (status: string): string => LETTER_STATUSES.find((s) => s.value === status)?.label.zh ?? status;

const COLUMNS: ExportColumn[] = [
  { key: 'id', header: SHEET_HEADERS.id, kind: 'number', value: (r) => row(r).id },
  { key: 'student', header: SHEET_HEADERS.student, kind: 'text', value: (r) => text(row(r).student) },
  { key: 'grade', header: SHEET_HEADERS.grade, kind: 'text', value: (r) => text(row(r).grade) },
  { key: 'className', header: SHEET_HEADERS.className, kind: 'text', value: (r) => text(row(r).className) },
  { key: 'total', header: SHEET_HEADERS.total, kind: 'money', value: (r) => row(r).total },
  { key: 'status', header: SHEET_HEADERS.status, kind: 'text', value: (r) => statusLabel(row(r).status) },
  { key: 'deliveredAt', header: SHEET_HEADERS.deliveredAt, kind: 'date', value: (r) => row(r).deliveredAt },
  { key: 'receiptReturnedAt', header: SHEET_HEADERS.receiptReturnedAt, kind: 'date', value: (r) => row(r).receiptReturnedAt },
];

export async function writeReceiptSheet(letters: readonly SheetLetter[], heading: string, output: Writable): Promise<void> {
  const writer = xlsxSheetWriter(output, COLUMNS, '回执登记', { heading: [heading, '填写送达日期和回执日期后上传（“编号”列请勿修改）'] });
  writer.writeRecords(letters as unknown as Record<string, unknown>[]);
  await writer.finish();
}

export interface SheetColumns {
  id: number;
  deliveredAt?: number;
  receiptReturnedAt?: number;
}

export interface ReceiptRow {
  row: number;
  id: number | null;
  /** undefined: the cell is blank (keep what is recorded). */
  deliveredAt?: string;
  receiptReturnedAt?: string;
  errors: { column: string; message: Localized }[];
}

const cellText = (cell: Cell | undefined): string =>
  cell == null || cell instanceof CellFault ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
const normal = (value: string): string => value.replace(/[\s*＊]/g, '');

/** The header row's columns, if this row is one: 编号 and at least one of the dates. */
export function sheetColumns(cells: readonly Cell[]): SheetColumns | null {
  const find = (header: string) => {
    const index = cells.findIndex((c) => normal(cellText(c)) === header);
    return index < 0 ? undefined : index;
  };
  const id = find(SHEET_HEADERS.id);
  const deliveredAt = find(SHEET_HEADERS.deliveredAt);
  const receiptReturnedAt = find(SHEET_HEADERS.receiptReturnedAt);
  if (id === undefined || (deliveredAt === undefined && receiptReturnedAt === undefined)) return null;
  return { id, deliveredAt, receiptReturnedAt };
}

/** A data row on its own (no database): its letter id and the dates it gives; null for a blank row. */
export function readReceiptRow(sheetRow: SheetRow, columns: SheetColumns): ReceiptRow | null {
  const cell = (index: number | undefined) => (index === undefined ? undefined : sheetRow.cells[index]);
  if (sheetRow.cells.every((c) => cellText(c) === '')) return null;
  const errors: ReceiptRow['errors'] = [];
  const idText = cellText(cell(columns.id));
  const id = /^\d{1,10}$/.test(idText) && Number(idText) <= 2147483647 ? Number(idText) : null;
  if (id === null) errors.push({ column: SHEET_HEADERS.id, message: idText ? LETTER_MESSAGES.rowIdUnknown : LETTER_MESSAGES.rowIdMissing });
  const date = (key: 'deliveredAt' | 'receiptReturnedAt'): string | undefined => {
    const raw = cell(columns[key]);
    if (raw instanceof CellFault || (raw != null && typeof raw !== 'string' && typeof raw !== 'number' && !(raw instanceof Date))) {
      errors.push({ column: SHEET_HEADERS[key], message: LETTER_MESSAGES.rowDateUnreadable });
      return undefined;
    }
    const value = cellText(raw);
    if (!value) return undefined;
    const parsed = raw instanceof Date ? value : parseDateText(value);
    if (!isCalendarDate(parsed)) {
      errors.push({ column: SHEET_HEADERS[key], message: LETTER_MESSAGES.rowDateUnreadable });
      return undefined;
    }
    return parsed;
  };
  return { row: sheetRow.number, id, deliveredAt: date('deliveredAt'), receiptReturnedAt: date('receiptReturnedAt'), errors };
}
