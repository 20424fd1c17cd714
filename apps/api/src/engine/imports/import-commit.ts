import { columnName } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { auditJson, STAGED_JSON, type StagedRows } from './import-sql';
import { type MatchContext, OUTCOMES_TABLE } from './import-matching';

/**
 * Writes the matched rows in the caller's transaction, after matchIntoOutcomes: one
 * UPDATE … FROM for changed records and one INSERT … SELECT for new ones, each writing the
 * records' links to the import (`import_records`: inserted, or updated with the stored
 * values it replaced) in the same statement. No per-row round trips, and no per-row audit
 * JSON: the import's one audit entry is the caller's.
 */
export async function commitRows(manager: EntityManager, ctx: MatchContext, from: StagedRows = STAGED_JSON): Promise<{ inserted: number; updated: number }> {
  const { resource } = ctx;
  const table = `"${resource.table}"`;
  const keys = ctx.dataKeys.filter((k) => resource.fields[k]?.type !== 'password');
  const params = [ctx.importId, resource.name];
  const linkInsert = `INSERT INTO import_records (resource, record_id, import_id, outcome, before)`;
  // The staged rows of one outcome, with their stored record's id.
  const staged = (outcome: 'update' | 'new') =>
    `SELECT ${from.columns}, o.target_id FROM ${from.from} JOIN ${OUTCOMES_TABLE} o ON o.row_number = r.row_number
      WHERE ${from.where} AND o.outcome = '${outcome}'`;
  const value = (k: string) => from.value(k, resource.fields[k]);

  const sets = keys.map((k) => `"${columnName(k, resource.fields[k])}" = ${value(k)}`);
  sets.push('scope_path = COALESCE(r.scope_path, t.scope_path)');
  if (resource.versioned) sets.push('version = t.version + 1', 'updated_at = now()');
  // Every part of one statement reads the same snapshot: `linked` sees the values before the UPDATE.
  const [{ updated }] = await manager.query(
    `WITH r AS (${staged('update')}),
     linked AS (
       ${linkInsert}
       SELECT $2, t.id::text, $1, 'updated', ${auditJson(resource, keys)}
         FROM r JOIN ${table} t ON t.id = r.target_id),
     changed AS (
       UPDATE ${table} AS t SET ${sets.join(', ')} FROM r
        WHERE t.id = r.target_id RETURNING 1)
     SELECT count(*)::int AS updated FROM changed`,
    params,
  );

  const columns = [...keys.map((k) => `"${columnName(k, resource.fields[k])}"`), 'scope_path', ...(resource.versioned ? ['version'] : [])];
  const values = [...keys.map(value), 'r.scope_path', ...(resource.versioned ? ['1'] : [])];
  const [{ inserted }] = await manager.query(
    `WITH t AS (
       INSERT INTO ${table} (${columns.join(', ')})
       SELECT ${values.join(', ')} FROM (${staged('new')}) r ORDER BY r.row_number
       RETURNING id),
     linked AS (
       ${linkInsert}
       SELECT $2, t.id::text, $1, 'inserted', NULL FROM t
       RETURNING 1)
     SELECT count(*)::int AS inserted FROM linked`,
    params,
  );
  return { inserted, updated };
}
