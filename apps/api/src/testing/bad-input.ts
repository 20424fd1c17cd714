import type { FieldDeclaration, FieldType, ResourceDeclaration, Role } from '@zizhu/schema';
import { RESOURCES } from '../engine/metadata/resource-registry';
import type { ApiResponse } from './test-app';

/** Largest value a PostgreSQL `integer` column (ids, references, integer fields) holds. */
export const INT4_MAX = 2_147_483_647;

export const ROLE_USERS: Record<Role, string> = {
  admin: 'admin',
  county: 'yuzhou',
  school: 'school1',
  inspector: 'inspector',
  finance: 'finance',
};

/** The demo user that may do `action` on the resource (the widest one first). */
export function userFor(resource: ResourceDeclaration, action: 'list' | 'create' | 'update'): string | undefined {
  const role = (['admin', 'county', 'finance', 'school', 'inspector'] as const).find((r) => resource.access[action].includes(r));
  return role && ROLE_USERS[role];
}

/** Keys every plain object inherits: a lookup by them must never reach code or SQL. */
export const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'] as const;

const NUL: [string, unknown] = ['a NUL byte', 'a\u0000b'];

/** Values a filter or a field of each type must refuse, each a different way PostgreSQL would fail. */
const BAD_VALUES: { readonly [T in FieldType]: (field: FieldDeclaration) => [string, unknown][] } = {
  integer: () => [['2^31', INT4_MAX + 1], ['-2^31-1', -INT4_MAX - 2], ['2^53', 2 ** 53], ['a digit string above 2^31', '99999999999'], ['a float', 1.5]],
  number: () => [['a string', 'many'], ['a NUL byte', '1\u0000']],
  money: () => [['2^53', 2 ** 53], ['a float', 1.5]],
  reference: (field) =>
    field.reference && RESOURCES.find((r) => r.name === field.reference)?.idType === 'code'
      ? [NUL]
      : [['2^31', INT4_MAX + 1], ['a digit string above 2^31', '99999999999'], ['a NUL byte', '1\u0000']],
  date: () => [['month 13, day 45', '2020-13-45'], ['30 February', '2023-02-30'], NUL],
  datetime: () => [['"1"', '1'], ['month 13', '2020-13-01T00:00:00Z'], NUL],
  string: () => [NUL],
  text: () => [NUL],
  phone: () => [NUL],
  account: () => [NUL],
  idNumber: () => [NUL],
  enum: () => [NUL, ['an object', { a: 1 }]],
  enumList: () => [NUL, ['an object', { a: 1 }]],
  boolean: () => [['a NUL byte', 'true\u0000']],
  json: () => [],
  password: () => [],
};

export function badValuesFor(field: FieldDeclaration): [string, unknown][] {
  return BAD_VALUES[field.type](field);
}

/** Every filter key a list accepts, with the field it filters. */
export function filterKeys(resource: ResourceDeclaration): [string, FieldDeclaration][] {
  const keys: [string, FieldDeclaration][] = [];
  for (const [key, field] of Object.entries(resource.fields)) {
    if (!field.filter) continue;
    if (field.filter === 'range') keys.push([`${key}_gte`, field], [`${key}_lte`, field]);
    else keys.push([key, field]);
  }
  return keys;
}

/** A refusal in the API's one error shape: 4xx, a code, a message, errors keyed by field. */
export function expectRefused(response: ApiResponse, statuses: readonly number[] = [400, 422]): void {
  const { status, body } = response;
  if (!statuses.includes(status)) {
    throw new Error(`expected ${statuses.join(' or ')}, got ${status}: ${JSON.stringify(body)}`);
  }
  expectErrorShape(response);
}

export function expectErrorShape({ status, body }: ApiResponse): void {
  const shaped =
    body &&
    body.statusCode === status &&
    typeof body.code === 'string' &&
    typeof body.message === 'string' &&
    (body.errors === undefined || (typeof body.errors === 'object' && Object.values(body.errors).every((m) => typeof m === 'string')));
  if (!shaped) throw new Error(`not the error shape (${status}): ${JSON.stringify(body)}`);
}
