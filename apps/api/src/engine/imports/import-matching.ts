import { columnName, type ImportColumn, type ResourceDeclaration, type SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { IMPORT_MESSAGES } from './import-messages';
import { STAGED_JSON, type StagedRows, unchangedSql } from './import-sql';

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

/** Why a valid-looking row still cannot be written, once compared with stored data. */
const MATCH_FAULTS = ['duplicate', 'outOfScope', 'exists', 'missing', 'cannotCreate'] as const;

/**
 * The staged rows of an import, each with its stored counterpart and its outcome — new,
 * update, unchanged, invalid, or one of MATCH_FAULTS — computed in one pass (a hash join on
 * the business key and a window for duplicates). Nothing is written: validation counts it,
 * and the commit writes from it inside its transaction, so a commit acts on the data as it
 * is then. Parameters: $1 import id, $2 scope pattern, $3 mode, $4 whether rows may create.
 * `staged` says where the rows are: the import's JSON staging (preview, then commit), or a
 * typed batch of a file committed while it is read.
 */
export function matchedRowsSql(ctx: MatchContext, staged: StagedRows = STAGED_JSON): string {
  const { resource } = ctx;
  return `SELECT r.row_number, r.business_key, r.scope_path, t.id AS target_id,
       ${staged.firstRow} AS first_row,
       CASE
         WHEN NOT (${staged.valid}) THEN 'invalid'
         WHEN r.business_key IS NOT NULL AND ${staged.firstRow} < r.row_number THEN 'duplicate'
         WHEN t.id IS NOT NULL AND t.scope_path NOT LIKE $2 THEN 'outOfScope'
         WHEN t.id IS NOT NULL AND $3 = 'insert' THEN 'exists'
         WHEN t.id IS NULL AND $3 = 'update' THEN 'missing'
         WHEN t.id IS NULL AND NOT $4 THEN 'cannotCreate'
         WHEN t.id IS NULL THEN 'new'
         WHEN ${unchangedSql(resource, ctx.dataKeys, staged)} THEN 'unchanged'
         ELSE 'update'
       END AS outcome
  FROM ${staged.from}
  LEFT JOIN "${resource.table}" t ON ${businessKeyJoin(resource)}
 WHERE ${staged.where}`;
}

/**
 * A business key of several fields (an identity: its ID number within its list) is staged
 * as one text, the parts joined by the ASCII unit separator, which no cell value contains.
 */
const KEY_SEPARATOR = '\u001f';

/** The staged key of a validated row; null when a key field is empty. */
export function stagedBusinessKey(resource: ResourceDeclaration, data: Record<string, unknown>): string | null {
  const keys = resource.businessKey ?? [];
  if (!keys.length || keys.some((k) => data[k] == null)) return null;
  return keys.map((k) => String(data[k])).join(KEY_SEPARATOR);
}

/** Staged row `r` ↔ stored record `t`: the key column itself for one field (its index serves). */
export function businessKeyJoin(resource: ResourceDeclaration): string {
  const keys = resource.businessKey?.length ? resource.businessKey : ['id'];
  const column = (key: string) => (key === 'id' ? 'id' : columnName(key, resource.fields[key]));
  if (keys.length === 1) return `t."${column(keys[0])}" = r.business_key`;
  return keys.map((key, i) => `t."${column(key)}"::text = split_part(r.business_key, chr(31), ${i + 1})`).join(' AND ');
}

export function matchParams(ctx: MatchContext): unknown[] {
  return [ctx.importId, `${ctx.scopePath}%`, ctx.mode, ctx.canCreate];
}

/** The temporary table a commit matches into once (row, target, outcome), for its statements to share. */
export const OUTCOMES_TABLE = 'import_outcomes';

/**
 * Matches the staged rows once, inside the commit's transaction, into a narrow temporary
 * table (row number, stored record, outcome): the counts, the errors, the UPDATE and the
 * INSERT all read it, so the staged rows are joined and sorted for duplicates once, not
 * once per statement.
 */
export async function matchIntoOutcomes(manager: EntityManager, ctx: MatchContext): Promise<void> {
  await manager.query(
    `CREATE TEMPORARY TABLE ${OUTCOMES_TABLE} ON COMMIT DROP AS
     SELECT m.row_number, m.target_id, m.first_row, m.outcome FROM (${matchedRowsSql(ctx)}) m`,
    matchParams(ctx),
  );
  await manager.query(`CREATE UNIQUE INDEX ON ${OUTCOMES_TABLE} (row_number)`);
  await manager.query(`ANALYZE ${OUTCOMES_TABLE}`);
}

/**
 * Counts the outcomes and records an error for every row the comparison rejects; from the
 * commit's outcomes table when given (see matchIntoOutcomes), else matching afresh.
 */
export async function matchRows(manager: EntityManager, ctx: MatchContext, outcomes?: typeof OUTCOMES_TABLE): Promise<RowCounts> {
  const message = (lang: 0 | 1) => faultMessageSql(ctx, lang);
  await manager.query(`DELETE FROM import_errors WHERE import_id = $1 AND stage = 'match'`, [ctx.importId]);
  // From the outcomes table only $1 (import id) and the key header are used.
  const [source, params] = outcomes
    ? [`SELECT * FROM ${outcomes}`, [ctx.importId, ctx.keyHeader]]
    : [matchedRowsSql(ctx), [...matchParams(ctx), ctx.keyHeader]];
  const header = outcomes ? '$2' : '$5';
  const rows: { outcome: string; n: number }[] = await manager.query(
    `WITH matched AS (${source}),
     errors AS (
       INSERT INTO import_errors (import_id, row_number, column_header, stage, message_zh, message_en)
       SELECT $1::int, row_number, ${header}, 'match', ${message(0)}, ${message(1)} FROM matched
        WHERE ${IS_FAULT})
     SELECT outcome, count(*)::int AS n FROM matched GROUP BY outcome`,
    params,
  );
  return addOutcomes({ new: 0, update: 0, unchanged: 0, invalid: 0 }, rows);
}

/** SQL: the outcome (a column `outcome`) is one of MATCH_FAULTS. */
export const IS_FAULT = `outcome IN (${MATCH_FAULTS.map((f) => `'${f}'`).join(', ')})`;

/** SQL: why a row with a MATCH_FAULTS `outcome` (and its `first_row`) cannot be written, in Chinese (0) or English (1). */
export function faultMessageSql(ctx: MatchContext, lang: 0 | 1): string {
  const missing = IMPORT_MESSAGES.missingRequiredColumns(ctx.missingColumns.zh, ctx.missingColumns.en);
  const text: Record<(typeof MATCH_FAULTS)[number], [string, string]> = {
    duplicate: [`'与第' || first_row || '行重复'`, `'Duplicate of row ' || first_row`],
    outOfScope: [literal(IMPORT_MESSAGES.outOfScope.zh), literal(IMPORT_MESSAGES.outOfScope.en)],
    exists: [literal(IMPORT_MESSAGES.exists.zh), literal(IMPORT_MESSAGES.exists.en)],
    missing: [literal(IMPORT_MESSAGES.missing.zh), literal(IMPORT_MESSAGES.missing.en)],
    cannotCreate: [literal(missing.zh), literal(missing.en)],
  };
  return `CASE outcome ${MATCH_FAULTS.map((f) => `WHEN '${f}' THEN ${text[f][lang]}`).join(' ')} END`;
}

/** Adds outcome counts (`outcome`, `n` rows) to `counts`: every fault counts as invalid. */
export function addOutcomes(counts: RowCounts, rows: readonly { outcome: string; n: number }[]): RowCounts {
  for (const { outcome, n } of rows) {
    if (outcome === 'new' || outcome === 'update' || outcome === 'unchanged') counts[outcome] += n;
    else counts.invalid += n;
  }
  return counts;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** What matching needs to know about an import: its key, the fields its rows carry, whether rows may create. */
export function buildMatchContext(
  id: number,
  resource: ResourceDeclaration,
  mode: MatchContext['mode'],
  user: SessionUser,
  columns: ImportColumn[],
): MatchContext {
  const mapped = columns.map((c) => c.field).filter((f): f is string => !!f);
  const derived = mapped.flatMap((key) => Object.values(resource.fields[key].derives ?? {}));
  const dataKeys = [...new Set([...mapped.filter((k) => !resource.fields[k].readOnly), ...derived])];
  const key = resource.businessKey?.[0] ?? 'id';
  const missing = Object.entries(resource.fields).filter(([k, f]) => f.required && !f.readOnly && !mapped.includes(k));
  return {
    importId: id,
    resource,
    mode,
    scopePath: user.scopePath,
    dataKeys,
    keyHeader: columns.find((c) => c.field === key)?.header ?? resource.fields[key].label.zh,
    canCreate: missing.length === 0,
    missingColumns: { zh: missing.map(([, f]) => f.label.zh), en: missing.map(([, f]) => f.label.en) },
  };
}
