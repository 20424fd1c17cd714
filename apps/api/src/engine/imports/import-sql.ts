import { columnName, FIELD_TYPES, type FieldDeclaration, MASK_KEEP, type MaskKind, type ResourceDeclaration } from '@zizhu/schema';
import { FIELD_ENV } from '../metadata/resource-registry';

/**
 * Where a commit reads staged rows from, as SQL over the alias `r` (columns `row_number`,
 * `business_key`, `scope_path`, and the values): the JSON staging of a previewed import, or
 * a typed batch of a file committed while it is read (import-direct.ts).
 */
export interface StagedRows {
  /** The FROM item naming the rows `r`, and the condition selecting this import's. */
  from: string;
  where: string;
  /** What a commit reads of a row: its number, its scope path and its values. */
  columns: string;
  /** True when the row passed validation. */
  valid: string;
  /** The first valid row of the file with the row's business key (a later one is a duplicate). */
  firstRow: string;
  /** The row's value of a field, as its column's SQL type. */
  value(key: string, field: FieldDeclaration): string;
}

/** A previewed import's rows in `import_rows`, values as JSON. Parameter $1: the import id. */
export const STAGED_JSON: StagedRows = {
  from: 'import_rows r',
  where: 'r.import_id = $1',
  columns: 'r.row_number, r.scope_path, r.data',
  valid: 'r.data IS NOT NULL',
  firstRow: 'min(r.row_number) FILTER (WHERE r.data IS NOT NULL) OVER (PARTITION BY r.business_key)',
  value: fromData,
};

/** `r.data->'key'` as its column's SQL type (FIELD_TYPES decides the column). */
export function fromData(key: string, field: FieldDeclaration): string {
  const text = `(r.data->>'${key}')`;
  const column = FIELD_TYPES[field.type].column(field, FIELD_ENV);
  if (column.array) return `COALESCE(ARRAY(SELECT jsonb_array_elements_text(r.data->'${key}'))::${column.type}[], '{}')`;
  switch (column.type) {
    case 'integer':
      return `${text}::int`;
    case 'bigint':
      return `${text}::bigint`;
    case 'double precision':
      return `${text}::float8`;
    case 'boolean':
      return `COALESCE(${text}::boolean, false)`;
    case 'date':
      return `${text}::date`;
    case 'timestamptz':
      return `${text}::timestamptz`;
    case 'jsonb':
      return `(r.data->'${key}')`;
    case 'varchar':
    case 'text':
      return text;
    default: {
      const unhandled: never = column.type;
      throw new Error(`No import cast for ${String(unhandled)}`);
    }
  }
}

/** The SQL twin of `maskValue`, for audit snapshots written set-based. */
function maskSql(expression: string, kind: MaskKind): string {
  const { head, tail } = MASK_KEEP[kind];
  return `CASE WHEN ${expression} IS NULL THEN NULL WHEN length(${expression}) <= ${head + tail} THEN repeat('*', length(${expression}))
    ELSE left(${expression}, ${head}) || repeat('*', length(${expression}) - ${head + tail}) || right(${expression}, ${tail}) END`;
}

/** A jsonb snapshot of the given fields of the stored record `t`, personal data masked (an update's before-image). */
export function auditJson(resource: ResourceDeclaration, keys: string[]): string {
  const parts = keys.map((key) => {
    const field = resource.fields[key];
    const column = `t."${columnName(key, field)}"`;
    return `'${key}', ${field.sensitive ? `to_jsonb(${maskSql(`${column}::text`, field.sensitive.mask)})` : `to_jsonb(${column})`}`;
  });
  return `jsonb_build_object(${parts.join(', ')})`;
}

/** True when the stored record `t` already holds every value the row carries. */
export function unchangedSql(resource: ResourceDeclaration, keys: string[], staged: StagedRows): string {
  if (!keys.length) return 'TRUE';
  return keys
    .map((key) => `t."${columnName(key, resource.fields[key])}" IS NOT DISTINCT FROM ${staged.value(key, resource.fields[key])}`)
    .join(' AND ');
}
