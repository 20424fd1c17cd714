import { ApiException } from '../errors/api.exception';

/** Excel's (and WPS's) widest sheet: columns A to XFD. */
export const MAX_SHEET_COLUMNS = 16_384;

/**
 * Refuses a sheet wider than Excel can open, before anything is written: exceljs would
 * otherwise throw on the first out-of-range column, after the download had started.
 */
export function assertSheetColumns(count: number): void {
  if (count <= MAX_SHEET_COLUMNS) return;
  throw ApiException.validation({
    file: {
      zh: `该文件有 ${count} 列，超过 Excel 的上限 ${MAX_SHEET_COLUMNS} 列，无法生成 Excel 文件；请删去多余的列后重新导入`,
      en: `This file would have ${count} columns, more than Excel's limit of ${MAX_SHEET_COLUMNS}; remove the extra columns and import again`,
    },
  });
}
