import { columnName, type SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { auditJson, fromData } from './import-sql';
import { type MatchContext, matchedRowsSql, matchParams } from './import-matching';

/**
 * Writes the matched rows in the caller's transaction: one UPDATE … FROM for changed
 * records and one INSERT … SELECT for new ones, each with its audit rows (pointing at the
 * import) written by the same statement. No per-row round trips.
 */
export async function commitRows(manager: EntityManager, ctx: MatchContext, user: SessionUser): Promise<{ inserted: number; updated: number }> {
  const { resource } = ctx;
  const table = `"${resource.table}"`;
  const keys = ctx.dataKeys.filter((k) => resource.fields[k]?.type !== 'password');
  const params = [...matchParams(ctx), user.id, resource.name];
  const auditInsert = `INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path, import_id)`;

  const sets = keys.map((k) => `"${columnName(k, resource.fields[k])}" = ${fromData(k, resource.fields[k])}`);
  sets.push('scope_path = COALESCE(r.scope_path, t.scope_path)');
  if (resource.versioned) sets.push('version = t.version + 1', 'updated_at = now()');
  const [{ updated }] = await manager.query(
    `WITH r AS (${matchedRowsSql(ctx)}),
     before AS (
       ${auditInsert}
       SELECT now(), $5, 'update', $6, t.id::text, ${auditJson(resource, keys, 'table')}, ${auditJson(resource, keys, 'data')},
              COALESCE(r.scope_path, t.scope_path), $1
         FROM r JOIN ${table} t ON t.id = r.target_id WHERE r.outcome = 'update'),
     changed AS (
       UPDATE ${table} AS t SET ${sets.join(', ')} FROM r
        WHERE r.outcome = 'update' AND t.id = r.target_id RETURNING 1)
     SELECT count(*)::int AS updated FROM changed`,
    params,
  );

  const columns = [...keys.map((k) => `"${columnName(k, resource.fields[k])}"`), 'scope_path', ...(resource.versioned ? ['version'] : [])];
  const values = [...keys.map((k) => fromData(k, resource.fields[k])), 'r.scope_path', ...(resource.versioned ? ['1'] : [])];
  const [{ inserted }] = await manager.query(
    `WITH r AS (${matchedRowsSql(ctx)}),
     t AS (
       INSERT INTO ${table} (${columns.join(', ')})
       SELECT ${values.join(', ')} FROM r WHERE r.outcome = 'new' ORDER BY r.row_number
       RETURNING *),
     audited AS (
       ${auditInsert}
       SELECT now(), $5, 'create', $6, t.id::text, NULL, ${auditJson(resource, keys, 'table')}, t.scope_path, $1 FROM t
       RETURNING 1)
     SELECT count(*)::int AS inserted FROM audited`,
    params,
  );
  return { inserted, updated };
}
