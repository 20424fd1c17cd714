import type { ResourceDeclaration } from '@zizhu/schema';
import { ApiException } from '../errors/api.exception';
import type { Locale } from '../errors/locale';
import type { CsvEncoding } from './csv-sheet.writer';
import { exportDate } from './export-columns';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportOptions {
  format: ExportFormat;
  encoding: CsvEncoding;
  locale: Locale;
}

export interface RawExportOptions {
  format?: string;
  encoding?: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** `format` = xlsx (default) or csv; `encoding` = utf-8 (default, with BOM) or gbk, CSV only. */
export function parseExportOptions(raw: RawExportOptions, locale: Locale): ExportOptions {
  const format = String(raw.format || 'xlsx').toLowerCase();
  if (format !== 'xlsx' && format !== 'csv') {
    throw ApiException.badQuery('format must be xlsx or csv', 'format 参数应为 xlsx 或 csv');
  }
  const encoding = String(raw.encoding || 'utf-8').toLowerCase().replace(/^utf8$/, 'utf-8');
  if (encoding !== 'utf-8' && encoding !== 'gbk') {
    throw ApiException.badQuery('encoding must be utf-8 or gbk', 'encoding 参数应为 utf-8 或 gbk');
  }
  if (encoding === 'gbk' && format !== 'csv') {
    throw ApiException.badQuery('encoding applies to csv only', 'encoding 参数只适用于 csv');
  }
  return { format, encoding, locale };
}

export function contentType(options: ExportOptions): string {
  return options.format === 'csv' ? `${CONTENT_TYPES.csv}; charset=${options.encoding}` : CONTENT_TYPES.xlsx;
}

/**
 * `attachment; filename="students-2026-11-22.xlsx"; filename*=UTF-8''学生-2026-11-22.xlsx`
 * (percent-encoded, RFC 6266): browsers save the Chinese name, old clients the ASCII one.
 */
export function contentDisposition(resource: ResourceDeclaration, options: ExportOptions, now = new Date()): string {
  const date = exportDate(now);
  const ascii = `${resource.name}-${date}.${options.format}`;
  const localized = `${resource.label[options.locale]}-${date}.${options.format}`;
  const encoded = encodeURIComponent(localized).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
