import { formatYuan } from '@zizhu/schema';
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { EXPORT_UTC_OFFSET_MS, type ExportCell, type ExportCellKind, type ExportColumn } from './export-columns';
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

/**
 * An xlsx file streamed row by row (exceljs's streaming writer, inline strings): memory
 * stays flat whatever the row count. Text is always written as a plain string value, never
 * as `{ formula }`, so no cell is a formula.
 */
export function xlsxSheetWriter(output: Writable, columns: readonly ExportColumn[], sheetName: string): SheetWriter {
  const { workbook, sheet, styles } = xlsxSheet(output, columns, sheetName);
  return {
    writeRecords(records) {
      for (const record of records) {
        addXlsxRow(sheet, styles, columns.map((c) => xlsxValue(c.kind, c.value(record))));
      }
    },
    caughtUp: () => xlsxCaughtUp(sheet, output),
    async finish() {
      sheet.commit();
      await workbook.commit();
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

/** The workbook and its one sheet, header row written: bold, frozen, typed columns. */
export function xlsxSheet(output: Writable, columns: readonly ExportColumn[], sheetName: string) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const styles = columns.map((c): Partial<ExcelJS.Style> => (NUMBER_FORMAT[c.kind] ? { numFmt: NUMBER_FORMAT[c.kind] } : {}));
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: c.key, width: WIDTH[c.kind], style: styles[i] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  return { workbook, sheet, styles };
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

/** Dates become real Excel dates; Excel has no time zones, so datetimes carry Beijing wall time. */
export function xlsxValue(kind: ExportCellKind, cell: ExportCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (kind === 'date' && typeof cell === 'string') {
    return new Date(Date.UTC(Number(cell.slice(0, 4)), Number(cell.slice(5, 7)) - 1, Number(cell.slice(8, 10))));
  }
  if (kind === 'datetime' && cell instanceof Date) return new Date(cell.getTime() + EXPORT_UTC_OFFSET_MS);
  // Money cells carry fen; Excel gets the yuan number read from its exact decimal text.
  if (kind === 'money' && typeof cell === 'number') return Number(formatYuan(cell));
  return cell;
}
