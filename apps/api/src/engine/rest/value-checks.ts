/**
 * What PostgreSQL will store, checked before a value reaches it: what it refuses would
 * otherwise be a data exception (a 500) instead of the caller's mistake (a 400 or 422).
 */

// The checks of single values live with the field types (@zizhu/schema); the engine's
// other modules keep importing them from here.
export { INT4_MAX, INT4_MIN, isInt4, isIsoDateTime, isRealDate, STRING_MAX_LENGTH } from '@zizhu/schema';

/** Deeper JSON than any form produces; far deeper would overflow the stack of JSON.stringify. */
export const MAX_JSON_DEPTH = 32;

export type ValueProblem = 'nul' | 'tooDeep';

/**
 * What PostgreSQL or the server cannot take anywhere in a value: U+0000 (text and jsonb
 * cannot hold it, in keys either) or nesting beyond MAX_JSON_DEPTH.
 */
export function valueProblem(value: unknown, depth = 0): ValueProblem | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? 'nul' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_JSON_DEPTH) return 'tooDeep';
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item) => ['', item]) : Object.entries(value);
  for (const [key, item] of entries) {
    const problem = key.includes('\u0000') ? 'nul' : valueProblem(item, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/** Whether a value nests objects or arrays deeper than `max` (without walking further). */
export function nestsDeeperThan(value: unknown, max: number, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth >= max) return true;
  return (Array.isArray(value) ? value : Object.values(value)).some((item) => nestsDeeperThan(item, max, depth + 1));
}

export function containsNul(value: unknown): boolean {
  return valueProblem(value) === 'nul';
}

/** A key the object itself holds: `constructor` or `__proto__` must not find Object.prototype's. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
