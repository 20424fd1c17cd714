import { findDefinitionProblem } from '@zizhu/checks';
import type { ChecklistDefinition, ChecklistItem, ChecklistSection } from '@zizhu/schema';
import { CONFIGURED_TYPES, type ConfiguredFieldType, type Localized } from '@zizhu/schema';
import type { ExportCell, ExportCellKind, ExportColumn } from '../../engine/export/export-columns';
import { startsFormula } from '../../engine/export/formula-safety';
import type { Locale } from '../../engine/errors/locale';
import { type Cell, CellFault, type SheetRow } from '../../engine/imports/sheet-reader';

/**
 * A checklist version as a sheet (检查表 Excel): one row per item, its section's key, title
 * and weight repeated on each row; structured values (choices, conditions, samples) as JSON.
 * The same columns write the export and read the import, so a sheet exported and imported
 * back gives the same definition.
 */

type Flat = Record<string, unknown>;
type CellValue = string | number | boolean | object | undefined;

interface SheetColumn {
  key: string;
  header: Localized;
  kind: 'text' | 'code' | 'number' | 'flag' | 'json' | 'type';
  /** Where the value lives: the section (the first three) or the item. */
  of: 'section' | 'item';
  /** The property it fills; the key when left out. */
  property?: string;
}

export const CHECKLIST_SHEET_COLUMNS: readonly SheetColumn[] = [
  { key: 'sectionKey', property: 'key', of: 'section', kind: 'code', header: { zh: '部分代码', en: 'Section key' } },
  { key: 'sectionTitle', property: 'title', of: 'section', kind: 'text', header: { zh: '部分名称', en: 'Section title' } },
  { key: 'sectionWeight', property: 'weight', of: 'section', kind: 'number', header: { zh: '部分权重', en: 'Section weight' } },
  { key: 'key', of: 'item', kind: 'code', header: { zh: '检查项代码', en: 'Item key' } },
  { key: 'label', of: 'item', kind: 'text', header: { zh: '检查内容', en: 'Item' } },
  { key: 'help', of: 'item', kind: 'text', header: { zh: '说明', en: 'Help' } },
  { key: 'type', of: 'item', kind: 'type', header: { zh: '类型', en: 'Type' } },
  { key: 'required', of: 'item', kind: 'flag', header: { zh: '必填', en: 'Required' } },
  { key: 'weight', of: 'item', kind: 'number', header: { zh: '权重', en: 'Weight' } },
  { key: 'critical', of: 'item', kind: 'flag', header: { zh: '否决项', en: 'Critical' } },
  { key: 'naAllowed', of: 'item', kind: 'flag', header: { zh: '可不适用', en: 'N/A allowed' } },
  { key: 'options', of: 'item', kind: 'text', header: { zh: '选项', en: 'Options' } },
  { key: 'choices', of: 'item', kind: 'json', header: { zh: '选项及分值', en: 'Scored choices' } },
  { key: 'min', of: 'item', kind: 'number', header: { zh: '最小值', en: 'Minimum' } },
  { key: 'max', of: 'item', kind: 'number', header: { zh: '最大值', en: 'Maximum' } },
  { key: 'decimals', of: 'item', kind: 'number', header: { zh: '小数位', en: 'Decimals' } },
  { key: 'expression', of: 'item', kind: 'json', header: { zh: '计算公式', en: 'Expression' } },
  { key: 'dataItem', of: 'item', kind: 'code', header: { zh: '数据项', en: 'Data item' } },
  { key: 'sample', of: 'item', kind: 'json', header: { zh: '抽样', en: 'Sample' } },
  { key: 'visibleWhen', of: 'item', kind: 'json', header: { zh: '显示条件', en: 'Visible when' } },
  { key: 'requiredWhen', of: 'item', kind: 'json', header: { zh: '必填条件', en: 'Required when' } },
  { key: 'evidenceWhen', of: 'item', kind: 'json', header: { zh: '需佐证条件', en: 'Evidence when' } },
  { key: 'findingWhen', of: 'item', kind: 'json', header: { zh: '发现问题条件', en: 'Finding when' } },
];

const CELL_KIND: Record<SheetColumn['kind'], ExportCellKind> = { text: 'text', code: 'code', number: 'number', flag: 'text', json: 'text', type: 'code' };
const YES: Localized = { zh: '是', en: 'yes' };
const NO: Localized = { zh: '否', en: 'no' };

/** The export's columns, headed in the reader's language (the hidden keys row maps them back on import). */
export function checklistExportColumns(locale: Locale): ExportColumn[] {
  return CHECKLIST_SHEET_COLUMNS.map((column) => ({
    key: column.key,
    header: column.header[locale],
    kind: CELL_KIND[column.kind],
    width: column.kind === 'json' ? 30 : column.key === 'label' ? 36 : undefined,
    value: (record) => exportCell(column, record[column.key], locale),
  }));
}

function exportCell(column: SheetColumn, value: unknown, locale: Locale): ExportCell {
  if (value === undefined || value === null) return null;
  if (column.kind === 'flag') return (value ? YES : NO)[locale];
  if (column.kind === 'json') return JSON.stringify(value);
  if (typeof value === 'number') return value;
  return String(value);
}

/** The definition's rows, one per item, as the export columns read them. */
export function definitionRows(definition: ChecklistDefinition): Flat[] {
  return definition.sections.flatMap((section) =>
    section.items.map((item) => {
      const row: Flat = {};
      for (const column of CHECKLIST_SHEET_COLUMNS) {
        const source = (column.of === 'section' ? section : item) as unknown as Flat;
        row[column.key] = source[column.property ?? column.key];
      }
      return row;
    }),
  );
}

export interface SheetRowError {
  row: number;
  /** The column's key (`visibleWhen`), or `file`. */
  column: string;
  message: Localized;
}

export type ReadDefinition = { definition: ChecklistDefinition; errors: [] } | { definition: null; errors: SheetRowError[] };

/**
 * A definition from a sheet's rows: the header (or the hidden keys row) names the columns;
 * each later non-empty row is an item, a new section starting where the section key changes.
 * Every cell that cannot be read is reported; when all can, the whole definition is checked
 * as publishing checks it and its problem is put back on its row and column.
 */
export async function readDefinition(rows: AsyncIterable<SheetRow>, dataItemCodes: readonly string[]): Promise<ReadDefinition> {
  let columns: (SheetColumn | undefined)[] | null = null;
  const errors: SheetRowError[] = [];
  const sections: { section: Flat; items: Flat[]; rows: number[] }[] = [];
  for await (const { number, cells } of rows) {
    const named = headerColumns(cells);
    if (named) {
      // The header, then the hidden keys row under it.
      columns = named;
      continue;
    }
    if (!columns || cells.every(blank)) continue;
    const section: Flat = {};
    const item: Flat = {};
    columns.forEach((column, i) => {
      if (!column) return;
      const read = readCell(column, cells[i] ?? null);
      if ('error' in read) errors.push({ row: number, column: column.key, message: read.error });
      else if (read.value !== undefined) (column.of === 'section' ? section : item)[column.property ?? column.key] = read.value;
    });
    const last = sections[sections.length - 1];
    if (last && last.section.key === section.key) {
      last.items.push(item);
      last.rows.push(number);
    } else {
      sections.push({ section: { ...section, items: [] }, items: [item], rows: [number] });
    }
  }
  if (!columns) return { definition: null, errors: [{ row: 1, column: 'file', message: SHEET_MESSAGES.headerMissing }] };
  if (!sections.length) return { definition: null, errors: [{ row: 1, column: 'file', message: SHEET_MESSAGES.empty }] };
  if (errors.length) return { definition: null, errors };
  const definition: ChecklistDefinition = {
    sections: sections.map(({ section, items }) => ({ ...(section as unknown as ChecklistSection), items: items as unknown as ChecklistItem[] })),
  };
  const problem = findDefinitionProblem(definition, dataItemCodes);
  if (!problem) return { definition, errors: [] };
  return { definition: null, errors: [placeProblem(problem.path, problem.message, sections.map((s) => s.rows))] };
}

/** `sections.1.items.0.sample.size` → the row of that item, column `sample`. */
function placeProblem(path: string, message: Localized, rowsOf: number[][]): SheetRowError {
  const [, s, part, i, property] = path.split('.');
  const rows = rowsOf[Number(s)] ?? [rowsOf[0][0]];
  if (part === 'items' && i !== undefined) {
    return { row: rows[Number(i)] ?? rows[0], column: property ?? 'key', message };
  }
  const sectionColumn = CHECKLIST_SHEET_COLUMNS.find((c) => c.of === 'section' && c.property === part);
  return { row: rows[0], column: sectionColumn?.key ?? 'sectionKey', message };
}

/** The columns a header row names (by key, or by the Chinese or English header), or null when it is not a header. */
function headerColumns(cells: readonly Cell[]): (SheetColumn | undefined)[] | null {
  const names = cells.map((cell) => (typeof cell === 'string' ? cell.trim() : ''));
  const columns = names.map((name) => CHECKLIST_SHEET_COLUMNS.find((c) => name && (c.key === name || c.header.zh === name || c.header.en === name)));
  const found = new Set(columns.map((c) => c?.key));
  return found.has('sectionKey') && found.has('key') ? columns : null;
}

function blank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && !cell.trim());
}

function readCell(column: SheetColumn, cell: Cell): { value: CellValue } | { error: Localized } {
  if (cell instanceof CellFault) return { error: { zh: `无法读取“${cell.text}”`, en: `"${cell.text}" cannot be read` } };
  if (blank(cell)) return { value: undefined };
  const text = unneutralized(cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim());
  switch (column.kind) {
    case 'number': {
      const value = typeof cell === 'number' ? cell : Number(text);
      return Number.isFinite(value) ? { value } : { error: SHEET_MESSAGES.number };
    }
    case 'flag':
      if (cell === true || [YES.zh, YES.en, 'true', '1', 'y'].includes(text.toLowerCase())) return { value: true };
      if (cell === false || [NO.zh, NO.en, 'false', '0', 'n'].includes(text.toLowerCase())) return { value: false };
      return { error: SHEET_MESSAGES.flag };
    case 'json':
      try {
        const value: unknown = JSON.parse(text);
        return value !== null && typeof value === 'object' ? { value } : { error: SHEET_MESSAGES.json };
      } catch {
        return { error: SHEET_MESSAGES.json };
      }
    case 'type': {
      const entry = Object.entries(CONFIGURED_TYPES).find(([code, t]) => code === text || t.label.zh === text || t.label.en === text);
      return entry ? { value: entry[0] as ConfiguredFieldType } : { error: SHEET_MESSAGES.type };
    }
    default:
      return { value: text };
  }
}

/** The writers put `'` before a text that would start a formula; reading takes it off again. */
function unneutralized(text: string): string {
  return text.startsWith("'") && startsFormula(text.slice(1)) ? text.slice(1) : text;
}

export const SHEET_MESSAGES = {
  headerMissing: { zh: '没有找到表头：请使用导出的检查表文件（须有“部分代码”和“检查项代码”两列）', en: 'No header found: use an exported checklist sheet (with "Section key" and "Item key" columns)' },
  empty: { zh: '文件中没有检查项', en: 'The file has no items' },
  number: { zh: '应为数字', en: 'Should be a number' },
  flag: { zh: '应为“是”或“否”', en: 'Should be yes or no' },
  json: { zh: '应为 JSON 对象或数组（按导出的格式）', en: 'Should be a JSON object or array (as exported)' },
  type: { zh: '没有这种类型', en: 'No such type' },
} satisfies Record<string, Localized>;
