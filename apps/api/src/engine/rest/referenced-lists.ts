import {
  columnName,
  type Localized,
  type ResourceDeclaration,
  type WithinReferenced,
  withinReferencedInUse,
  withinReferencedViolation,
} from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../errors/api.exception';
import { RESOURCES, requireResource } from '../metadata/resource-registry';

type Row = Readonly<Record<string, unknown>>;

/** A referenced record's list (its school's stages), or undefined when the record is unknown. */
export type ListOf = (rule: WithinReferenced, id: unknown) => readonly string[] | undefined;

/**
 * Field errors for values outside their referenced record's list (`withinReferenced`): the
 * one check behind both API writes and import rows, which differ only in how they look the
 * lists up (a query in the write's transaction; the import's reference lookup).
 */
export function referencedListErrors(resource: ResourceDeclaration, record: Row, listOf: ListOf): Record<string, Localized> {
  const errors: Record<string, Localized> = {};
  for (const [key, field] of Object.entries(resource.fields)) {
    const rule = field.withinReferenced;
    if (!rule || record[key] == null || record[rule.via] == null) continue;
    const allowed = listOf(rule, record[rule.via]);
    const message = allowed && withinReferencedViolation(field, String(record[key]), allowed);
    if (message) errors[key] = message;
  }
  return errors;
}

/** For each reference field of `resource`, the list fields its rules read from the target. */
export function listsNeeded(resource: ResourceDeclaration): Map<string, string[]> {
  const needed = new Map<string, string[]>();
  for (const field of Object.values(resource.fields)) {
    const rule = field.withinReferenced;
    if (rule) needed.set(rule.via, [...(needed.get(rule.via) ?? []), rule.list]);
  }
  return needed;
}

/**
 * On an API write: the merged record's values must be within their referenced records'
 * lists, whenever the value or the reference changes (a new stage, a move to another school).
 */
export async function checkReferencedLists(manager: EntityManager, resource: ResourceDeclaration, record: Row, changed: Row): Promise<void> {
  const rules = Object.entries(resource.fields).filter(([key, f]) => f.withinReferenced && (key in changed || f.withinReferenced.via in changed));
  if (!rules.length) return;
  const lists = new Map<WithinReferenced, readonly string[]>();
  for (const [, field] of rules) {
    const rule = field.withinReferenced!;
    if (record[rule.via] == null) continue;
    const target = requireResource(resource.fields[rule.via].reference!);
    const [row] = await manager.query(`SELECT "${columnName(rule.list, target.fields[rule.list])}" AS list FROM "${target.table}" WHERE id = $1`, [record[rule.via]]);
    if (row) lists.set(rule, row.list ?? []);
  }
  const errors = referencedListErrors(
    { ...resource, fields: Object.fromEntries(rules) },
    record,
    (rule) => lists.get(rule),
  );
  if (Object.keys(errors).length) throw ApiException.validation(errors);
}

/**
 * On an API write to a referenced record (a school): a list may not drop a value that
 * records pointing at it still use (its students' stages).
 */
export async function checkListsStillCover(manager: EntityManager, target: ResourceDeclaration, id: unknown, changed: Row): Promise<void> {
  for (const dependent of RESOURCES) {
    for (const [key, field] of Object.entries(dependent.fields)) {
      const rule = field.withinReferenced;
      if (!rule || !(rule.list in changed) || dependent.fields[rule.via]?.reference !== target.name) continue;
      const column = columnName(key, field);
      const via = columnName(rule.via, dependent.fields[rule.via]);
      const [used] = await manager.query(
        `SELECT "${column}" AS value, count(*)::int AS n FROM "${dependent.table}"
          WHERE "${via}" = $1 AND NOT ("${column}" = ANY($2::text[])) GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
        [id, changed[rule.list] ?? []],
      );
      if (used) throw ApiException.validation({ [rule.list]: withinReferencedInUse(field, used.value, used.n) });
    }
  }
}
