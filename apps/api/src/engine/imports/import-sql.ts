import { columnName, type FieldDeclaration, type MaskKind, type ResourceDeclaration } from '@zizhu/schema';
import { referenceIdType } from '../metadata/resource-registry';

/** `r.data->'key'` as the column's SQL type. */
export function fromData(key: string, field: FieldDeclaration): string {
  const text = `(r.data->>'${key}')`;
  switch (field.type) {
    case 'integer':
      return `${text}::int`;
    case 'money':
      return `${text}::bigint`;
    case 'reference':
      return referenceIdType(field) === 'integer' ? `${text}::int` : text;
    case 'boolean':
      return `COALESCE(${text}::boolean, false)`;
    case 'date':
      return `${text}::date`;
    case 'datetime':
      return `${text}::timestamptz`;
    case 'enumList':
      return `COALESCE(ARRAY(SELECT jsonb_array_elements_text(r.data->'${key}'))::varchar[], '{}')`;
    case 'json':
      return `(r.data->'${key}')`;
    case 'string':
    case 'text':
    case 'enum':
    case 'idNumber':
    case 'phone':
    case 'account':
    case 'password':
      return text;
    default: {
      const unhandled: never = field.type;
      throw new Error(`No import cast for ${String(unhandled)}`);
    }
  }
}

const KEEP: Record<MaskKind, [number, number]> = { idNumber: [4, 4], phone: [3, 4], account: [4, 4] };

/** The SQL twin of `maskValue`, for audit rows written set-based. */
function maskSql(expression: string, kind: MaskKind): string {
  const [head, tail] = KEEP[kind];
  return `CASE WHEN ${expression} IS NULL THEN NULL WHEN length(${expression}) <= ${head + tail} THEN repeat('*', length(${expression}))
    ELSE left(${expression}, ${head}) || repeat('*', length(${expression}) - ${head + tail}) || right(${expression}, ${tail}) END`;
}

/** A jsonb snapshot of the given fields, personal data masked, for audit rows. */
export function auditJson(resource: ResourceDeclaration, keys: string[], source: 'data' | 'table'): string {
  const parts = keys.map((key) => {
    const field = resource.fields[key];
    const value = source === 'data' ? `r.data->'${key}'` : `to_jsonb(t."${columnName(key, field)}")`;
    const text = source === 'data' ? `(r.data->>'${key}')` : `t."${columnName(key, field)}"::text`;
    return `'${key}', ${field.sensitive ? `to_jsonb(${maskSql(text, field.sensitive.mask)})` : value}`;
  });
  return `jsonb_build_object(${parts.join(', ')})`;
}

/** True when the stored record already holds every value the row carries. */
export function unchangedSql(resource: ResourceDeclaration, keys: string[]): string {
  if (!keys.length) return 'TRUE';
  return keys
    .map((key) => `to_jsonb(t."${columnName(key, resource.fields[key])}") IS NOT DISTINCT FROM (r.data->'${key}')`)
    .join(' AND ');
}
