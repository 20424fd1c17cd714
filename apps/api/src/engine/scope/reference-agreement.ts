import type { FieldDeclaration, ResourceDeclaration } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../errors/api.exception';
import { requireResource } from '../metadata/resource-registry';
import { columnOf } from './scope';

type Row = Record<string, unknown>;

/**
 * Checks the declared agreements between a record's references (a clue's student at the
 * clue's school, an entry's student at its roster's school) on the record as it will be
 * stored. Only agreements touched by `changed` are checked, so an update of other fields
 * never fails on a student who has since moved. Refusals are 422 on the reference field.
 */
export async function checkAgreements(resource: ResourceDeclaration, record: Row, changed: readonly string[], manager: EntityManager): Promise<void> {
  for (const [key, field] of Object.entries(resource.fields)) {
    const rule = field.agreesWith;
    if (!rule || record[key] == null) continue;
    if ('covers' in rule) {
      if (!changed.includes(key) && !changed.includes(rule.covers)) continue;
      if (record[rule.covers] == null) continue;
      const outer = await valueOf(manager, field, record[key], 'scopePath');
      const inner = await valueOf(manager, resource.fields[rule.covers], record[rule.covers], 'scopePath');
      if (typeof outer !== 'string' || typeof inner !== 'string' || !inner.startsWith(outer)) throw ApiException.validation({ [key]: rule.message });
      continue;
    }
    const [head, through] = rule.equals.split('.');
    if (!changed.includes(key) && !changed.includes(head)) continue;
    const expected = through ? await valueOf(manager, resource.fields[head], record[head], through) : record[head];
    if (expected == null) continue;
    const actual = await valueOf(manager, field, record[key], rule.field);
    if (actual == null || String(actual) !== String(expected)) throw ApiException.validation({ [key]: rule.message });
  }
}

/** A field of the referenced record (`scopePath`: its place in the region tree). */
async function valueOf(manager: EntityManager, reference: FieldDeclaration, id: unknown, key: string): Promise<unknown> {
  const target = requireResource(reference.reference ?? '');
  const column = key === 'scopePath' ? 'scope_path' : columnOf(target, key);
  const rows: { value: unknown }[] = await manager.query(`SELECT "${column}" AS value FROM "${target.table}" WHERE id = $1`, [id]);
  return rows[0]?.value ?? null;
}
