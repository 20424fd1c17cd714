import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file the API writes (exports, templates, error workbooks, notices, bank files,
 * reports; xlsx and CSV) goes through the one formula-safe writer in
 * apps/api/src/engine/export. Anything else that writes a workbook or a CSV would skip its
 * formula guard and its limits: this fails when code outside it does.
 */
const ROOT = join(__dirname, '../..');
const API = join(ROOT, 'apps/api/src');

/** The writer itself, and the sheet reader's files (which may use exceljs's reader only). */
const WRITER = ['engine/export/xlsx-sheet.writer.ts', 'engine/export/csv-sheet.writer.ts', 'engine/export/export-format.ts'];
const READER = ['engine/imports/sheet-reader.ts', 'engine/imports/xlsx-reader.ts', 'engine/imports/xlsx-cell.ts', 'engine/imports/shared-strings.ts'];

const WRITES_WORKBOOK = /\bWorkbookWriter\b|new\s+ExcelJS\.Workbook\b|new\s+Workbook\s*\(|\.xlsx\.(write|writeBuffer|writeFile)\b|\.csv\.(write|writeBuffer|writeFile)\b/;
const WRITES_CSV = /(setHeader|\.type|\.contentType)\([^)]*text\/csv|['"](csv-stringify|papaparse|json2csv)/;
const IMPORTS_EXCELJS = /(?:from|import|require)\s*\(?\s*['"]exceljs(\/[^'"]*)?['"]/;

/** Production sources: specs, fixtures and test helpers build input files on purpose. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'testing' ? [] : sources(path);
    return /\.tsx?$/.test(entry) && !/\.spec\.tsx?$|\.fixtures\.ts$/.test(entry) ? [path] : [];
  });
}

describe('one formula-safe file writer', () => {
  const files = sources(API).map((path) => ({ path: relative(API, path), text: readFileSync(path, 'utf8') }));

  it('finds the writer and the API sources', () => {
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining([...WRITER, ...READER]));
  });

  it('lets only the writer and the sheet reader import exceljs', () => {
    const importing = files.filter((f) => IMPORTS_EXCELJS.test(f.text)).map((f) => f.path);
    expect(importing.filter((path) => !WRITER.includes(path) && !READER.includes(path))).toEqual([]);
  });

  it('builds workbooks and CSV files only in the writer', () => {
    const outside = files.filter((f) => !WRITER.includes(f.path) && (WRITES_WORKBOOK.test(f.text) || WRITES_CSV.test(f.text))).map((f) => f.path);
    expect(outside).toEqual([]);
  });
});
