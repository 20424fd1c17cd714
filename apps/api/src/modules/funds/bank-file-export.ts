import type { Localized } from '@zizhu/schema';
import type { Writable } from 'node:stream';
import type { Locale } from '../../engine/errors/locale';
import { type CsvEncoding, csvSheetWriter } from '../../engine/export/csv-sheet.writer';
import type { ExportColumn } from '../../engine/export/export-columns';
import { neutralizeFormula } from '../../engine/export/formula-safety';
import { xlsxSheetWriter } from '../../engine/export/xlsx-sheet.writer';

export interface BankFileLine {
  serialNo: string;
  name: string;
  /** In full: the bank cannot pay a masked account. */
  account: string;
  /** Fen. */
  amount: number;
  school: string;
}

export interface BankFile {
  title: string;
  lines: BankFileLine[];
  total: number;
}

const HEADERS: Record<string, Localized> = {
  no: { zh: '序号', en: 'No.' },
  serialNo: { zh: '流水号', en: 'Serial no.' },
  name: { zh: '收款人姓名', en: 'Payee' },
  account: { zh: '收款账号', en: 'Account' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
  school: { zh: '学校', en: 'School' },
  total: { zh: '合计', en: 'Total' },
};

/** A file row: a line, or the totals row at the end (no serial, the count as the payee). */
type Row = { no: number | null; serialNo: string; name: string; account: string; amount: number; school: string };

const row = (record: Readonly<Record<string, unknown>>): Row => record as unknown as Row;
/** Names and schools are typed by people: never let one start a formula. */
const text = (value: string): string => neutralizeFormula(value);

function rowsOf(file: BankFile, locale: Locale): Row[] {
  const lines = file.lines.map((l, i): Row => ({ no: i + 1, serialNo: l.serialNo, name: l.name, account: l.account, amount: l.amount, school: l.school }));
  const count = locale === 'zh' ? `${file.lines.length} 笔` : `${file.lines.length} lines`;
  return [...lines, { no: null, serialNo: HEADERS.total[locale], name: count, account: '', amount: file.total, school: '' }];
}

/**
 * The bank's columns: account numbers are `code` cells (text in .xlsx; in .csv a leading tab
 * keeps Excel from turning them into 6.2E+18), amounts in yuan with two decimals.
 */
function columns(locale: Locale): ExportColumn[] {
  const label = (key: string) => HEADERS[key][locale];
  return [
    { key: 'no', header: label('no'), kind: 'number', value: (r) => row(r).no },
    { key: 'serialNo', header: label('serialNo'), kind: 'code', value: (r) => text(row(r).serialNo) },
    { key: 'name', header: label('name'), kind: 'text', value: (r) => text(row(r).name) },
    { key: 'account', header: label('account'), kind: 'code', value: (r) => text(row(r).account) || null },
    { key: 'amount', header: label('amount'), kind: 'money', value: (r) => row(r).amount },
    { key: 'school', header: label('school'), kind: 'text', value: (r) => text(row(r).school) || null },
  ];
}

/** Through the export's formula-safe writers: one sheet, the lines then the totals row. */
export async function writeBankFile(file: BankFile, format: 'xlsx' | 'csv', encoding: CsvEncoding, locale: Locale, output: Writable): Promise<void> {
  const writer =
    format === 'xlsx' ? xlsxSheetWriter(output, columns(locale), locale === 'zh' ? '银行代发' : 'Bank payment') : csvSheetWriter(output, columns(locale), encoding);
  writer.writeRecords(rowsOf(file, locale) as unknown as Record<string, unknown>[]);
  await writer.finish();
}
