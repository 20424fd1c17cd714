import type { ResourceDeclaration } from '@zizhu/schema';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { Locale } from '../errors/locale';
import { importableFields } from './header-detection';

const TEXT_TYPES = new Set(['idNumber', 'phone', 'account', 'string', 'text', 'reference']);
const TEMPLATE_ROWS = 2_000;

/**
 * The template a school fills in: labelled headers (required ones marked), a hidden row of
 * field keys under them, dropdowns for enumerations, text-formatted ID columns (so Excel
 * keeps all 18 digits), and an instructions sheet.
 */
export async function writeTemplate(resource: ResourceDeclaration, locale: Locale, out: Writable): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zizhu';
  const sheet = workbook.addWorksheet(locale === 'zh' ? '数据' : 'Data', { views: [{ state: 'frozen', ySplit: 2 }] });
  const fields = importableFields(resource).filter(([, f]) => !f.readOnly);
  sheet.columns = fields.map(([key, f]) => ({ key, width: Math.max(12, f.label.zh.length * 3 + 4) }));
  const header = sheet.getRow(1);
  const keys = sheet.getRow(2);
  fields.forEach(([key, f], i) => {
    header.getCell(i + 1).value = f.label[locale] + (f.required ? ' *' : '');
    keys.getCell(i + 1).value = key;
    const column = sheet.getColumn(i + 1);
    if (TEXT_TYPES.has(f.type)) column.numFmt = '@';
    if (f.type === 'date') column.numFmt = 'yyyy-mm-dd';
    const options = f.type === 'boolean' ? [locale === 'zh' ? '是' : 'Yes', locale === 'zh' ? '否' : 'No'] : f.type === 'enum' ? f.options?.map((o) => o.label[locale]) : undefined;
    if (options) {
      const letter = column.letter;
      for (let row = 3; row <= TEMPLATE_ROWS; row++) {
        sheet.getCell(`${letter}${row}`).dataValidation = {
          type: 'list',
          allowBlank: !f.required,
          formulae: [`"${options.join(',')}"`],
          showErrorMessage: true,
          errorTitle: f.label[locale],
          error: locale === 'zh' ? '请从下拉列表中选择' : 'Choose a value from the list',
        };
      }
    }
  });
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  keys.hidden = true;

  const help = workbook.addWorksheet(locale === 'zh' ? '填写说明' : 'Instructions');
  help.columns = [{ width: 18 }, { width: 10 }, { width: 70 }];
  help.addRow(locale === 'zh' ? ['列', '必填', '说明'] : ['Column', 'Required', 'Notes']).font = { bold: true };
  for (const [, f] of fields) {
    const notes = [f.help?.[locale], f.options && f.type !== 'boolean' ? `${locale === 'zh' ? '可选值' : 'Choices'}: ${f.options.map((o) => o.label[locale]).join(locale === 'zh' ? '、' : ', ')}` : undefined, f.type === 'reference' ? (locale === 'zh' ? '填写代码或名称' : 'Code or name') : undefined]
      .filter(Boolean)
      .join('；');
    help.addRow([f.label[locale], f.required ? (locale === 'zh' ? '是' : 'Yes') : '', notes]);
  }
  help.addRow([]);
  help.addRow([
    locale === 'zh'
      ? '第1行是表头，请勿修改；第2行为隐藏的字段代码。身份证号等长数字请保持“文本”格式，否则 Excel 会丢失第15位之后的数字。'
      : 'Row 1 holds the headers; keep them. Row 2 (hidden) holds field keys. Keep long numbers such as ID numbers as text, or Excel drops every digit after the 15th.',
  ]);
  await workbook.xlsx.write(out);
}

/** The file's rows that failed, as they were, plus an error column: fix and upload again. */
export async function writeErrorWorkbook(
  headers: string[],
  rows: AsyncIterable<{ row: number; raw: unknown[]; messages: string[] }>,
  locale: Locale,
  out: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(locale === 'zh' ? '错误行' : 'Errors');
  const errorHeader = locale === 'zh' ? '错误说明' : 'Problems';
  const rowHeader = locale === 'zh' ? '原行号' : 'Row';
  sheet.columns = [...headers, errorHeader, rowHeader].map((header, i) => ({
    header,
    key: String(i),
    width: i === headers.length ? 60 : 16,
    style: i < headers.length ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for await (const row of rows) {
    const cells = headers.map((_, i) => (row.raw[i] == null ? null : String(row.raw[i])));
    sheet.addRow([...cells, row.messages.join('；'), row.row]).commit();
  }
  sheet.commit();
  await workbook.commit();
}
