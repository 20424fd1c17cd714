import fc from 'fast-check';
import { INT4_MAX, PROTOTYPE_KEYS } from './bad-input';

/** Values that once reached PostgreSQL and failed there, mixed into arbitrary JSON. */
const KNOWN_BAD = fc.constantFrom<unknown>(
  INT4_MAX + 1,
  -INT4_MAX - 2,
  2 ** 53,
  1e308,
  -0,
  1.5,
  '99999999999',
  '2020-13-45',
  '2023-02-30',
  '1',
  '2020-01-01T25:61:00Z',
  'a\u0000b',
  '\u0000',
  '',
  ' ',
  'x'.repeat(300),
  '\uD800',
  '%',
  "'; DROP TABLE students; --",
  true,
  null,
  [],
  {},
  [1],
  [[1]],
  { a: 1 },
);

/** Any string, including lone surrogates, control characters and NUL. */
export const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }), KNOWN_BAD.filter((v) => typeof v === 'string').map(String));

/** Arbitrary JSON, weighted towards the values that used to be 500s. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: KNOWN_BAD },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: anyString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.array(KNOWN_BAD, { maxLength: 3 }) },
);

/** An object whose keys are mostly ones the target knows, with prototype keys and strangers. */
export function hostileObject(knownKeys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const key = fc.oneof(
    { weight: 4, arbitrary: knownKeys.length ? fc.constantFrom(...knownKeys) : fc.string() },
    { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    { weight: 1, arbitrary: anyString },
  );
  return fc.dictionary(key, hostileJson, { maxKeys: 5 });
}

/** A query parameter as a client could send it: JSON of any shape, or any text. */
export const hostileParam: fc.Arbitrary<string> = fc.oneof(
  hostileJson.map((value) => JSON.stringify(value) ?? ''),
  anyString,
);
