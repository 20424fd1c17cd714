import { columnName, FIELD_TYPES, type FieldDeclaration, maskValue, type ResourceDeclaration, type SessionUser } from '@zizhu/schema';
import { inScope, readsFromBelow } from '../scope/scope';
import { OVERDUE_KEY, overdueSql } from './overdue-sql';

export type ApiRecord = Record<string, unknown> & { id: number | string };

const selectLists = new Map<string, string>();

/** `t.id, t."id_number" AS "idNumber", …`: rows come back keyed by field key. */
export function selectList(resource: ResourceDeclaration, alias = 't'): string {
  let list = selectLists.get(resource.name);
  if (!list) {
    const columns = [`${alias}.id AS "id"`];
    for (const [key, field] of Object.entries(resource.fields)) {
      if (key !== 'id') columns.push(`${alias}."${columnName(key, field)}" AS "${key}"`);
    }
    if (resource.versioned) {
      columns.push(`${alias}.version AS "version"`, `${alias}.created_at AS "createdAt"`, `${alias}.updated_at AS "updatedAt"`);
    }
    const overdue = overdueSql(resource, alias);
    if (overdue) columns.push(`${overdue} AS "${OVERDUE_KEY}"`);
    columns.push(`${alias}.scope_path AS "scopePath"`);
    selectLists.set(resource.name, (list = columns.join(', ')));
  }
  return list;
}

/** What a user receives: write-only fields dropped, sensitive fields masked for their role. */
export function presentRecord(resource: ResourceDeclaration, row: Record<string, unknown>, user: SessionUser): ApiRecord {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'scopePath') continue;
    const field = resource.fields[key];
    if (field?.writeOnly) continue;
    const masked = field?.sensitive && !field.sensitive.plainFor.includes(user.role) && typeof value === 'string';
    record[key] = masked ? maskValue(field.sensitive!.mask, value) : presentValue(field, value);
  }
  // A record read from above the user's subtree (a city-wide run for a county) is theirs to read only.
  if (readsFromBelow(resource)) record.writable = inScope(String(row.scopePath ?? ''), user);
  return record as ApiRecord;
}

/** What the audit log keeps: personal data masked for everyone, secrets reduced to a marker. */
export function auditSnapshot(resource: ResourceDeclaration, row: Record<string, unknown>): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    // `overdue` follows the clock, not the change: not part of what a change did.
    if (key === 'scopePath' || key === 'createdAt' || key === 'updatedAt' || (key === OVERDUE_KEY && resource.overdue)) continue;
    const field = resource.fields[key];
    if (field?.writeOnly) snapshot[key] = value == null ? null : '(set)';
    else if (field?.sensitive && typeof value === 'string') snapshot[key] = maskValue(field.sensitive.mask, value);
    else snapshot[key] = presentValue(field, value);
  }
  return snapshot;
}

/** The value as a response carries it: what its field type makes of the driver's value (money: a number). */
function presentValue(field: FieldDeclaration | undefined, value: unknown): unknown {
  const present = field && FIELD_TYPES[field.type].present;
  return present ? present(value) : value;
}
