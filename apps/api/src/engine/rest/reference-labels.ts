import { columnName, type ResourceDeclaration, type SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { requireResource } from '../metadata/resource-registry';
import type { ApiRecord } from './record-presenter';

/**
 * The reference fields whose target the user may not list (who decided a result, for a
 * school officer): the panel cannot look their labels up itself, so the API sends them.
 * Files have their own display (name, download) and are left out; so are targets whose
 * label is sensitive data.
 */
export function unlistableReferences(resource: ResourceDeclaration, user: SessionUser): [string, ResourceDeclaration][] {
  const found: [string, ResourceDeclaration][] = [];
  for (const [key, field] of Object.entries(resource.fields)) {
    if (field.type !== 'reference' || !field.reference || field.reference === 'files') continue;
    const target = requireResource(field.reference);
    if (target.access.list.includes(user.role)) continue;
    if (target.fields[target.recordLabel]?.sensitive) continue;
    found.push([key, target]);
  }
  return found;
}

/**
 * Adds `referenceLabels: { field: label }` to records that point at records the user may
 * not list, one query per such field for the whole page. Seeing the label of what a
 * readable record points at (the name of the officer who decided) is what the record
 * means; the target itself stays unreadable.
 */
export async function attachReferenceLabels(
  manager: EntityManager,
  resource: ResourceDeclaration,
  records: ApiRecord[],
  user: SessionUser,
): Promise<void> {
  for (const [key, target] of unlistableReferences(resource, user)) {
    const ids = [...new Set(records.map((r) => r[key]).filter((id) => id != null))];
    if (!ids.length) continue;
    const label = columnName(target.recordLabel, target.fields[target.recordLabel]);
    const rows: { id: unknown; label: unknown }[] = await manager.query(
      `SELECT id, "${label}" AS label FROM "${target.table}" WHERE id = ANY($1)`,
      [ids],
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
