import { columnName, type ResourceDeclaration, type SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../errors/api.exception';
import { RESOURCES, requireResource } from '../metadata/resource-registry';
import { type Condition, whereClause } from '../rest/list-query';

/**
 * Reads of a resource are limited to the user's subtree, except public reference data and
 * records read from below (also the nodes above the user: a city-wide run for a county).
 */
export function readScope(resource: ResourceDeclaration, user: SessionUser): Condition[] {
  if (resource.scope.kind === 'reference' && resource.scope.publicRead) return [];
  const subtree: Condition = { kind: 'prefix', column: 'scope_path', value: user.scopePath };
  if (!readsFromBelow(resource)) return [subtree];
  return [{ kind: 'or', conditions: [subtree, { kind: 'prefixOf', column: 'scope_path', value: user.scopePath }] }];
}

/**
 * The read scope of a list filtered to one parent node (the students of one school): a
 * record's path begins with its parent's, so when the parent lies in the user's subtree,
 * every record under it does too and the subtree condition is dropped. Kept, the two
 * correlated conditions (school, and a path the school's students all share) are planned
 * as if independent: at a province's 10 M students, a county officer's list of one school
 * was expected to hold 581 rows and read all 37,000.
 */
export async function listScope(manager: EntityManager, resource: ResourceDeclaration, user: SessionUser, filters: Condition[]): Promise<Condition[]> {
  const scope = readScope(resource, user);
  // Large tables only, where the misjudgement costs: the rule rests on every record's path
  // being its one parent's (resolveScopePath, moveSubtree), and small tables need no help.
  if (!scope.length || !resource.large || resource.scope.kind !== 'reference' || resource.scope.via.length !== 1 || readsFromBelow(resource)) return scope;
  const [via] = resource.scope.via;
  const column = columnOf(resource, via);
  const parent = filters.find((c): c is Extract<Condition, { kind: 'eq' }> => c.kind === 'eq' && c.column === column);
  if (!parent) return scope;
  const target = requireResource(resource.fields[via].reference ?? '');
  const rows: { scope_path: string }[] = await manager.query(`SELECT scope_path FROM "${target.table}" WHERE id = $1`, [parent.value]);
  return rows.length && inScope(rows[0].scope_path, user) ? [] : scope;
}

/** The user may write records at this path (their own subtree). */
export function inScope(path: string, user: SessionUser): boolean {
  return path.startsWith(user.scopePath);
}

/** The user may read a record at this path: their subtree, or above it when read from below. */
export function inReadScope(resource: ResourceDeclaration, path: string, user: SessionUser): boolean {
  return inScope(path, user) || (readsFromBelow(resource) && user.scopePath.startsWith(path));
}

export function readsFromBelow(resource: ResourceDeclaration): boolean {
  return resource.scope.kind === 'reference' && resource.scope.readFromBelow === true;
}

/** Fields whose change moves a record in the tree. */
export function scopeFields(resource: ResourceDeclaration): string[] {
  if (resource.scope.kind !== 'reference') return [];
  return [...resource.scope.via, ...(resource.scope.segment ? [resource.scope.segment] : [])];
}

/**
 * The path a record gets from its parent: the first non-empty `via` reference's path plus
 * the record's own segment. The parent must lie in the user's subtree (else 403), so no
 * one can create or move data out of (or into) another county.
 */
export async function resolveScopePath(
  resource: ResourceDeclaration,
  record: Record<string, unknown>,
  manager: EntityManager,
  user: SessionUser,
): Promise<string> {
  if (resource.scope.kind !== 'reference') throw new Error(`${resource.name} does not derive its scope`);
  let path = '';
  for (const key of resource.scope.via) {
    const id = record[key];
    if (id == null) continue;
    const target = requireResource(resource.fields[key].reference ?? '');
    const rows: { scope_path: string }[] = await manager.query(`SELECT scope_path FROM "${target.table}" WHERE id = $1`, [id]);
    if (!rows.length) {
      throw ApiException.validation({
        [key]: {
          zh: `所选${resource.fields[key].label.zh}不存在`,
          en: `The chosen ${resource.fields[key].label.en} does not exist`,
        },
      });
    }
    path = rows[0].scope_path;
    break;
  }
  if (resource.scope.segment) path += `${String(record[resource.scope.segment])}.`;
  if (!inScope(path, user)) throw ApiException.outOfScope();
  return path;
}

/**
 * A record is a node of the tree when its path ends in its own segment (a region, a school):
 * what lies under it shares its path, so it moves with it. Any other record (a student, a
 * user) only points at a node, and moving it moves nothing else.
 */
export function isTreeNode(resource: ResourceDeclaration): boolean {
  return resource.scope.kind === 'reference' && resource.scope.segment !== undefined;
}

/**
 * When a node moves (a school changes region), everything at or below its old path moves
 * with it: the school's students carry the school's own path (the node itself is already
 * written at its new path).
 */
export async function moveSubtree(manager: EntityManager, from: string, to: string): Promise<void> {
  for (const resource of RESOURCES) {
    await manager.query(
      `UPDATE "${resource.table}" SET scope_path = $2 || substr(scope_path, length($1) + 1) WHERE scope_path LIKE $3`,
      [from, to, `${from}%`],
    );
  }
}

/** Non-scope references must point at an existing record the user may read. */
export async function checkReferences(
  resource: ResourceDeclaration,
  values: Record<string, unknown>,
  manager: EntityManager,
  user: SessionUser,
): Promise<void> {
  const skip = new Set(resource.scope.kind === 'reference' ? resource.scope.via : []);
  for (const [key, field] of Object.entries(resource.fields)) {
    if (field.type !== 'reference' || skip.has(key) || values[key] == null) continue;
    const target = requireResource(field.reference ?? '');
    const params: unknown[] = [];
    const where = whereClause([{ kind: 'eq', column: 'id', value: values[key] }, ...readScope(target, user)], params);
    const sql = `SELECT 1 FROM "${target.table}" t WHERE ${where}`;
    const rows: unknown[] = await manager.query(sql, params);
    if (!rows.length) {
      throw ApiException.validation({
        [key]: { zh: `所选${field.label.zh}不存在或不在您的管辖范围内`, en: `The chosen ${field.label.en} is not in your region` },
      });
    }
  }
}

export function columnOf(resource: ResourceDeclaration, key: string): string {
  return columnName(key, resource.fields[key]);
}
