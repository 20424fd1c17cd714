import { columnName, type ResourceDeclaration, type SessionUser } from '@zizhu/schema';
import { requireResource } from '../metadata/resource-registry';
import { type ListQuery, whereClause } from '../rest/list-query';
import { readScope } from '../scope/scope';
import { definitionsKey, referenceLabelKey } from './export-columns';

/**
 * The rows of a list (same scope, filters and order, no page), each with the labels of
 * the records it references (and, for configured answers, the definitions they answer,
 * read on the same join): one LEFT JOIN per reference field, not one lookup per row.
 */
export function exportQuery(resource: ResourceDeclaration, query: ListQuery, user: SessionUser): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = whereClause([...readScope(resource, user), ...query.conditions], params);
  const labels: string[] = [];
  const joins: string[] = [];
  const aliases = new Map<string, string>();
  for (const [key, field] of Object.entries(resource.fields)) {
    if (field.type !== 'reference' || field.writeOnly) continue;
    const target = requireResource(field.reference ?? '');
    const alias = `r${joins.length}`;
    const labelField = target.fields[target.recordLabel];
    const labelColumn = labelField ? columnName(target.recordLabel, labelField) : target.recordLabel;
    joins.push(`LEFT JOIN "${target.table}" ${alias} ON ${alias}.id = t."${columnName(key, field)}"`);
    labels.push(`${alias}."${labelColumn}" AS "${referenceLabelKey(key)}"`);
    aliases.set(key, alias);
  }
  for (const [key, field] of Object.entries(resource.fields)) {
    const shape = field.shape;
    const alias = shape?.kind === 'values' ? aliases.get(shape.via) : undefined;
    if (!shape || shape.kind !== 'values' || !alias || field.writeOnly) continue;
    const target = requireResource(resource.fields[shape.via].reference ?? '');
    labels.push(`${alias}."${columnName(shape.field, target.fields[shape.field])}" AS "${definitionsKey(key)}"`);
  }
  const { column, order } = query.sort;
  // The list's order: the sort column, then id as the tie-breaker.
  const orderBy = column === 'id' ? `t.id ${order}` : `t."${column}" ${order}, t.id ${order}`;
  const sql = `SELECT ${[exportSelectList(resource), ...labels].join(', ')} FROM "${resource.table}" t ${joins.join(' ')}
    WHERE ${where} ORDER BY ${orderBy}`;
  return { sql, params };
}

/**
 * The list's select list (rows keyed by field key) without the system columns a file does
 * not show: parsing version and two timestamps per row was a quarter of the fetch time.
 */
export function exportSelectList(resource: ResourceDeclaration): string {
  const columns = ['t.id AS "id"'];
  for (const [key, field] of Object.entries(resource.fields)) {
    if (key !== 'id' && !field.writeOnly) columns.push(`t."${columnName(key, field)}" AS "${key}"`);
  }
  return columns.join(', ');
}
