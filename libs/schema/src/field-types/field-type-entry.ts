import type { FieldDeclaration, FilterKind, MaskKind } from '../field';
import type { Localized } from '../role';
import type { MessageKey } from './field-messages';

export type Locale = keyof Localized;

/** What a field type needs to know about the declarations around it (the API supplies it). */
export interface FieldEnv {
  /** Whether the resource a reference names has integer ids or codes. */
  referenceIdType(field: FieldDeclaration): 'integer' | 'code';
}

export type SqlColumnType = 'varchar' | 'text' | 'integer' | 'bigint' | 'double precision' | 'boolean' | 'date' | 'timestamptz' | 'jsonb';

/** The database column of a field (before its name). */
export interface ColumnSpec {
  type: SqlColumnType;
  length?: number;
  array?: boolean;
  /** Left out: nullable unless the field is required. */
  nullable?: boolean;
  default?: boolean | 'emptyArray';
  /** Text searched by prefix: the "C" collation, so a plain btree index serves `LIKE 'x%'`. */
  prefixCollation?: boolean;
}

/** One constraint on a present value; the first that fails names the field's fault. */
export interface FieldCheck {
  key: MessageKey;
  test(value: unknown): boolean;
}

/** A spreadsheet cell that holds something (empty cells, faults and U+0000 are handled before). */
export type CellValue = string | number | boolean | Date;

export interface CellContext {
  /** Resolves a reference cell (a code or a name) to the referenced record's id. */
  lookup?: { find(text: string): number | string | undefined };
}

/** The value the API would accept for the cell, or the fault that makes it unusable. */
export type CellResult = { value: unknown } | { error: MessageKey };

/**
 * How a column is written. `code` is text that looks like a number (ID numbers, phones,
 * account numbers): always a text cell, because Excel would turn `450902200803151234`
 * into 4.50902E+17 and lose the last digits.
 */
export type ExportCellKind = 'text' | 'code' | 'number' | 'money' | 'date' | 'datetime';

/** A cell before formatting (the writers make its text formula-safe): a date is `YYYY-MM-DD`, a datetime an instant. */
export type ExportCell = string | number | Date | null;

export interface ExportContext {
  locale: Locale;
  /** A reference's label, as the export query returns it beside the id. */
  referenceLabel?: unknown;
}

export interface ExportSpec {
  kind: ExportCellKind;
  cell(value: unknown, field: FieldDeclaration, context: ExportContext): ExportCell;
}

export interface FilterSpec {
  /** The filter kinds a declaration of this type may ask for. */
  kinds: readonly FilterKind[];
  /** The filter value as the column compares it; `undefined` when it cannot be one (a 400). */
  coerce(value: unknown, field: FieldDeclaration, env: FieldEnv): unknown;
  /** Filtering an array column: the value must be one of its elements. */
  contains?: boolean;
}

export type JsonSchema = Record<string, unknown>;

/**
 * Everything the engine needs to know about one field type that is not a UI widget: its
 * column, how a typed value is tidied and checked, how a spreadsheet cell becomes a value
 * and a value a cell, how OpenAPI describes it, how lists filter it, how it is masked and
 * shown. One entry per `FieldType` (see field-type-registry.ts).
 */
export interface FieldTypeEntry {
  column(field: FieldDeclaration, env: FieldEnv): ColumnSpec;
  /** Applied to trimmed, non-empty text (full-width digits, separators a clerk types). */
  normalize?(text: string): string;
  /** Constraints on a present value, in order (type first, then bounds). */
  checks(field: FieldDeclaration, env: FieldEnv): readonly FieldCheck[];
  /** Whether files may carry it (a template column, a mapped header). */
  importable: boolean;
  fromCell(cell: CellValue, field: FieldDeclaration, context: CellContext): CellResult;
  /** How the import template formats the column: `code` keeps long numbers as text. */
  templateCell: 'code' | 'date' | 'text';
  /** A dropdown in the template's column. */
  templateChoices?(field: FieldDeclaration, locale: Locale): string[] | undefined;
  /** A note on the template's instructions sheet. */
  templateNote?: Localized;
  /** null: never written to a file. */
  export: ExportSpec | null;
  openApi(field: FieldDeclaration, env: FieldEnv): { schema: JsonSchema; note?: string };
  /** null: lists cannot filter by it. */
  filter: FilterSpec | null;
  /** The value a response carries, from what the database driver returned. */
  present?(value: unknown): unknown;
  /** The natural mask of a sensitive field of this type. */
  mask?: MaskKind;
  /** Read character by character (ID numbers, accounts): a monospace font. */
  monospace?: boolean;
  /** Digits Excel would round past the 15th: text cells, and a tip on the import page. */
  longNumber?: boolean;
}
