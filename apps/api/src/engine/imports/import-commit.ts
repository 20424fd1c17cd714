import { columnName, type SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { auditJson, fromData } from './import-sql';
import { type MatchContext, OUTCOMES_TABLE } from './import-matching';

/**
 * Writes the matched rows in the caller's transaction, after matchIntoOutcomes: one
 * UPDATE … FROM for changed records and one INSERT … SELECT for new ones, each with its
 * audit rows (pointing at the import) written by the same statement. No per-row round trips.
 */
export async function commitRows(manager: EntityManager, ctx: MatchContext, user: SessionUser): Promise<{ inserted: number; updated: number }> {
  const { resource } = ctx;
  const table = `"${resource.table}"`;
  const keys = ctx.dataKeys.filter((k) => resource.fields[k]?.type !== 'password');
  const params = [ctx.importId, user.id, resource.name];
  const auditInsert = `INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path, import_id)`;
  // The staged rows of one outcome, with their stored record's id.
  const staged = (outcome: 'update' | 'new') =>
    `SELECT r.row_number, r.scope_path, r.data, o.target_id FROM import_rows r JOIN ${OUTCOMES_TABLE} o ON o.row_number = r.row_number
      WHERE r.import_id = $1 AND o.outcome = '${outcome}'`;

  const sets = keys.map((k) => `"${columnName(k, resource.fields[k])}" = ${fromData(k, resource.fields[k])}`);
  sets.push('scope_path = COALESCE(r.scope_path, t.scope_path)');
  if (resource.versioned) sets.push('version = t.version + 1', 'updated_at = now()');
  const [{ updated }] = await manager.query(
    `WITH r AS (${staged('update')}),
     before AS (
       ${auditInsert}
       SELECT now(), $2, 'update', $3, t.id::text, ${auditJson(resource, keys, 'table')}, ${auditJson(resource, keys, 'data')},
              COALESCE(r.scope_path, t.scope_path), $1
         FROM r JOIN ${table} t ON t.id = r.target_id),
     changed AS (
       UPDATE ${table} AS t SET ${sets.join(', ')} FROM r
        WHERE t.id = r.target_id RETURNING 1)
     SELECT count(*)::int AS updated FROM changed`,
    params,
  );

  const columns = [...keys.map((k) => `"${columnName(k, resource.fields[k])}"`), 'scope_path', ...(resource.versioned ? ['version'] : [])];
  const values = [...keys.map((k) => fromData(k, resource.fields[k])), 'r.scope_path', ...(resource.versioned ? ['1'] : [])];
  const [{ inserted }] = await manager.query(
    `WITH t AS (
       INSERT INTO ${table} (${columns.join(', ')})
       SELECT ${values.join(', ')} FROM (${staged('new')}) r ORDER BY r.row_number
       RETURNING *),
     audited AS (
       ${auditInsert}
       SELECT now(), $2, 'create', $3, t.id::text, NULL, ${auditJson(resource, keys, 'table')}, t.scope_path, $1 FROM t
       RETURNING 1)
     SELECT count(*)::int AS inserted FROM audited`,
    params,
  );
  return { inserted, updated };
}
