import { FIELD_TYPES, type ResourceDeclaration } from '@zizhu/schema';
import type { Writable } from 'node:stream';
import type { Locale } from '../errors/locale';
import type { ExportCellKind, ExportColumn } from '../export/export-columns';
import { type XlsxChoice, xlsxSheetWriter, xlsxWorkbookWriter } from '../export/xlsx-sheet.writer';
import { importableFields } from './header-detection';

const TEMPLATE_ROWS = 2_000;

type Row = Readonly<Record<string, unknown>>;

const textColumn = (key: string, header: string, width: number, kind: ExportCellKind = 'text'): ExportColumn => ({
  key,
  header,
  kind,
  width,
  value: (r: Row) => (r[key] == null ? null : (r[key] as string | number)),
});

/**
 * The template a school fills in: labelled headers (required ones marked), a hidden row of
 * field keys under them, dropdowns for enumerations, text-formatted ID columns (so Excel
 * keeps all 18 digits), and an instructions sheet.
 */
export async function writeTemplate(resource: ResourceDeclaration, locale: Locale, out: Writable): Promise<void> {
  const fields = importableFields(resource).filter(([, f]) => !f.readOnly);
  const columns = fields.map(([key, f]) =>
    textColumn(key, f.label[locale] + (f.required ? ' *' : ''), Math.max(12, f.label.zh.length * 3 + 4), FIELD_TYPES[f.type].templateCell),
  );
  const choices: Record<string, XlsxChoice> = {};
  for (const [key, f] of fields) {
    const options = FIELD_TYPES[f.type].templateChoices?.(f, locale);
    if (options) choices[key] = { options, required: !!f.required, title: f.label[locale], error: locale === 'zh' ? '请从下拉列表中选择' : 'Choose a value from the list' };
  }
  const help = [
    textColumn('column', locale === 'zh' ? '列' : 'Column', 18),
    textColumn('required', locale === 'zh' ? '必填' : 'Required', 10),
    textColumn('notes', locale === 'zh' ? '说明' : 'Notes', 70),
  ];
  const { sheets, finish } = xlsxWorkbookWriter(out, [
    { name: locale === 'zh' ? '数据' : 'Data', columns, keysRow: true, choices, inputRows: TEMPLATE_ROWS - 2, headerFill: 'FFDDEBF7' },
    { name: locale === 'zh' ? '填写说明' : 'Instructions', columns: help },
  ]);
  sheets[0].commit();
  sheets[1].writeRecords([
    ...fields.map(([, f]) => ({
      column: f.label[locale],
      required: f.required ? (locale === 'zh' ? '是' : 'Yes') : '',
      notes: [
        f.help?.[locale],
        f.options && f.type !== 'boolean' ? `${locale === 'zh' ? '可选值' : 'Choices'}: ${f.options.map((o) => o.label[locale]).join(locale === 'zh' ? '、' : ', ')}` : undefined,
        FIELD_TYPES[f.type].templateNote?.[locale],
      ]
        .filter(Boolean)
        .join('；'),
    })),
    {},
    {
      column:
        locale === 'zh'
          ? '第1行是表头，请勿修改；第2行为隐藏的字段代码。身份证号等长数字请保持“文本”格式，否则 Excel 会丢失第15位之后的数字。'
          : 'Row 1 holds the headers; keep them. Row 2 (hidden) holds field keys. Keep long numbers such as ID numbers as text, or Excel drops every digit after the 15th.',
    },
  ]);
  await finish();
}

/**
 * The file's rows that failed, as they were, plus an error column: fix and upload again.
 * A file wider than Excel allows is refused (422) before a byte is written.
 */
export async function writeErrorWorkbook(
  headers: readonly string[],
  rows: AsyncIterable<{ row: number; raw: unknown[]; messages: string[] }>,
  locale: Locale,
  out: Writable,
): Promise<void> {
  const columns: ExportColumn[] = [
    ...headers.map((header, i): ExportColumn => ({ key: String(i), header, kind: 'code', width: 16, value: (r) => (r[i] == null ? null : String(r[i])) })),
    textColumn('messages', locale === 'zh' ? '错误说明' : 'Problems', 60),
    textColumn('row', locale === 'zh' ? '原行号' : 'Row', 10, 'number'),
  ];
  const writer = xlsxSheetWriter(out, columns, locale === 'zh' ? '错误行' : 'Errors');
  for await (const row of rows) {
    writer.writeRecords([{ ...row.raw, messages: row.messages.join('；'), row: row.row }]);
    await writer.caughtUp();
  }
  await writer.finish();
}
