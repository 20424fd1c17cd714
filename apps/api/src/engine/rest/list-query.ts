import { overdueExpression } from './overdue-sql';

/** A list request after parsing: only whitelisted columns, typed values. */
export type Condition =
  | { kind: 'eq'; column: string; value: unknown }
  | { kind: 'in'; column: string; values: unknown[] }
  | { kind: 'prefix'; column: string; value: string }
  /** The column holds a prefix of the value: the record's node lies above the user's. */
  | { kind: 'prefixOf'; column: string; value: string }
  | { kind: 'gte' | 'lte'; column: string; value: unknown }
  | { kind: 'contains'; column: string; value: string }
  | { kind: 'or'; conditions: Condition[] }
  /** Some row of another table points at this record (value null: with any match value). */
  | { kind: 'related'; sources: RelatedSource[]; value: unknown }
  /** The record is (true) or is not (false) overdue: see overdue-sql.ts. */
  | { kind: 'overdue'; dueColumn: string; statusColumn: string; done: string[]; value: boolean }
  | { kind: 'none' };

export interface RelatedSource {
  table: string;
  viaColumn: string;
  matchColumn: string;
  where: [column: string, value: unknown][];
}

export interface ListQuery {
  conditions: Condition[];
  sort: { column: string; order: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
}

/** Builds a parameterised WHERE clause. Columns come from declarations, never from input. */
export function whereClause(conditions: Condition[], params: unknown[], alias = 't'): string {
  const parts = conditions.map((c) => conditionSql(c, params, alias));
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

function conditionSql(c: Condition, params: unknown[], alias: string): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  switch (c.kind) {
    case 'eq':
      return `${alias}."${c.column}" = ${p(c.value)}`;
    case 'in':
      return c.values.length ? `${alias}."${c.column}" = ANY(${p(c.values)})` : 'FALSE';
    case 'prefix':
      return `${alias}."${c.column}" LIKE ${p(escapeLike(c.value) + '%')}`;
    case 'prefixOf':
      return `starts_with(${p(c.value)}, ${alias}."${c.column}")`;
    case 'gte':
      return `${alias}."${c.column}" >= ${p(c.value)}`;
    case 'lte':
      return `${alias}."${c.column}" <= ${p(c.value)}`;
    case 'contains':
      return `${alias}."${c.column}" @> ARRAY[${p(c.value)}]::varchar[]`;
    case 'or':
      return c.conditions.length ? `(${c.conditions.map((x) => conditionSql(x, params, alias)).join(' OR ')})` : 'FALSE';
    case 'related': {
      // One IN over a UNION ALL, not EXISTS … OR EXISTS …: the planner can start from the
      // few related rows (a semi-join) instead of probing every row of a large table.
      const selects = c.sources.map((source) => {
        const tests = ['TRUE'];
        for (const [column, value] of source.where) tests.push(`x."${column}" = ${p(value)}`);
        if (c.value !== null) tests.push(`x."${source.matchColumn}" = ${p(c.value)}`);
        return `SELECT x."${source.viaColumn}" FROM "${source.table}" x WHERE ${tests.join(' AND ')}`;
      });
      return `${alias}.id IN (${selects.join(' UNION ALL ')})`;
    }
    case 'overdue':
      return `${overdueExpression(alias, c.dueColumn, c.statusColumn, `${p(c.done)}::text[]`)} = ${p(c.value)}`;
    case 'none':
      return 'FALSE';
    default: {
      const unhandled: never = c;
      throw new Error(`Unhandled condition ${JSON.stringify(unhandled)}`);
    }
  }
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
