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

/**
 * Streams records (keyed by field key, plus `scopePath`) into a resource's table with COPY:
 * the set-based load path used by the demo seed and the benchmarks. Returns the row count.
 */
export async function copyRecords(
  client: PoolClient,
  resource: ResourceDeclaration,
  keys: readonly string[],
  rows: Iterable<Row>,
): Promise<number> {
  const columns = keys.map((key) => (key === 'scopePath' ? 'scope_path' : key === 'version' ? 'version' : columnName(key, resource.fields[key])));
  let count = 0;
  function* lines(): Generator<string> {
    let chunk = '';
    for (const row of rows) {
      chunk += keys.map((key) => copyText(row[key])).join('\t') + '\n';
      count++;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  const sink = client.query(copyFrom(`COPY "${resource.table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines()), sink);
  return count;
}
