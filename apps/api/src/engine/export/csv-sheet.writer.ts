import { formatYuan } from '@zizhu/schema';
import iconv from 'iconv-lite';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type ExportCell, type ExportCellKind, type ExportColumn, formatDateTime } from './export-columns';
import { neutralizeFormula } from './formula-safety';
import type { SheetWriter } from './sheet-writer';

export type CsvEncoding = 'utf-8' | 'gbk';

/** Excel reads a UTF-8 CSV as the local code page (GBK on Chinese Windows) unless it starts with a BOM. */
const BOM = '\uFEFF';

/**
 * Digit strings Excel would turn into numbers and damage: 12 or more digits (shown as
 * 4.50902E+17, digits past the 15th lost) or a leading zero (dropped).
 */
const FRAGILE_DIGITS = /^(\d{12,}|0\d+)$/;

/**
 * The one CSV writer (every CSV the API writes): RFC 4180 CSV (CRLF lines, fields with `"`, `,`, CR or LF quoted, quotes doubled), in
 * UTF-8 with a BOM, or GBK for old spreadsheet software.
 */
export function csvSheetWriter(output: Writable, columns: readonly ExportColumn[], encoding: CsvEncoding): SheetWriter {
  const write = (text: string) => output.write(encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  write(`${encoding === 'utf-8' ? BOM : ''}${csvLine(columns.map((c) => neutralizeFormula(c.header)))}`);
  return {
    writeRecords(records) {
      let chunk = '';
      for (const record of records) chunk += csvLine(columns.map((c) => csvText(c.kind, c.value(record))));
      write(chunk);
    },
    async caughtUp() {
      if (output.writableNeedDrain) await once(output, 'drain');
    },
    async finish() {
      output.end();
      if (!output.writableFinished) await once(output, 'finish');
    },
  };
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV has no cell types: a leading tab keeps a long digit string as text when Excel or WPS
 * opens the file (the usual Chinese practice for ID numbers; imports strip it again). Other
 * text is made formula-safe; numbers stay numbers, negative ones included.
 */
export function csvText(kind: ExportCellKind, cell: ExportCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return formatDateTime(cell);
  if (typeof cell === 'number') return kind === 'money' ? formatYuan(cell) : String(cell);
  if ((kind === 'code' || kind === 'text') && FRAGILE_DIGITS.test(cell)) return `\t${cell}`;
  return neutralizeFormula(cell);
}
