import type { EntityManager } from 'typeorm';

type Row = Record<string, unknown>;

/**
 * A query on one connection, rows back: the API's transaction (`sqlOf(manager)`) or the demo
 * seed's client, so that both generate and decide occurrences with the same statements.
 * Statements that change rows end in `SELECT count(*)` over their RETURNING, so both drivers
 * answer rows.
 */
export type Sql = (text: string, params?: readonly unknown[]) => Promise<Row[]>;

export function sqlOf(manager: EntityManager): Sql {
  return (text, params) => manager.query(text, params as unknown[] | undefined);
}

/** Midnight starting a China date, as a timestamptz (audit rows and decisions carry instants). */
export function chinaDayStart(dateSql: string): string {
  return `((${dateSql})::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
}

/** Midnight ending a China date: instants before it happened on or before that date. */
export function chinaDayEnd(dateSql: string): string {
  return `(((${dateSql})::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
}
