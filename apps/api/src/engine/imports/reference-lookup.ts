import { columnName, type ResourceDeclaration, type SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { requireResource } from '../metadata/resource-registry';
import { whereClause } from '../rest/list-query';
import { listsNeeded } from '../rest/referenced-lists';
import { readScope } from '../scope/scope';

/**
 * Resolves what a file says about a referenced record — its id, its code (business key) or
 * its name when unique — to the id, among the records the importing user may see.
 */
export class ReferenceLookup {
  private readonly ids = new Map<string, number | string>();
  private readonly paths = new Map<string, string>();
  /** Lists the importing resource's `withinReferenced` rules read (a school's stages), by list field then id. */
  private readonly lists = new Map<string, Map<string, readonly string[]>>();

  static async load(manager: EntityManager, targetName: string, user: SessionUser, lists: readonly string[] = []): Promise<ReferenceLookup> {
    const target = requireResource(targetName);
    const keyColumns = (target.businessKey ?? []).filter((k) => k !== 'id').map((k) => columnName(k, target.fields[k]));
    const label = target.recordLabel === 'id' ? undefined : columnName(target.recordLabel, target.fields[target.recordLabel]);
    const params: unknown[] = [];
    const where = whereClause(readScope(target, user), params);
    const listColumns = lists.map((key) => `t."${columnName(key, target.fields[key])}" AS "list:${key}"`);
    const columns = [...['id', 'scope_path', ...keyColumns, ...(label ? [label] : [])].map((c) => `t."${c}"`), ...listColumns].join(', ');
    const rows: Record<string, unknown>[] = await manager.query(`SELECT ${columns} FROM "${target.table}" t WHERE ${where}`, params);
    const lookup = new ReferenceLookup();
    const labelCount = new Map<string, number>();
    if (label) for (const row of rows) labelCount.set(String(row[label]), (labelCount.get(String(row[label])) ?? 0) + 1);
    for (const row of rows) {
      const id = row.id as number | string;
      lookup.paths.set(String(id), row.scope_path as string);
      lookup.ids.set(String(id), id);
      for (const key of lists) {
        if (!lookup.lists.has(key)) lookup.lists.set(key, new Map());
        lookup.lists.get(key)!.set(String(id), (row[`list:${key}`] as string[] | null) ?? []);
      }
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

  listOf(list: string, id: unknown): readonly string[] | undefined {
    return this.lists.get(list)?.get(String(id));
  }
}

export async function loadLookups(
  manager: EntityManager,
  resource: ResourceDeclaration,
  fields: string[],
  user: SessionUser,
): Promise<Map<string, ReferenceLookup>> {
  const lookups = new Map<string, ReferenceLookup>();
  const lists = listsNeeded(resource);
  for (const key of fields) {
    const target = resource.fields[key]?.reference;
    if (target) lookups.set(key, await ReferenceLookup.load(manager, target, user, lists.get(key)));
  }
  return lookups;
}
