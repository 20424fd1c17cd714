import { columnName, type ResourceDeclaration } from '@zizhu/schema';

/** The record's `overdue` key: one name, for the select list, the filter and the schema. */
export const OVERDUE_KEY = 'overdue';

/** The columns a resource's overdue flag is computed from, and its finished statuses. */
export function overdueColumns(resource: ResourceDeclaration): { dueColumn: string; statusColumn: string; done: string[] } | null {
  const overdue = resource.overdue;
  if (!overdue) return null;
  return {
    dueColumn: columnName(overdue.dueField, resource.fields[overdue.dueField]),
    statusColumn: columnName(overdue.statusField, resource.fields[overdue.statusField]),
    done: [...overdue.doneStatuses],
  };
}

/**
 * Whether a row is overdue, as SQL: its due date is before today in China (the database
 * server's own zone may be UTC, a day behind until 08:00 Beijing time) and its status is not
 * a finished one. `doneList` is an SQL text array (a literal or a bound parameter).
 */
export function overdueExpression(alias: string, dueColumn: string, statusColumn: string, doneList: string): string {
  return `(${alias}."${dueColumn}" < (now() AT TIME ZONE 'Asia/Shanghai')::date AND COALESCE(${alias}."${statusColumn}", '') <> ALL(${doneList}))`;
}

/** The flag in a select list: finished statuses from the declaration, never from input. */
export function overdueSql(resource: ResourceDeclaration, alias = 't'): string | null {
  const columns = overdueColumns(resource);
  if (!columns) return null;
  const literal = `ARRAY[${columns.done.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]::text[]`;
  return overdueExpression(alias, columns.dueColumn, columns.statusColumn, literal);
}
