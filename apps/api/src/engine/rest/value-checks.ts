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

/** PostgreSQL text and jsonb cannot hold U+0000, anywhere in a value. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
}

/** A key the object itself holds: `constructor` or `__proto__` must not find Object.prototype's. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
