/**
 * What PostgreSQL will store, checked before a value reaches it: what it refuses would
 * otherwise be a data exception (a 500) instead of the caller's mistake (a 400 or 422).
 */

/** Ids, references and integer fields are `integer` columns. */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

export function isInt4(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= INT4_MIN && value <= INT4_MAX;
}

/** A `string` field declared without maxLength is a varchar(255) column. */
export const STRING_MAX_LENGTH = 255;

/** A calendar date that exists: `2020-02-30` and `2020-13-45` do not. */
export function isRealDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time PostgreSQL reads as the same instant. `Date.parse` alone
 * accepts "1" (the year 2001), which `timestamptz` refuses.
 */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  if (!match || !isRealDate(match[1])) return false;
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map((part) => Number(part ?? 0));
  return hours < 24 && minutes < 60 && seconds < 60 && !Number.isNaN(Date.parse(value));
}

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
