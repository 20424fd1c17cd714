import { columnName, type ResourceDeclaration, type SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { requireResource } from '../metadata/resource-registry';
import { whereClause } from '../rest/list-query';
import { readScope } from '../scope/scope';

/**
 * Resolves what a file says about a referenced record — its id, its code (business key) or
 * its name when unique — to the id, among the records the importing user may see.
 */
export class ReferenceLookup {
  private readonly ids = new Map<string, number | string>();
  private readonly paths = new Map<string, string>();

  static async load(manager: EntityManager, targetName: string, user: SessionUser): Promise<ReferenceLookup> {
    const target = requireResource(targetName);
    const keyColumns = (target.businessKey ?? []).filter((k) => k !== 'id').map((k) => columnName(k, target.fields[k]));
    const label = target.recordLabel === 'id' ? undefined : columnName(target.recordLabel, target.fields[target.recordLabel]);
    const params: unknown[] = [];
    const where = whereClause(readScope(target, user), params);
    const columns = ['id', 'scope_path', ...keyColumns, ...(label ? [label] : [])].map((c) => `t."${c}"`).join(', ');
    const rows: Record<string, unknown>[] = await manager.query(`SELECT ${columns} FROM "${target.table}" t WHERE ${where}`, params);
    const lookup = new ReferenceLookup();
    const labelCount = new Map<string, number>();
    if (label) for (const row of rows) labelCount.set(String(row[label]), (labelCount.get(String(row[label])) ?? 0) + 1);
    for (const row of rows) {
      const id = row.id as number | string;
      lookup.paths.set(String(id), row.scope_path as string);
      lookup.ids.set(String(id), id);
      for (const column of keyColumns) lookup.ids.set(String(row[column]), id);
      if (label && labelCount.get(String(row[label])) === 1) lookup.ids.set(String(row[label]), id);
    }
    return lookup;
  }

  find(text: string): number | string | undefined {
    return this.ids.get(text);
  }

  pathOf(id: unknown): string | undefined {
    return this.paths.get(String(id));
  }
}

export async function loadLookups(
  manager: EntityManager,
  resource: ResourceDeclaration,
  fields: string[],
  user: SessionUser,
): Promise<Map<string, ReferenceLookup>> {
  const lookups = new Map<string, ReferenceLookup>();
  for (const key of fields) {
    const target = resource.fields[key]?.reference;
    if (target) lookups.set(key, await ReferenceLookup.load(manager, target, user));
  }
  return lookups;
}
