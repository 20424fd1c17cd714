import { columnName, type ResourceDeclaration, type SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import { auditSnapshot, selectList } from '../../engine/rest/record-presenter';
import type { ResourceReader } from '../../engine/rest/resource-reader.service';
import { inReadScope, inScope } from '../../engine/scope/scope';

type Row = Record<string, unknown>;

/**
 * A record an action works on, locked: 404 when the user cannot read it, 403 when they
 * read it from below but may not change it.
 */
export async function lockForAction(manager: EntityManager, reader: ResourceReader, resource: ResourceDeclaration, id: string, user: SessionUser): Promise<Row> {
  const row = await reader.findRow(manager, resource, id, [], true);
  if (!row || !inReadScope(resource, row.scopePath as string, user)) throw ApiException.notFound();
  if (!inScope(row.scopePath as string, user)) throw ApiException.outOfScope();
  return row;
}

/** The version a body sent, when it sent one, must be the stored one. */
export function checkSentVersion(row: Row, sent: unknown): void {
  if (sent !== undefined && sent !== null && sent !== row.version) {
    throw new ApiException('STALE_VERSION', { zh: '此记录已被他人修改，请刷新后重试', en: 'Someone else changed this record meanwhile: reload and retry' });
  }
}

/**
 * One action's change to a record: one UPDATE (version bumped) and its audit row, which
 * holds what the action changed (before and after) and the action's name, with its reason
 * when it has one. Returns the row as stored.
 */
export async function trackedUpdate(
  manager: EntityManager,
  audit: AuditService,
  resource: ResourceDeclaration,
  existing: Row,
  written: Row,
  user: SessionUser,
  note: { action: string; reason?: string },
): Promise<Row> {
  const keys = Object.keys(written);
  const sets = keys.map((key, i) => `"${columnName(key, resource.fields[key])}" = $${i + 2}`);
  const params = keys.map((key) => (resource.fields[key]?.type === 'json' && written[key] != null ? JSON.stringify(written[key]) : written[key]));
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [[row]] = await manager.query(
    `UPDATE "${resource.table}" AS t SET ${sets.join(', ')}, version = t.version + 1, updated_at = now() WHERE t.id = $1 RETURNING ${selectList(resource)}`,
    [existing.id, ...params],
  );
  const before = auditSnapshot(resource, existing);
  const after = auditSnapshot(resource, row);
  const pick = (snapshot: Row) => Object.fromEntries(['status', ...keys].map((key) => [key, snapshot[key] ?? null]));
  await audit.record(manager, user, {
    action: 'update',
    resource: resource.name,
    recordId: row.id,
    scopePath: row.scopePath,
    before: pick(before),
    after: { ...pick(after), ...note },
  });
  return row;
}
