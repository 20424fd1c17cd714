import { columnName, type ResourceDeclaration } from '@zizhu/schema';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

type Row = Record<string, unknown>;

/** One value in COPY text format. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value)) return `{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`.replace(/\\/g, '\\\\');
  if (typeof value === 'object') return copyText(JSON.stringify(value));
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c);
}

/** Streams rows into a table with COPY: the set-based load path (seed, imports, benches). */
export async function copyRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    let chunk = '';
    for (const row of rows) {
      chunk += row.map(copyText).join('\t') + '\n';
      count++;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  const sink = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines()), sink);
  return count;
}

/** Records keyed by field key (plus `scopePath`, `version`) into a resource's table. */
export function copyRecords(
  client: PoolClient,
  resource: ResourceDeclaration,
  keys: readonly string[],
  records: Iterable<Row>,
): Promise<number> {
  const system: Record<string, string> = { scopePath: 'scope_path', version: 'version' };
  const columns = keys.map((key) => system[key] ?? columnName(key, resource.fields[key]));
  return copyRows(client, resource.table, columns, mapIterable(records, (record) => keys.map((key) => record[key])));
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}
