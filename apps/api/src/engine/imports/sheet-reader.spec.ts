import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'iconv-lite';
import { detectEncoding, readSheet, type SheetRow } from './sheet-reader';
import { sheetSize } from './xlsx-dimension';

describe('readSheet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sheet-reader-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function all(path: string, kind: 'xlsx' | 'csv'): Promise<SheetRow[]> {
    const rows: SheetRow[] = [];
    for await (const row of readSheet({ path, kind })) rows.push(row);
    return rows;
  }

  it('keeps Chinese text intact across stream chunk boundaries (exceljs patched)', async () => {
    const path = join(dir, 'big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = writer.addWorksheet('名单');
    for (let i = 0; i < 20_000; i++) sheet.addRow([`黄梓涵${i}`, '广西壮族自治区玉林市玉州区名山街道', i]).commit();
    sheet.commit();
    await writer.commit();
    const rows = await all(path, 'xlsx');
    expect(rows).toHaveLength(20_000);
    expect(rows.filter((r) => JSON.stringify(r.cells).includes('\ufffd'))).toEqual([]);
    expect(rows[19_999]).toEqual({ number: 20_000, cells: ['黄梓涵19999', '广西壮族自治区玉林市玉州区名山街道', 19_999] });
  });

  it('reads the size a sheet declares, for progress, without reading the rows', async () => {
    const path = join(dir, 'sized.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('a');
    for (let i = 0; i < 120; i++) sheet.addRow(['x', i]);
    await book.xlsx.writeFile(path);
    expect(await sheetSize(path)).toEqual({ lastRow: 120, lastColumn: 2, exact: true });
    expect(await sheetSize(join(dir, 'missing.xlsx'))).toBeNull();
  });

  it('estimates the size of a streamed sheet (no <dimension>) from its bytes per row, within a few percent', async () => {
    const path = join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = writer.addWorksheet('名单');
    sheet.addRow(['学生名单']).commit();
    sheet.addRow(['身份证号', '姓名', '学段']).commit();
    for (let i = 0; i < 30_000; i++) sheet.addRow([`45090220120315${String(i % 9000).padStart(4, '0')}`, `黄梓涵${i % 97}`, i % 3 ? '初中' : '小学']).commit();
    sheet.commit();
    await writer.commit();
    const size = await sheetSize(path);
    expect(size?.exact).toBe(false);
    expect(Math.abs(size!.lastRow - 30_002) / 30_002).toBeLessThan(0.05);

    const small = join(dir, 'streamed-small.xlsx');
    const few = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: small, useSharedStrings: false });
    const fewSheet = few.addWorksheet('a');
    for (let i = 0; i < 40; i++) fewSheet.addRow(['x', i]).commit();
    fewSheet.commit();
    await few.commit();
    expect(await sheetSize(small)).toEqual({ lastRow: 40, exact: true });
  });

  it('reads a small Excel-layout workbook reliably, read after read', async () => {
    // exceljs alone fails about 1 read in 500 on this layout (workbook.xml after the sheet).
    const path = join(dir, 'layout.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('名单').addRows([['甲', '乙'], ['1', '2']]);
    await book.xlsx.writeFile(path);
    let failures = 0;
    for (let i = 0; i < 600; i++) {
      const rows = await all(path, 'xlsx').catch(() => []);
      if (rows.length !== 2) failures++;
    }
    expect(failures).toBe(0);
  }, 60_000); // 600 reads: about 3 s alone, longer on a busy machine

  it('reads typed cells: numbers stay numbers, dates become dates', async () => {
    const path = join(dir, 'typed.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('a');
    sheet.addRow([450902201203150000, new Date(Date.UTC(2012, 2, 15)), { richText: [{ text: '黄' }, { text: '明' }] }]);
    await book.xlsx.writeFile(path);
    const [row] = await all(path, 'xlsx');
    expect(row.cells[0]).toBe(450902201203150000);
    expect((row.cells[1] as Date).toISOString().slice(0, 10)).toBe('2012-03-15');
    expect(row.cells[2]).toBe('黄明');
  });

  it.each([
    ['GBK without BOM', (t: string) => encode(t, 'gbk'), 'gb18030'],
    ['UTF-8 without BOM', (t: string) => Buffer.from(t), 'utf8'],
    ['UTF-8 with BOM', (t: string) => Buffer.from(`\ufeff${t}`), 'utf8'],
  ] as const)('detects %s CSV and numbers lines as an editor does', async (_case, encodeText, encoding) => {
    const path = join(dir, `${encoding}.csv`);
    writeFileSync(path, encodeText('姓名,学段\r\n\r\n黄小明,"普高"\r\n'));
    expect(await detectEncoding(path)).toBe(encoding);
    const rows = await all(path, 'csv');
    expect(rows.map((r) => [r.number, r.cells])).toEqual([
      [1, ['姓名', '学段']],
      [2, [null]],
      [3, ['黄小明', '普高']],
    ]);
  });
});
