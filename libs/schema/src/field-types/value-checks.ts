/**
 * Pure checks of single values against what PostgreSQL stores: a value they refuse would
 * otherwise reach the database as a data exception (a 500) instead of a field error.
 */

/** Ids, references and integer fields are `integer` columns. */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

/** A `string` field declared without maxLength is a varchar(255) column. */
export const STRING_MAX_LENGTH = 255;

export function isInt4(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= INT4_MIN && value <= INT4_MAX;
}

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

/**
 * Characters as a length limit counts them: a surrogate pair (an emoji) is one, a variation
 * selector after a character none — the count class-validator's length checks have always
 * used (validator.js `isLength`), kept so that limits mean what they meant.
 */
export function textLength(text: string): number {
  const selectors = text.match(/[^\uFE0F\uFE0E][\uFE0F\uFE0E]/g)?.length ?? 0;
  const pairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return text.length - selectors - pairs;
}

/** Digits after the decimal point of a finite number as JavaScript writes it (1.25 → 2, 1e-7 → 7). */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent] = String(value).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === 'object' && !Array.isArray(value);
}
