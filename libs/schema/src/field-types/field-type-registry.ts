import type { FieldDeclaration, FieldType } from '../field';
import { findIdNumberFault, type IdNumberFault, normalizeIdNumber } from '../id-number';
import { parseYuan } from '../money';
import { FALSE_WORDS, isoDate, lostPrecision, numberFromCell, optionValue, parseDateText, TRUE_WORDS, unquoteFormulaGuard } from './cell-text';
import type { MessageKey } from './field-messages';
import type { ExportCell, ExportSpec, FieldCheck, FieldEnv, FieldTypeEntry, FilterSpec, Locale } from './field-type-entry';
import { decimalPlaces, isInt4, isIsoDateTime, isPlainObject, isRealDate, STRING_MAX_LENGTH, textLength } from './value-checks';

/** Characters of an ID number column (GB 11643). */
export const ID_NUMBER_LENGTH = 18;

const check = (key: MessageKey, test: (value: unknown) => boolean): FieldCheck => ({ key, test });
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';
const optionValues = (field: FieldDeclaration): string[] => (field.options ?? []).map((o) => o.value);

/** Type, declared length bounds, pattern: for every text-like field. */
function textChecks(field: FieldDeclaration, implicitMax?: number): FieldCheck[] {
  const max = field.maxLength || implicitMax;
  return [
    check('text', isString),
    ...(max ? [check('maxLength', (v) => isString(v) && textLength(v) <= max)] : []),
    ...(field.minLength ? [check('minLength', (v) => isString(v) && textLength(v) >= field.minLength!)] : []),
    ...(field.pattern ? [patternCheck('pattern', new RegExp(field.pattern.regex))] : []),
  ];
}

function patternCheck(key: MessageKey, regex: RegExp): FieldCheck {
  return check(key, (v) => isString(v) && regex.test(v));
}

function boundChecks(field: FieldDeclaration, min = field.min, max = field.max): FieldCheck[] {
  return [
    ...(min !== undefined ? [check('min', (v) => isNumber(v) && v >= min)] : []),
    ...(max !== undefined ? [check('max', (v) => isNumber(v) && v <= max)] : []),
  ];
}

/** A string or a number as the text a filter compares; anything else cannot be one. */
export function filterText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
}

/** A number or a decimal string, within what the column holds. */
function filterInteger(value: unknown, fits: (n: number) => boolean): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && fits(n) ? n : undefined;
}

/** A record id as a filter compares it: an int4, or a code. */
export function filterId(idType: 'integer' | 'code', value: unknown): number | string | undefined {
  if (idType === 'integer') return filterInteger(value, isInt4);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function filterOption(field: FieldDeclaration, value: unknown): string | undefined {
  return field.options?.find((o) => o.value === value)?.value;
}

function cellText(value: unknown): string | null {
  return value == null || value === '' ? null : String(value);
}

function instant(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && value) return new Date(value);
  return null;
}

const YES_NO: Record<Locale, [string, string]> = { zh: ['是', '否'], en: ['Yes', 'No'] };
const LIST_SEPARATOR: Record<Locale, string> = { zh: '、', en: ', ' };
const MASKED_NOTE = '; masked for roles without plain access';

const textExport: ExportSpec = { kind: 'text', cell: (v) => cellText(v) };
const codeExport: ExportSpec = { kind: 'code', cell: (v) => cellText(v) };
const numberExport: ExportSpec = { kind: 'number', cell: (v): ExportCell => (typeof v === 'number' ? v : cellText(v)) };
const textFilter: FilterSpec = { kinds: ['exact', 'prefix'], coerce: filterText };

function optionLabel(field: FieldDeclaration, value: unknown, locale: Locale): string {
  return field.options?.find((o) => o.value === String(value))?.label[locale] ?? String(value);
}

const textCell = (cell: string | number | boolean | Date) => ({ value: cell instanceof Date ? isoDate(cell) : unquoteFormulaGuard(String(cell)) });

/** A text field's OpenAPI schema: bounds and pattern as declared. */
const textSchema = (field: FieldDeclaration) => ({ schema: { type: 'string', maxLength: field.maxLength, minLength: field.minLength, pattern: field.pattern?.regex } });

const ID_NUMBER_FAULTS: readonly IdNumberFault[] = ['length', 'characters', 'region', 'birthDate', 'checkDigit'];

/**
 * Every field type and what it means to the engine, one entry each: adding a `FieldType`
 * without an entry does not compile. The panel's widgets per type live in
 * apps/admin/src/schema/field-widgets.tsx, keyed the same way.
 */
export const FIELD_TYPES: { readonly [T in FieldType]: FieldTypeEntry } = {
  string: {
    column: (field) => ({ type: 'varchar', length: field.maxLength ?? STRING_MAX_LENGTH, prefixCollation: field.search === 'prefix' || field.filter === 'prefix' }),
    // A string column without a declared length is varchar(255); text is unbounded.
    checks: (field) => textChecks(field, STRING_MAX_LENGTH),
    importable: true,
    fromCell: textCell,
    templateCell: 'code',
    export: textExport,
    openApi: textSchema,
    filter: textFilter,
  },
  text: {
    column: () => ({ type: 'text' }),
    checks: (field) => textChecks(field),
    importable: true,
    fromCell: textCell,
    templateCell: 'code',
    export: textExport,
    openApi: textSchema,
    filter: textFilter,
  },
  integer: {
    column: () => ({ type: 'integer' }),
    checks: (field) => [check('integer', (v) => isNumber(v) && Number.isInteger(v)), ...boundChecks(field), check('outOfRange', isInt4)],
    importable: true,
    fromCell: (cell) => ({ value: numberFromCell(cell) }),
    templateCell: 'text',
    export: numberExport,
    openApi: (field) => ({ schema: { type: 'integer', minimum: field.min, maximum: field.max } }),
    filter: { kinds: ['exact', 'range'], coerce: (value) => filterInteger(value, isInt4) },
  },
  number: {
    column: () => ({ type: 'double precision' }),
    checks: (field) => [
      check('number', (v) => isNumber(v) && Number.isFinite(v)),
      ...(field.decimals !== undefined ? [check('decimals', (v) => isNumber(v) && decimalPlaces(v) <= field.decimals!)] : []),
      ...boundChecks(field),
    ],
    importable: true,
    fromCell: (cell) => ({ value: numberFromCell(cell) }),
    templateCell: 'text',
    export: numberExport,
    openApi: (field) => ({ schema: { type: 'number', minimum: field.min, maximum: field.max } }),
    filter: {
      kinds: ['exact', 'range'],
      coerce: (value) => {
        const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        // A double, but no figure of this platform is beyond the integers a double holds exactly.
        return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? n : undefined;
      },
    },
  },
  money: {
    column: () => ({ type: 'bigint' }),
    checks: (field) => [check('money', (v) => isNumber(v) && Number.isInteger(v)), ...boundChecks(field, field.min ?? -Number.MAX_SAFE_INTEGER, field.max ?? Number.MAX_SAFE_INTEGER)],
    importable: true,
    // Cells hold yuan (2 decimals); the record holds fen. Unparseable text stays text and fails validation.
    fromCell: (cell) => ({ value: (typeof cell === 'number' || typeof cell === 'string' ? parseYuan(cell) : null) ?? String(cell) }),
    templateCell: 'text',
    export: { kind: 'money', cell: (v) => (v == null ? null : Number(v)) },
    openApi: (field) => ({ schema: { type: 'integer', format: 'int64', minimum: field.min, maximum: field.max }, note: ' (fen)' }),
    filter: { kinds: ['exact', 'range'], coerce: (value) => filterInteger(value, Number.isSafeInteger) },
    // pg returns bigint as text; amounts in fen stay far below 2^53, so a number is exact.
    present: (value) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value),
  },
  boolean: {
    column: (field) => ({ type: 'boolean', nullable: false, default: field.defaultValue === true }),
    checks: () => [check('boolean', (v) => typeof v === 'boolean')],
    importable: true,
    fromCell: (cell) => {
      if (typeof cell === 'boolean') return { value: cell };
      const word = String(cell).trim().toLowerCase();
      return { value: TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : word };
    },
    templateCell: 'text',
    templateChoices: (_field, locale) => [...YES_NO[locale]],
    export: { kind: 'text', cell: (v, _field, { locale }) => (v == null ? null : v ? YES_NO[locale][0] : YES_NO[locale][1]) },
    openApi: () => ({ schema: { type: 'boolean' } }),
    filter: {
      kinds: ['exact'],
      coerce: (value) => (value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined),
    },
  },
  date: {
    column: () => ({ type: 'date' }),
    checks: () => [check('date', isRealDate)],
    importable: true,
    fromCell: (cell) => ({ value: cell instanceof Date ? isoDate(cell) : parseDateText(String(cell)) }),
    templateCell: 'date',
    export: { kind: 'date', cell: (v) => (typeof v === 'string' && v ? v : null) },
    openApi: () => ({ schema: { type: 'string', format: 'date' } }),
    filter: { kinds: ['exact', 'range'], coerce: (value) => (isRealDate(value) ? value : undefined) },
  },
  datetime: {
    column: () => ({ type: 'timestamptz' }),
    checks: () => [check('datetime', isIsoDateTime)],
    importable: true,
    fromCell: (cell) => ({ value: cell instanceof Date ? cell.toISOString() : String(cell) }),
    templateCell: 'text',
    export: { kind: 'datetime', cell: instant },
    openApi: () => ({ schema: { type: 'string', format: 'date-time' } }),
    filter: { kinds: ['exact', 'range'], coerce: (value) => (isIsoDateTime(value) ? value : undefined) },
  },
  enum: {
    column: () => ({ type: 'varchar', length: 32 }),
    checks: (field) => [check('option', (v) => optionValues(field).some((o) => o === v))],
    importable: true,
    fromCell: (cell, field) => ({ value: optionValue(field, String(cell)) }),
    templateCell: 'text',
    templateChoices: (field, locale) => field.options?.map((o) => o.label[locale]),
    export: { kind: 'text', cell: (v, field, { locale }) => (v == null ? null : cellText(optionLabel(field, v, locale))) },
    openApi: (field) => ({ schema: { type: 'string', enum: optionValues(field) } }),
    filter: { kinds: ['exact'], coerce: (value, field) => filterOption(field, value) },
  },
  enumList: {
    column: () => ({ type: 'varchar', length: 32, array: true, nullable: false, default: 'emptyArray' }),
    checks: (field) => [
      check('options', Array.isArray),
      check('options', (v) => Array.isArray(v) && v.every((item) => optionValues(field).some((o) => o === item))),
      ...(field.required ? [check('options', (v) => Array.isArray(v) && v.length > 0)] : []),
    ],
    importable: true,
    fromCell: (cell, field) => ({
      value: String(cell)
        .split(/[、,，;；/|\s]+/)
        .filter(Boolean)
        .map((part) => optionValue(field, part)),
    }),
    templateCell: 'text',
    export: {
      kind: 'text',
      cell: (v, field, { locale }) => (Array.isArray(v) && v.length ? cellText(v.map((item) => optionLabel(field, item, locale)).join(LIST_SEPARATOR[locale])) : null),
    },
    openApi: (field) => ({ schema: { type: 'array', items: { type: 'string', enum: optionValues(field) } } }),
    filter: { kinds: ['exact'], coerce: (value, field) => filterOption(field, value), contains: true },
  },
  reference: {
    column: (field, env) => (env.referenceIdType(field) === 'integer' ? { type: 'integer' } : { type: 'varchar', length: 12 }),
    checks: (field, env) =>
      env.referenceIdType(field) === 'integer'
        ? [check('reference', (v) => isNumber(v) && Number.isInteger(v)), check('reference', isInt4)]
        : [check('reference', isString)],
    importable: true,
    fromCell: (cell, _field, { lookup }) => {
      const id = lookup?.find(String(cell).trim());
      return id === undefined ? { error: 'reference' } : { value: id };
    },
    templateCell: 'code',
    templateNote: { zh: '填写代码或名称', en: 'Code or name' },
    export: { kind: 'text', cell: (v, _field, { referenceLabel }) => cellText(referenceLabel ?? v) },
    openApi: (field, env) => ({ schema: { type: env.referenceIdType(field) === 'integer' ? 'integer' : 'string' }, note: `; id of ${field.reference}` }),
    filter: { kinds: ['exact'], coerce: (value, field, env) => filterId(env.referenceIdType(field), value) },
  },
  idNumber: {
    column: () => ({ type: 'varchar', length: ID_NUMBER_LENGTH }),
    normalize: normalizeIdNumber,
    // One check per fault, so the error names exactly what is wrong with the number.
    checks: () => [
      check('idNumber.characters', isString),
      ...ID_NUMBER_FAULTS.map((fault) => check(`idNumber.${fault}`, (v) => isString(v) && findIdNumberFault(v) !== fault)),
    ],
    importable: true,
    fromCell: (cell) =>
      typeof cell === 'number' || /^\d(\.\d+)?e\+\d+$/i.test(String(cell).trim()) ? { error: 'idNumberAsNumber' } : { value: String(cell) },
    templateCell: 'code',
    export: codeExport,
    openApi: () => ({ schema: { type: 'string', example: '450902200803151234' }, note: '; masked as 4509**********1234 for roles without plain access' }),
    filter: { kinds: ['exact', 'prefix'], coerce: (value) => (filterText(value) === undefined ? undefined : normalizeIdNumber(filterText(value)!)) },
    mask: 'idNumber',
    monospace: true,
    longNumber: true,
  },
  phone: {
    column: () => ({ type: 'varchar', length: 20, nullable: true }),
    normalize: (text) => text.replace(/[\s-]/g, ''),
    checks: () => [patternCheck('phone', /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/)],
    importable: true,
    fromCell: textCell,
    templateCell: 'code',
    export: codeExport,
    openApi: () => ({ schema: { type: 'string' }, note: MASKED_NOTE }),
    filter: textFilter,
    mask: 'phone',
    longNumber: true,
  },
  account: {
    column: () => ({ type: 'varchar', length: 32, nullable: true }),
    normalize: (text) => text.replace(/[\s-]/g, ''),
    checks: () => [patternCheck('account', /^\d{12,30}$/)],
    importable: true,
    fromCell: (cell) => (typeof cell === 'number' && lostPrecision(cell) ? { error: 'longNumberAsNumber' } : { value: String(cell) }),
    templateCell: 'code',
    export: codeExport,
    openApi: () => ({ schema: { type: 'string' }, note: MASKED_NOTE }),
    filter: textFilter,
    mask: 'account',
    monospace: true,
    longNumber: true,
  },
  json: {
    column: () => ({ type: 'jsonb', nullable: true }),
    checks: (field) => [field.shape?.kind === 'list' ? check('list', Array.isArray) : check('object', isPlainObject)],
    importable: false,
    fromCell: () => ({ value: null }),
    templateCell: 'text',
    export: { kind: 'text', cell: (v) => (v == null ? null : cellText(JSON.stringify(v))) },
    openApi: () => ({ schema: { type: 'object' } }),
    filter: null,
  },
  password: {
    column: () => ({ type: 'varchar', length: 255, nullable: true }),
    checks: (field) => textChecks(field),
    importable: false,
    fromCell: () => ({ value: null }),
    templateCell: 'text',
    export: null,
    openApi: textSchema,
    filter: null,
  },
};

/** A field type's entry. */
export function fieldType(type: FieldType): FieldTypeEntry {
  return FIELD_TYPES[type];
}

/**
 * What a clerk would expect done silently to a typed value: trimmed, empty text is no
 * value, then the type's own tidying (full-width digits of an ID number, phone separators).
 */
export function normalizeValue(field: Pick<FieldDeclaration, 'type'>, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return FIELD_TYPES[field.type].normalize?.(trimmed) ?? trimmed;
}

/** The first constraint a present value breaks, or null. */
export function findValueFault(field: FieldDeclaration, value: unknown, env: FieldEnv): MessageKey | null {
  return FIELD_TYPES[field.type].checks(field, env).find((c) => !c.test(value))?.key ?? null;
}
