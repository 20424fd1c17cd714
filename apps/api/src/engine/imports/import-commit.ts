import { columnName, type SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { auditJson, fromData } from './import-sql';
import type { MatchContext } from './import-matching';

/**
 * Writes the matched rows in one transaction (the caller's): one UPDATE … FROM for changed
 * records, one INSERT … SELECT for new ones, each with its audit rows pointing at the import.
 * No per-row round trips.
 */
export async function commitRows(manager: EntityManager, ctx: MatchContext, user: SessionUser): Promise<{ inserted: number; updated: number }> {
  const { importId, resource } = ctx;
  const key = resource.businessKey?.[0] ?? 'id';
  const keyColumn = columnName(key, resource.fields[key]);
  const table = `"${resource.table}"`;
  const keys = ctx.dataKeys.filter((k) => resource.fields[k]?.type !== 'password');
  const audit = (action: 'create' | 'update', before: string, after: string, where: string) =>
    manager.query(
      `INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path, import_id)
       SELECT now(), $2, '${action}', $3, t.id::text, ${before}, ${after}, t.scope_path, $1
         FROM import_rows r JOIN ${table} t ON t."${keyColumn}" = r.business_key
        WHERE r.import_id = $1 AND ${where}`,
      [importId, user.id, resource.name],
    );

  await audit('update', auditJson(resource, keys, 'table'), auditJson(resource, keys, 'data'), `r.status = 'update'`);
  const sets = keys.map((k) => `"${columnName(k, resource.fields[k])}" = ${fromData(k, resource.fields[k])}`);
  sets.push('scope_path = COALESCE(r.scope_path, t.scope_path)');
  if (resource.versioned) sets.push('version = t.version + 1', 'updated_at = now()');
  const [, updated] = await manager.query(
    `UPDATE ${table} AS t SET ${sets.join(', ')} FROM import_rows r
      WHERE r.import_id = $1 AND r.status = 'update' AND t."${keyColumn}" = r.business_key`,
    [importId],
  );

  const columns = keys.map((k) => `"${columnName(k, resource.fields[k])}"`);
  const values = keys.map((k) => fromData(k, resource.fields[k]));
  const [{ inserted }] = await manager.query(
    `WITH added AS (
       INSERT INTO ${table} (${[...columns, 'scope_path', ...(resource.versioned ? ['version'] : [])].join(', ')})
       SELECT ${[...values, 'r.scope_path', ...(resource.versioned ? ['1'] : [])].join(', ')}
         FROM import_rows r WHERE r.import_id = $1 AND r.status = 'new' ORDER BY r.row_number
       RETURNING 1)
     SELECT count(*)::int AS inserted FROM added`,
    [importId],
  );
  await audit('create', 'NULL', auditJson(resource, keys, 'data'), `r.status = 'new'`);
  return { inserted: Number(inserted), updated: Number(updated ?? 0) };
}
