import { columnName, type ResourceDeclaration, type SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { requireResource } from '../metadata/resource-registry';
import { readScope } from '../scope/scope';
import { whereClause } from './list-query';
import type { ApiRecord } from './record-presenter';

/**
 * The reference fields whose targets the panel may fail to look up: the user may not list
 * the target resource at all (who decided a result, for a school officer), or may list it
 * but not the referenced record, which lies outside their subtree (the city's finance
 * officer who acted on a county's record, in that county's audit log). Files have their
 * own display (name, download) and are left out; so are targets whose label is sensitive data.
 */
export function labelledReferences(resource: ResourceDeclaration, user: SessionUser): [string, ResourceDeclaration, 'all' | 'outOfScope'][] {
  const found: [string, ResourceDeclaration, 'all' | 'outOfScope'][] = [];
  for (const [key, field] of Object.entries(resource.fields)) {
    if (field.type !== 'reference' || !field.reference || field.reference === 'files') continue;
    const target = requireResource(field.reference);
    if (target.fields[target.recordLabel]?.sensitive) continue;
    if (!target.access.list.includes(user.role)) found.push([key, target, 'all']);
    else if (readScope(target, user).length) found.push([key, target, 'outOfScope']);
  }
  return found;
}

/**
 * Adds `referenceLabels: { field: label }` to records that point at records the user may
 * not list, one query per such field for the whole page (for a target the user lists, only
 * its records outside their read scope). Seeing the label of what a
 * readable record points at (the name of the officer who decided) is what the record
 * means; the target itself stays unreadable.
 */
export async function attachReferenceLabels(
  manager: EntityManager,
  resource: ResourceDeclaration,
  records: ApiRecord[],
  user: SessionUser,
): Promise<void> {
  for (const [key, target, which] of labelledReferences(resource, user)) {
    const ids = [...new Set(records.map((r) => r[key]).filter((id) => id != null))];
    if (!ids.length) continue;
    const label = columnName(target.recordLabel, target.fields[target.recordLabel]);
    const params: unknown[] = [ids];
    const outside = which === 'outOfScope' ? ` AND NOT (${whereClause(readScope(target, user), params)})` : '';
    const rows: { id: unknown; label: unknown }[] = await manager.query(
      `SELECT t.id, t."${label}" AS label FROM "${target.table}" t WHERE t.id = ANY($1)${outside}`,
      params,
    );
    const labels = new Map(rows.map((row) => [String(row.id), row.label == null ? null : String(row.label)]));
    for (const record of records) {
      const text = record[key] == null ? undefined : labels.get(String(record[key]));
      if (text == null) continue;
      const existing = (record.referenceLabels ?? {}) as Record<string, string>;
      record.referenceLabels = { ...existing, [key]: text };
    }
  }
}
