import {
  columnName,
  FIELD_TYPES,
  type FieldDeclaration,
  filterId,
  filterText,
  normalizeIdNumber,
  type RelationFilterDeclaration,
  type ResourceDeclaration,
} from '@zizhu/schema';
import { ApiException } from '../errors/api.exception';
import { FIELD_ENV, requireResource } from '../metadata/resource-registry';
import type { Condition, ListQuery } from './list-query';
import { OVERDUE_KEY, overdueColumns } from './overdue-sql';
import { containsNul, ownValue, valueProblem } from './value-checks';

/** Largest page a list request may ask for. */
export const MAX_PAGE_SIZE = 1000;

/** As the query string arrives: JSON text, but a repeated parameter comes as an array. */
export interface RawListQuery {
  sort?: unknown;
  range?: unknown;
  filter?: unknown;
}

/** System columns every versioned resource can be sorted by. */
const SYSTEM_SORT: Record<string, string> = { id: 'id', createdAt: 'created_at', updatedAt: 'updated_at' };

/**
 * Parses ra-data-simple-rest list parameters against a resource declaration. Only declared
 * filter and sort fields are accepted; anything else is a 400, never silently ignored.
 */
export function parseListQuery(resource: ResourceDeclaration, raw: RawListQuery): ListQuery {
  const filter = parseJson<unknown>(raw.filter, 'filter', {});
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw ApiException.badQuery('filter must be a JSON object', 'filter 参数应为 JSON 对象');
  }
  return {
    conditions: Object.entries(filter)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => {
        // PostgreSQL text cannot hold U+0000: such a value matches nothing it could store.
        if (valueProblem(value)) throw badValue(key);
        return parseFilter(resource, key, value);
      }),
    sort: parseSort(resource, raw.sort),
    ...parseRange(raw.range),
  };
}

function parseFilter(resource: ResourceDeclaration, key: string, value: unknown): Condition {
  if (key === 'id') {
    const idType = resource.idType;
    return Array.isArray(value)
      ? { kind: 'in', column: 'id', values: value.map((v) => coerceId(idType, v, key)) }
      : { kind: 'eq', column: 'id', value: coerceId(idType, value, key) };
  }
  if (key === 'q') return searchCondition(resource, text(value, key));
  if (key === OVERDUE_KEY && resource.overdue) {
    if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') throw ApiException.badQuery(`${key} must be true or false`, `${key} 应为 true 或 false`);
    return { kind: 'overdue', ...overdueColumns(resource)!, value: value === true || value === 'true' };
  }
  const relation = ownValue(resource.relationFilters, key);
  if (relation) return relatedCondition(relation, value, key);
  const range = /^(.+)_(gte|lte)$/.exec(key);
  if (range) {
    const field = ownValue(resource.fields, range[1]);
    if (field?.filter !== 'range') throw unknownFilter(key);
    return { kind: range[2] as 'gte' | 'lte', column: columnName(range[1], field), value: coerce(field, value, key) };
  }
  const field = ownValue(resource.fields, key);
  if (!field?.filter || field.filter === 'range') throw unknownFilter(key);
  const column = columnName(key, field);
  if (field.filter === 'prefix') return { kind: 'prefix', column, value: text(value, key) };
  if (FIELD_TYPES[field.type].filter?.contains) return { kind: 'contains', column, value: String(coerce(field, value, key)) };
  if (Array.isArray(value)) return { kind: 'in', column, values: value.map((v) => coerce(field, v, key)) };
  return { kind: 'eq', column, value: coerce(field, value, key) };
}

function relatedCondition(relation: RelationFilterDeclaration, value: unknown, key: string): Condition {
  const sources = relation.sources.map((source) => {
    const target = requireResource(source.resource);
    const column = (field: string) => columnName(field, target.fields[field]);
    return {
      table: target.table,
      viaColumn: column(source.via),
      matchColumn: column(source.match),
      where: Object.entries(source.where ?? {}).map(([field, v]): [string, unknown] => [column(field), v]),
    };
  });
  const any = value === true || value === 'true';
  return { kind: 'related', sources, value: any ? null : coerceId(requireResource(relation.reference).idType, value, key) };
}

/**
 * `q`: prefix match on name-like fields, exact match on code-like fields, OR-ed. A branch
 * that cannot match the text is left out (an ID number field for 黄): an OR the planner
 * cannot drop keeps it from walking the name index from the prefix when sorting by name.
 */
function searchCondition(resource: ResourceDeclaration, q: string): Condition {
  const text = q.trim();
  const conditions: Condition[] = [];
  let searchable = false;
  for (const [key, field] of Object.entries(resource.fields)) {
    if (!field.search) continue;
    searchable = true;
    const column = columnName(key, field);
    if (field.search === 'prefix') conditions.push({ kind: 'prefix', column, value: text });
    else if (field.type !== 'idNumber') conditions.push({ kind: 'eq', column, value: text });
    else if (ID_NUMBER_SHAPE.test(normalizeIdNumber(text))) conditions.push({ kind: 'eq', column, value: normalizeIdNumber(text) });
  }
  if (!searchable) throw unknownFilter('q');
  return conditions.length === 1 ? conditions[0] : { kind: 'or', conditions };
}

const ID_NUMBER_SHAPE = /^\d{17}[\dX]$/;

/** A filter value as the column compares it (its field type's `filter`, FIELD_TYPES); else a 400. */
function coerce(field: FieldDeclaration, value: unknown, key: string): unknown {
  const filter = FIELD_TYPES[field.type].filter;
  if (!filter) throw unknownFilter(key);
  const coerced = filter.coerce(value, field, FIELD_ENV);
  if (coerced === undefined) throw badValue(key);
  return coerced;
}

function coerceId(idType: 'integer' | 'code', value: unknown, key: string): number | string {
  const id = filterId(idType, value);
  if (id === undefined) throw badValue(key);
  return id;
}

function text(value: unknown, key: string): string {
  const coerced = filterText(value);
  if (coerced === undefined) throw badValue(key);
  return coerced;
}

function parseSort(resource: ResourceDeclaration, raw: unknown): ListQuery['sort'] {
  const sort = parseJson<unknown>(raw, 'sort', [resource.defaultSort.field, resource.defaultSort.order]);
  if (!Array.isArray(sort) || sort.length !== 2 || typeof sort[0] !== 'string' || typeof sort[1] !== 'string') {
    throw ApiException.badQuery('sort must be ["field", "ASC" | "DESC"]', 'sort 参数应为 ["字段", "ASC" 或 "DESC"]');
  }
  const [field, order] = sort as [string, string];
  const upper = order.toUpperCase();
  if (upper !== 'ASC' && upper !== 'DESC') throw ApiException.badQuery('sort order must be ASC or DESC', '排序方向应为 ASC 或 DESC');
  const declared = ownValue(resource.fields, field);
  const systemColumn = resource.versioned || field === 'id' ? ownValue(SYSTEM_SORT, field) : undefined;
  const column = declared?.sort ? columnName(field, declared) : systemColumn;
  if (!column) {
    throw ApiException.badQuery(`cannot sort ${resource.name} by "${field}"`, `不能按“${field}”排序`);
  }
  return { column, order: upper };
}

function parseRange(raw: unknown): { offset: number; limit: number } {
  const range = parseJson<unknown>(raw, 'range', [0, 24]);
  const [start, end] = Array.isArray(range) && range.length === 2 ? range : [];
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw ApiException.badQuery('range must be [start, end] with 0 <= start <= end', 'range 参数应为 [起, 止]');
  }
  if (end - start + 1 > MAX_PAGE_SIZE) {
    throw ApiException.badQuery(`a page holds at most ${MAX_PAGE_SIZE} records`, `每页最多 ${MAX_PAGE_SIZE} 条`);
  }
  return { offset: start, limit: end - start + 1 };
}

/** A plain text query parameter: given once, without U+0000 (else 400); undefined if absent or empty. */
export function textParam(raw: unknown, name: string): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || containsNul(raw)) {
    throw ApiException.badQuery(`${name} must be given once, as text`, `${name} 参数只能给一次，且应为文本`);
  }
  return raw;
}

/** A query parameter holding JSON text; given twice (an array) or as `a[b]=` it is refused. */
export function parseJson<T>(raw: unknown, name: string, fallback: T): T {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string') throw ApiException.badQuery(`${name} must be given once, as JSON text`, `${name} 参数只能给一次，且应为 JSON 文本`);
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw ApiException.badQuery(`${name} is not valid JSON`, `${name} 参数不是有效的 JSON`);
  }
}

function unknownFilter(key: string): ApiException {
  return ApiException.badQuery(`cannot filter by "${key}"`, `不能按“${key}”筛选`);
}

function badValue(key: string): ApiException {
  return ApiException.badQuery(`bad value for filter "${key}"`, `筛选条件“${key}”的值无效`);
}
