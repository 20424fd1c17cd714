import { DISBURSEMENT_STATUSES } from '@zizhu/funds';
import { type Localized, parseDateText, parseYuan } from '@zizhu/schema';
import type { Cell, SheetRow } from '../../engine/imports/sheet-reader';
import { FUND_MESSAGES } from './fund-messages';

export type BankOutcome = 'paid' | 'failed' | 'returned';

/** One line of a bank's result file, read and checked on its own. */
export interface BankRow {
  row: number;
  serialNo: string | null;
  status: BankOutcome | null;
  /** fen, when the file has an amount column */
  amount: number | null;
  reason: string | null;
  date: string | null;
  errors: BankRowError[];
}

export interface BankRowError {
  row: number;
  column: string;
  message: Localized;
}

/** Headers banks use for each column (their files differ; these are the common ones). */
const HEADERS: Record<'serialNo' | 'status' | 'amount' | 'reason' | 'date', readonly string[]> = {
  serialNo: ['流水号', '业务编号', '明细流水号', '交易流水号', 'serialno'],
  status: ['发放结果', '处理结果', '结果', '状态', '发放状态', 'status'],
  amount: ['金额', '发放金额', '交易金额', '金额（元）', '金额(元)', 'amount'],
  reason: ['失败原因', '银行反馈', '反馈信息', '备注', '原因', 'reason'],
  date: ['入账日期', '发放日期', '交易日期', '日期', 'date'],
};

const OUTCOME_WORDS: Record<BankOutcome, readonly string[]> = {
  paid: ['成功', '已发放', '入账成功', '发放成功', '已入账', 'paid', 'success'],
  failed: ['失败', '发放失败', '入账失败', 'failed', 'fail'],
  returned: ['退回', '已退回', '退票', '退汇', 'returned'],
};

export type ColumnMap = Partial<Record<keyof typeof HEADERS, number>>;

const text = (cell: Cell | undefined): string => (cell == null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim());
const normal = (value: string): string => value.replace(/[\s*＊]/g, '').toLowerCase();

/** The header row's columns, if this row is one (it names at least a serial and a result). */
export function headerColumns(cells: readonly Cell[]): ColumnMap | null {
  const map: ColumnMap = {};
  cells.forEach((cell, index) => {
    const name = normal(text(cell));
    for (const [key, names] of Object.entries(HEADERS) as [keyof typeof HEADERS, readonly string[]][]) {
      if (map[key] === undefined && names.some((n) => normal(n) === name)) map[key] = index;
    }
  });
  return map.serialNo !== undefined && map.status !== undefined ? map : null;
}

export function outcomeOf(value: string): BankOutcome | null {
  const word = normal(value);
  for (const [outcome, words] of Object.entries(OUTCOME_WORDS) as [BankOutcome, readonly string[]][]) {
    if (words.some((w) => normal(w) === word)) return outcome;
  }
  return null;
}

export function statusLabel(status: string): Localized {
  return DISBURSEMENT_STATUSES.find((s) => s.value === status)?.label ?? { zh: status, en: status };
}

/** A data row: what it says, and what is wrong with it on its own (no database needed). */
export function readBankRow(row: SheetRow, columns: ColumnMap): BankRow | null {
  const cell = (key: keyof ColumnMap) => (columns[key] === undefined ? undefined : row.cells[columns[key]!]);
  if (row.cells.every((c) => text(c) === '')) return null;
  const errors: BankRowError[] = [];
  const fail = (column: string, message: Localized) => errors.push({ row: row.number, column, message });
  const serialNo = text(cell('serialNo')) || null;
  if (!serialNo) fail('流水号', FUND_MESSAGES.serialMissing);
  const status = outcomeOf(text(cell('status')));
  if (!status) fail('发放结果', FUND_MESSAGES.statusUnknown);
  let amount: number | null = null;
  const amountCell = cell('amount');
  if (amountCell != null && text(amountCell) !== '') {
    amount = typeof amountCell === 'number' || typeof amountCell === 'string' ? parseYuan(amountCell) : null;
    if (amount === null) fail('金额', FUND_MESSAGES.amountUnreadable);
  }
  const reason = text(cell('reason')).slice(0, 200) || null;
  if ((status === 'failed' || status === 'returned') && !reason) fail('失败原因', FUND_MESSAGES.reasonRequired);
  let date: string | null = null;
  const dateCell = cell('date');
  if (dateCell != null && text(dateCell) !== '') {
    date = dateCell instanceof Date ? dateCell.toISOString().slice(0, 10) : parseDateText(text(dateCell));
    if (!isCalendarDate(date)) {
      fail('入账日期', FUND_MESSAGES.dateUnreadable);
      date = null;
    }
  }
  return { row: row.number, serialNo, status, amount, reason, date, errors };
}

/** Which settled states a line may move to: a pending line gets its result, a paid one may bounce back. */
export function allowedTransition(from: string, to: BankOutcome): boolean {
  if (from === to) return true;
  if (from === 'pending') return true;
  return from === 'paid' && to === 'returned';
}

/** 2017-02-30 is not a date, even though JavaScript would roll it over. */
function isCalendarDate(value: string | null): boolean {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
