import { studentResource } from '@zizhu/students';
import { ApiException } from '../errors/api.exception';
import { contentDisposition, contentType, parseExportOptions } from './export-format';

describe('export format', () => {
  it('defaults to xlsx, UTF-8', () => {
    expect(parseExportOptions({}, 'zh')).toEqual({ format: 'xlsx', encoding: 'utf-8', locale: 'zh' });
    expect(parseExportOptions({ format: 'CSV', encoding: 'GBK' }, 'en')).toEqual({ format: 'csv', encoding: 'gbk', locale: 'en' });
  });

  it.each([[{ format: 'pdf' }], [{ format: 'csv', encoding: 'latin1' }], [{ format: 'xlsx', encoding: 'gbk' }]])('rejects %j', (raw) => {
    expect(() => parseExportOptions(raw, 'zh')).toThrow(ApiException);
  });

  it('names the file in ASCII and, for browsers, in the caller’s language', () => {
    const now = new Date('2026-11-21T17:00:00Z'); // 2026-11-22 01:00 in Beijing
    expect(contentDisposition(studentResource, parseExportOptions({}, 'zh'), now)).toBe(
      `attachment; filename="students-2026-11-22.xlsx"; filename*=UTF-8''%E5%AD%A6%E7%94%9F-2026-11-22.xlsx`,
    );
    expect(contentDisposition(studentResource, parseExportOptions({ format: 'csv' }, 'en'), now)).toBe(
      `attachment; filename="students-2026-11-22.csv"; filename*=UTF-8''Students-2026-11-22.csv`,
    );
  });

  it('declares the CSV charset', () => {
    expect(contentType(parseExportOptions({ format: 'csv', encoding: 'gbk' }, 'zh'))).toBe('text/csv; charset=gbk');
  });
});
