import { formatYuan } from '@zizhu/schema';
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { EXPORT_UTC_OFFSET_MS, type ExportCell, type ExportCellKind, type ExportColumn } from './export-columns';
import { neutralizeFormula } from './formula-safety';
import { assertSheetColumns } from './sheet-limits';
import type { SheetWriter } from './sheet-writer';

const NUMBER_FORMAT: Record<ExportCellKind, string | undefined> = {
  text: undefined,
  // `@` keeps the cell text when a user edits it, so Excel never re-reads it as a number.
  code: '@',
  number: undefined,
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

const WIDTH: Record<ExportCellKind, number> = { text: 16, code: 22, number: 10, money: 14, date: 12, datetime: 20 };

/** Sheet XML allowed to wait for compression before the writer stops taking rows. */
const MAX_PENDING_XML_BYTES = 4 * 1024 * 1024;

/** A dropdown on a column's input rows (import templates). */
export interface XlsxChoice {
  options: readonly string[];
  required: boolean;
  title: string;
  error: string;
}

/** One sheet of a workbook: its columns and what sits around the table. */
export interface XlsxSheetSpec {
  name: string;
  columns: readonly ExportColumn[];
  /** Lines above the header row, each merged across the table (a 公示's title, period, phone). */
  heading?: readonly string[];
  /** A hidden row of the column keys under the header: import templates map columns by it. */
  keysRow?: boolean;
  /** Dropdowns by column key, on the first `inputRows` rows under the header. */
  choices?: Readonly<Record<string, XlsxChoice>>;
  inputRows?: number;
  /** Header background (ARGB). */
  headerFill?: string;
}

/** A sheet being written: records as `SheetWriter` takes them; `commit` ends the sheet. */
export interface XlsxSheetWriter extends Omit<SheetWriter, 'finish'> {
  commit(): void;
}

/**
 * The one xlsx writer: every workbook the API sends or stores (exports, export jobs, import
 * templates and error workbooks, 公示 notices, roster templates, reconciliation) is written
 * here, streamed row by row (exceljs's streaming writer, inline strings) so memory stays
 * flat whatever the row count. Every text — cells, headers, heading lines — goes through
 * `neutralizeFormula`, and no cell is ever written as `{ formula }`. Sheets are checked
 * against Excel's limits before a byte is written, so a refusal is still a JSON error.
 */
export function xlsxWorkbookWriter(output: Writable, specs: readonly XlsxSheetSpec[]): { sheets: XlsxSheetWriter[]; finish(): Promise<void> } {
  for (const spec of specs) assertSheetColumns(spec.columns.length);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  const sheets = specs.map((spec) => sheetWriter(workbook, spec, output));
  return {
    sheets,
    async finish() {
      for (const sheet of sheets) sheet.commit();
      await workbook.commit();
    },
  };
}

/** A workbook of one sheet. */
export function xlsxSheetWriter(output: Writable, columns: readonly ExportColumn[], sheetName: string, extras: Omit<XlsxSheetSpec, 'name' | 'columns'> = {}): SheetWriter {
  const { sheets, finish } = xlsxWorkbookWriter(output, [{ ...extras, name: sheetName, columns }]);
  return { writeRecords: sheets[0].writeRecords, caughtUp: sheets[0].caughtUp, finish };
}

function sheetWriter(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: XlsxSheetSpec, output: Writable): XlsxSheetWriter {
  const { sheet, styles } = addSheet(workbook, spec);
  let committed = false;
  return {
    writeRecords(records) {
      for (const record of records) {
        addXlsxRow(sheet, styles, spec.columns.map((c) => xlsxValue(c.kind, c.value(record))));
      }
    },
    caughtUp: () => xlsxCaughtUp(sheet, output),
    commit() {
      if (committed) return;
      committed = true;
      sheet.commit();
    },
  };
}

/**
 * exceljs hands the sheet's XML to the zip without waiting (its StreamBuf ignores
 * backpressure), and zlib only moves on when the event loop is free: a writer that keeps
 * adding rows piles up uncompressed XML (measured: ~190 MB for 370,000 rows). So wait here
 * until the zip has caught up, which also waits for a slow client: the zip stops reading
 * when the response is full.
 */
export async function xlsxCaughtUp(sheet: ExcelJS.Worksheet, output: Writable): Promise<void> {
  const entry = zipEntryStream(sheet);
  if (entry && (pendingBytes(entry) ?? 0) > MAX_PENDING_XML_BYTES) await once(entry, 'drain');
  // One turn of the event loop at least: zlib's callbacks run only then.
  else await new Promise(setImmediate);
  if (output.writableNeedDrain) await once(output, 'drain');
}

interface LegacyWritable extends Writable {
  _writableState?: { length: number };
}

/**
 * The stream the zip reads the sheet's XML from: exceljs's StreamBuf pipes into archiver's
 * PassThrough. Internals of exceljs 4.4 and archiver 5, checked by a spec; if they change,
 * this finds nothing and the export still works, only with more memory.
 */
export function zipEntryStream(sheet: ExcelJS.Worksheet): LegacyWritable | undefined {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const entry = pipes?.[0] as LegacyWritable | undefined;
  return entry && typeof entry.once === 'function' && typeof pendingBytes(entry) === 'number' ? entry : undefined;
}

/** readable-stream 2 (archiver's) predates `writableLength`. */
function pendingBytes(stream: LegacyWritable): number | undefined {
  return stream.writableLength ?? stream._writableState?.length;
}

/** A workbook and its one sheet, header row written (the benchmark drives exceljs through this). */
export function xlsxSheet(output: Writable, columns: readonly ExportColumn[], sheetName: string) {
  assertSheetColumns(columns.length);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  return { workbook, ...addSheet(workbook, { name: sheetName, columns }) };
}

/** The sheet with its heading lines and header row written: bold, frozen, typed columns. */
function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: XlsxSheetSpec) {
  const { columns } = spec;
  const heading = spec.heading ?? [];
  const headerRow = heading.length + 1;
  const sheet = workbook.addWorksheet(spec.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headerRow + (spec.keysRow ? 1 : 0) }],
  });
  const styles = columns.map((c): Partial<ExcelJS.Style> => (NUMBER_FORMAT[c.kind] ? { numFmt: NUMBER_FORMAT[c.kind] } : {}));
  sheet.columns = columns.map((c, i) => ({ key: c.key, width: c.width ?? WIDTH[c.kind], style: styles[i] }));
  heading.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = safeText(line);
    row.font = i === 0 ? { bold: true, size: 14 } : {};
    if (columns.length > 1) sheet.mergeCells(i + 1, 1, i + 1, columns.length);
    row.commit();
  });
  const header = sheet.getRow(headerRow);
  columns.forEach((c, i) => (header.getCell(i + 1).value = safeText(c.header)));
  header.font = { bold: true };
  if (spec.headerFill) header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: spec.headerFill } };
  header.commit();
  if (spec.keysRow) {
    const keys = sheet.getRow(headerRow + 1);
    columns.forEach((c, i) => (keys.getCell(i + 1).value = safeText(c.key)));
    keys.hidden = true;
    keys.commit();
  }
  addChoices(sheet, spec, headerRow + (spec.keysRow ? 2 : 1));
  return { sheet, styles };
}

function addChoices(sheet: ExcelJS.Worksheet, spec: XlsxSheetSpec, firstRow: number): void {
  const lastRow = firstRow + (spec.inputRows ?? 0) - 1;
  spec.columns.forEach((column, i) => {
    const choice = spec.choices?.[column.key];
    if (!choice) return;
    const letter = sheet.getColumn(i + 1).letter;
    // exceljs's streaming sheet has the same validations as a document sheet; its types omit them.
    const validations = (sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
    // A list validation's options are one quoted string: quotes in them are doubled.
    const list = `"${choice.options.map((o) => o.replace(/"/g, '""')).join(',')}"`;
    for (let row = firstRow; row <= lastRow; row++) {
      validations.add(`${letter}${row}`, {
        type: 'list',
        allowBlank: !choice.required,
        formulae: [list],
        showErrorMessage: true,
        errorTitle: choice.title,
        error: choice.error,
      });
    }
  });
}

/**
 * One data row, committed at once. Each cell gets its column's style object itself:
 * exceljs copies the column style into a new object per cell and then serialises every
 * one to find its style id; a shared object is looked up in its cache instead (measured:
 * half the writer's time).
 */
export function addXlsxRow(sheet: ExcelJS.Worksheet, styles: readonly Partial<ExcelJS.Style>[], values: ExcelJS.CellValue[]): void {
  const row = sheet.addRow(values);
  for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i];
  row.commit();
}

/**
 * A cell as written: text made formula-safe, dates as real Excel dates; Excel has no time
 * zones, so datetimes carry Beijing wall time.
 */
export function xlsxValue(kind: ExportCellKind, cell: ExportCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (kind === 'date' && typeof cell === 'string') {
    return new Date(Date.UTC(Number(cell.slice(0, 4)), Number(cell.slice(5, 7)) - 1, Number(cell.slice(8, 10))));
  }
  if (kind === 'datetime' && cell instanceof Date) return new Date(cell.getTime() + EXPORT_UTC_OFFSET_MS);
  // Money cells carry fen; Excel gets the yuan number read from its exact decimal text.
  if (kind === 'money' && typeof cell === 'number') return Number(formatYuan(cell));
  if (typeof cell === 'string') return safeText(cell);
  return cell;
}

function safeText(text: string): string {
  return neutralizeFormula(text);
}
