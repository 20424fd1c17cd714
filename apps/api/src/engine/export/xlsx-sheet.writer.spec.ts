import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ExportColumn } from './export-columns';
import { xlsxSheet, xlsxSheetWriter, zipEntryStream } from './xlsx-sheet.writer';

describe('xlsx writer', () => {
  const columns: ExportColumn[] = [
    { key: 'id', header: '编号', kind: 'number', value: (r) => r.id as number },
    { key: 'name', header: '姓名', kind: 'text', value: (r) => r.name as string },
    { key: 'idNumber', header: '身份证号', kind: 'code', value: (r) => r.idNumber as string },
    { key: 'birthDate', header: '出生日期', kind: 'date', value: (r) => r.birthDate as string },
    { key: 'at', header: '时间', kind: 'datetime', value: (r) => r.at as Date },
  ];

  const collect = (output: PassThrough) => {
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    return () => Buffer.concat(chunks);
  };

  it('writes typed cells: numbers, text kept as text, real dates, Beijing datetimes', async () => {
    const output = new PassThrough();
    const bytes = collect(output);
    const writer = xlsxSheetWriter(output, columns, '学生');
    writer.writeRecords([{ id: 7, name: "'=1+1", idNumber: '450902200803151234', birthDate: '2010-03-15', at: new Date('2026-01-01T00:00:00Z') }]);
    await writer.caughtUp();
    await writer.finish();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes() as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('学生')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '编号', '姓名', '身份证号', '出生日期', '时间']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(7);
    expect(row.getCell(2).value).toBe("'=1+1");
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(3).value).toBe('450902200803151234');
    expect(row.getCell(3).numFmt).toBe('@');
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2010, 2, 15)));
    expect(row.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(5).value).toEqual(new Date(Date.UTC(2026, 0, 1, 8)));
  });

  it('makes every text formula-safe, headers and heading lines included, and keeps numbers as numbers', async () => {
    const output = new PassThrough();
    const bytes = collect(output);
    const hostileColumns: ExportColumn[] = [
      { key: 'name', header: '=1+1', kind: 'text', value: (r) => r.name as string },
      { key: 'n', header: '数', kind: 'number', value: (r) => r.n as number },
    ];
    const writer = xlsxSheetWriter(output, hostileColumns, 'x', { heading: ['＝标题', '@期间'] });
    writer.writeRecords([{ name: '\t=cmd|\' /C calc\'!A0', n: -5 }, { name: '-3', n: 2 }]);
    await writer.finish();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes() as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect([sheet.getCell('A1').value, sheet.getCell('A2').value, sheet.getCell('A3').value]).toEqual(["'＝标题", "'@期间", "'=1+1"]);
    expect(sheet.getRow(4).values).toEqual([undefined, "'\t=cmd|' /C calc'!A0", -5]);
    expect(sheet.getRow(5).values).toEqual([undefined, '-3', 2]);
  });

  it('refuses a sheet wider than Excel before writing anything', () => {
    const output = new PassThrough();
    const bytes = collect(output);
    const wide = Array.from({ length: 16_385 }, (_, i): ExportColumn => ({ key: String(i), header: String(i), kind: 'text', value: () => null }));
    expect(() => xlsxSheetWriter(output, wide, 'x')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(bytes()).toHaveLength(0);
  });

  // The writer's memory bound relies on reaching the zip's input stream inside exceljs and
  // archiver; an upgrade that moves it must fail here, not silently in production.
  it('finds the zip input it waits on', async () => {
    const output = new PassThrough();
    collect(output);
    const { sheet } = xlsxSheet(output, columns, 'x');
    // archiver starts reading the sheet after the entries queued before it.
    for (let tries = 0; !zipEntryStream(sheet) && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(zipEntryStream(sheet)).toBeDefined();
  });
});
