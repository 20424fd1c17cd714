import type { ImportLimits, Localized } from '@zizhu/schema';
import { ApiException } from '../errors/api.exception';

const MiB = 1024 * 1024;

/** The one place the import limits are set; the README and the panel's upload step show them (via GET /api/imports/limits). */
export const IMPORT_LIMITS: ImportLimits = {
  fileBytes: 512 * MiB,
  fileNameChars: 255,
  rows: 2_000_000,
  columns: 1_000,
  cellChars: 32_767,
  csvLineBytes: 1_000_000,
  zipEntries: 10_000,
  sheetBytes: 2_048 * MiB,
  sharedStringsBytes: 100 * MiB,
  partBytes: 64 * MiB,
  totalBytes: 2_560 * MiB,
  commitWhileReadingBytes: 20 * MiB,
};

export type ImportLimitName = Exclude<keyof ImportLimits, 'fileNameChars' | 'commitWhileReadingBytes'>;

const size = (bytes: number) => (bytes >= 1024 * MiB ? `${bytes / (1024 * MiB)} GB` : `${Math.round(bytes / MiB)} MB`);
const count = (n: number) => n.toLocaleString('en-US');

/** Says which limit a file went past, and the limit. */
export function limitMessage(limit: ImportLimitName, limits: ImportLimits = IMPORT_LIMITS): Localized {
  const n = limits[limit];
  switch (limit) {
    case 'fileBytes':
      return { zh: `文件超过 ${size(n)}，请拆分后上传`, en: `The file is larger than ${size(n)}: split it and upload the parts` };
    case 'rows':
      return { zh: `文件超过 ${count(n)} 行，请拆分后上传`, en: `The file has more than ${count(n)} rows: split it and upload the parts` };
    case 'columns':
      return { zh: `有数据的列超过 ${count(n)} 列，请删除多余的列后上传`, en: `Values reach past column ${count(n)}: delete the extra columns and upload again` };
    case 'cellChars':
      return { zh: `有单元格超过 ${count(n)} 个字符，请检查文件内容`, en: `A cell holds more than ${count(n)} characters: check the file` };
    case 'csvLineBytes':
      return { zh: `CSV 文件有一行超过 ${count(n)} 字节，请检查文件内容（是否缺少换行或引号不成对）`, en: `A line of the CSV file is longer than ${count(n)} bytes: check the file (missing line breaks or an unclosed quote?)` };
    case 'zipEntries':
      return { zh: `Excel 文件内部的部件超过 ${count(n)} 个，不是正常的表格文件`, en: `The workbook holds more than ${count(n)} parts: not an ordinary spreadsheet` };
    case 'sheetBytes':
      return { zh: `工作表解压后超过 ${size(n)}，请拆分后上传`, en: `The worksheet is larger than ${size(n)} uncompressed: split it and upload the parts` };
    case 'sharedStringsBytes':
      return { zh: `文件中的文字（共享字符串）解压后超过 ${size(n)}，请拆分后上传`, en: `The workbook's text (shared strings) is larger than ${size(n)} uncompressed: split it and upload the parts` };
    case 'partBytes':
      return { zh: `Excel 文件的某个部件解压后超过 ${size(n)}，不是正常的表格文件`, en: `A part of the workbook is larger than ${size(n)} uncompressed: not an ordinary spreadsheet` };
    case 'totalBytes':
      return { zh: `Excel 文件解压后超过 ${size(n)}，请拆分后上传`, en: `The workbook is larger than ${size(n)} uncompressed: split it and upload the parts` };
  }
}

/**
 * A file went past one of the limits: reading stops at once and the file is refused. It is
 * a 422 on `file` of its own, so any route reading sheets answers it properly uncaught.
 */
export class ImportLimitError extends ApiException {
  constructor(readonly limit: ImportLimitName) {
    super('VALIDATION_FAILED', limitMessage(limit), { file: limitMessage(limit) });
  }
}

/** Reading was stopped from outside (the job was cancelled). */
export class ReadCancelledError extends Error {
  constructor() {
    super('reading cancelled');
  }
}
