import iconv from 'iconv-lite';
import { PassThrough } from 'node:stream';
import { csvField, csvSheetWriter, csvText } from './csv-sheet.writer';
import type { ExportColumn } from './export-columns';

describe('CSV writer', () => {
  const columns: ExportColumn[] = [
    { key: 'name', header: '姓名', kind: 'text', value: (r) => r.name as string },
    { key: 'idNumber', header: '身份证号', kind: 'code', value: (r) => r.idNumber as string },
    { key: 'at', header: '时间', kind: 'datetime', value: (r) => r.at as Date },
  ];

  const written = async (encoding: 'utf-8' | 'gbk') => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = csvSheetWriter(output, columns, encoding);
    writer.writeRecords([{ name: '黄子涵, "小黄"', idNumber: '450902200803151234', at: new Date('2026-01-01T00:00:00Z') }]);
    await writer.finish();
    return Buffer.concat(chunks);
  };

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
  ])('quotes %j as RFC 4180 requires', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('keeps long digit strings and leading zeros as text for Excel, and nothing else', () => {
    expect(csvText('code', '450902200803151234')).toBe('\t450902200803151234');
    expect(csvText('text', '0775123456')).toBe('\t0775123456');
    expect(csvText('code', '4509**********1234')).toBe('4509**********1234');
    expect(csvText('code', '13812345678')).toBe('13812345678');
    expect(csvText('number', 42)).toBe('42');
    expect(csvText('date', '2010-03-15')).toBe('2010-03-15');
    expect(csvText('text', null)).toBe('');
  });

  it('makes text formula-safe and keeps numbers, negative ones included, as numbers', () => {
    expect(csvText('text', '=1+1')).toBe("'=1+1");
    expect(csvText('text', '＠A1')).toBe("'＠A1");
    expect(csvText('text', '-2+3')).toBe("'-2+3");
    expect(csvText('text', '-5')).toBe('-5');
    expect(csvText('number', -5)).toBe('-5');
    expect(csvText('money', -1250)).toBe('-12.50');
  });

  it('writes UTF-8 with a BOM and CRLF lines', async () => {
    const buffer = await written('utf-8');
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buffer.toString('utf8').slice(1)).toBe('姓名,身份证号,时间\r\n"黄子涵, ""小黄""",\t450902200803151234,2026-01-01 08:00:00\r\n');
  });

  it('writes GBK without a BOM', async () => {
    const buffer = await written('gbk');
    expect(buffer[0]).not.toBe(0xef);
    expect(iconv.decode(buffer, 'gbk')).toBe('姓名,身份证号,时间\r\n"黄子涵, ""小黄""",\t450902200803151234,2026-01-01 08:00:00\r\n');
  });
});
