import { columnName, type ResourceDeclaration } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { IMPORT_MESSAGES } from './import-messages';
import { unchangedSql } from './import-sql';

export interface MatchContext {
  importId: number;
  resource: ResourceDeclaration;
  mode: 'insert' | 'update' | 'upsert';
  /** The importing user's subtree; stored records outside it cannot be updated. */
  scopePath: string;
  /** Fields the rows carry (mapped columns plus derived ones). */
  dataKeys: string[];
  keyHeader: string;
  canCreate: boolean;
  missingColumns: { zh: string[]; en: string[] };
}

export type RowCounts = Record<'new' | 'update' | 'unchanged' | 'invalid', number>;

/**
 * Sorts staged rows into new / update / unchanged / invalid against the stored data, in a
 * handful of set-based statements. Runs after validation and again inside the commit, so a
 * commit acts on the data as it is then, not as it was when the file was checked.
 */
export async function matchRows(manager: EntityManager, ctx: MatchContext): Promise<RowCounts> {
  const { importId, resource } = ctx;
  const key = resource.businessKey?.[0] ?? 'id';
  const keyColumn = columnName(key, resource.fields[key]);
  const table = `"${resource.table}"`;
  const fail = async (where: string, messageZh: string, messageEn: string, params: unknown[] = []) => {
    await manager.query(
      `WITH failed AS (
         UPDATE import_rows r SET status = 'invalid' WHERE r.import_id = $1 AND r.status = 'valid' AND ${where} RETURNING r.row_number)
       INSERT INTO import_errors (import_id, row_number, column_header, stage, message_zh, message_en)
       SELECT $1, row_number, $2, 'match', $3, $4 FROM failed`,
      [importId, ctx.keyHeader, messageZh, messageEn, ...params],
    );
  };

  await manager.query(`DELETE FROM import_errors WHERE import_id = $1 AND stage = 'match'`, [importId]);
  await manager.query(
    `UPDATE import_rows SET status = CASE WHEN data IS NULL THEN 'invalid' ELSE 'valid' END, target_id = NULL WHERE import_id = $1`,
    [importId],
  );
  // The same record twice in one file: the first occurrence counts, later ones are errors.
  await manager.query(
    `WITH firsts AS (
       SELECT business_key, min(row_number) AS first FROM import_rows
        WHERE import_id = $1 AND status = 'valid' AND business_key IS NOT NULL
        GROUP BY business_key HAVING count(*) > 1),
     dup AS (
       UPDATE import_rows r SET status = 'invalid' FROM firsts f
        WHERE r.import_id = $1 AND r.status = 'valid' AND r.business_key = f.business_key AND r.row_number > f.first
        RETURNING r.row_number, f.first)
     INSERT INTO import_errors (import_id, row_number, column_header, stage, message_zh, message_en)
     SELECT $1, row_number, $2, 'match', '与第' || first || '行重复', 'Duplicate of row ' || first FROM dup`,
    [importId, ctx.keyHeader],
  );
  await manager.query(
    `UPDATE import_rows r SET target_id = t.id::text FROM ${table} t
      WHERE r.import_id = $1 AND r.status = 'valid' AND t."${keyColumn}" = r.business_key`,
    [importId],
  );
  await fail(
    `r.target_id IS NOT NULL AND EXISTS (SELECT 1 FROM ${table} t WHERE t."${keyColumn}" = r.business_key AND t.scope_path NOT LIKE $5)`,
    IMPORT_MESSAGES.outOfScope.zh,
    IMPORT_MESSAGES.outOfScope.en,
    [`${ctx.scopePath}%`],
  );
  if (ctx.mode === 'insert') await fail('r.target_id IS NOT NULL', IMPORT_MESSAGES.exists.zh, IMPORT_MESSAGES.exists.en);
  if (ctx.mode === 'update') await fail('r.target_id IS NULL', IMPORT_MESSAGES.missing.zh, IMPORT_MESSAGES.missing.en);
  if (!ctx.canCreate) {
    const message = IMPORT_MESSAGES.missingRequiredColumns(ctx.missingColumns.zh, ctx.missingColumns.en);
    await fail('r.target_id IS NULL', message.zh, message.en);
  }
  await manager.query(
    `UPDATE import_rows r SET status = CASE WHEN ${unchangedSql(resource, ctx.dataKeys)} THEN 'unchanged' ELSE 'update' END
       FROM ${table} t WHERE r.import_id = $1 AND r.status = 'valid' AND t."${keyColumn}" = r.business_key`,
    [importId],
  );
  await manager.query(`UPDATE import_rows SET status = 'new' WHERE import_id = $1 AND status = 'valid'`, [importId]);

  const rows: { status: keyof RowCounts; n: number }[] = await manager.query(
    `SELECT status, count(*)::int AS n FROM import_rows WHERE import_id = $1 GROUP BY status`,
    [importId],
  );
  const counts: RowCounts = { new: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
