import type { FieldDeclaration, ResourceDeclaration } from '@zizhu/schema';
import {
  badValuesFor,
  expectRefused,
  filterKeys,
  INT4_MAX,
  PROTOTYPE_KEYS,
  userFor,
} from '../../testing/bad-input';
import { type ApiResponse, type Json, startTestApp, type TestApp } from '../../testing/test-app';
import { RESOURCES } from '../metadata/resource-registry';
import { isWritable } from './input-validator.factory';

/** Arrays nested 20,000 deep (40 KB): deeper than JSON.stringify's stack reaches. */
const DEEP = 'DEEP-JSON';
const DEEP_JSON = '['.repeat(20_000) + ']'.repeat(20_000);

/**
 * Every class of bad input that once reached a 500, generated from the declarations so a
 * new resource or field is attacked too: each must be a 400/422 in the error shape.
 */
describe('bad input is a 4xx, never a 500', () => {
  let api: TestApp;
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await api.login(username));
    return tokens.get(username)!;
  };
  const list = async (resource: ResourceDeclaration, query: Record<string, string>) =>
    api.request('GET', `/api/${resource.name}?${new URLSearchParams(query)}`, { token: await token(userFor(resource, 'list')!) });

  beforeAll(async () => {
    api = await startTestApp();
  });

  /** Like api.request, but DEEP stands for JSON too deep for this process to stringify. */
  const send = async (method: string, path: string, bearer: string, body: object): Promise<ApiResponse> => {
    const text = JSON.stringify(body).replace(JSON.stringify(DEEP), DEEP_JSON);
    const response = await fetch(api.baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: text,
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  afterAll(() => api.close());

  const listable = RESOURCES.filter((r) => userFor(r, 'list'));

  describe('failing-filters', () => {
    const cases: [string, string, string, unknown][] = listable.flatMap((resource) =>
      filterKeys(resource).flatMap(([key, field]) =>
        badValuesFor(field).map(([what, value]): [string, string, string, unknown] => [resource.name, key, what, value]),
      ),
    );
    it.each(cases)('%s filter %s with %s is 400', async (name, key, _what, value) => {
      const resource = RESOURCES.find((r) => r.name === name)!;
      expectRefused(await list(resource, { filter: JSON.stringify({ [key]: value }) }), [400]);
    });

    it.each(listable.filter((r) => r.idType === 'integer').map((r) => [r.name]))('%s filter id above 2^31 is 400', async (name) => {
      const resource = RESOURCES.find((r) => r.name === name)!;
      expectRefused(await list(resource, { filter: JSON.stringify({ id: INT4_MAX + 1 }) }), [400]);
      expectRefused(await list(resource, { filter: JSON.stringify({ id: [1, '99999999999'] }) }), [400]);
    });

    it.each(
      listable.flatMap((r) =>
        Object.keys(r.relationFilters ?? {}).flatMap((key) =>
          [INT4_MAX + 1, '1\u0000', { a: 1 }, [1], 1.5].map((value) => [r.name, key, JSON.stringify(value)]),
        ),
      ),
    )('%s relation filter %s with %s is 400', async (name, key, value) => {
      const resource = RESOURCES.find((r) => r.name === name)!;
      expectRefused(await list(resource, { filter: `{"${key}":${value}}` }), [400]);
    });

    it.each(listable.flatMap((r) => PROTOTYPE_KEYS.map((key) => [r.name, key])))('%s filter key %s is 400', async (name, key) => {
      const resource = RESOURCES.find((r) => r.name === name)!;
      expectRefused(await list(resource, { filter: `{"${key}":"1"}` }), [400]);
      expectRefused(await list(resource, { sort: JSON.stringify([key, 'ASC']) }), [400]);
    });

    it.each([
      ['a number', 'sort', '5'],
      ['a string', 'sort', '"id"'],
      ['an object', 'sort', '{"id":"ASC"}'],
      ['null', 'sort', 'null'],
      ['one element', 'sort', '["id"]'],
      ['a number as the field', 'sort', '[1,"ASC"]'],
      ['a NUL in the field', 'sort', '["id\\u0000","ASC"]'],
      ['a number', 'range', '5'],
      ['a string', 'range', '"0-9"'],
      ['an object', 'range', '{"0":0,"1":9}'],
      ['null', 'range', 'null'],
      ['one element', 'range', '[0]'],
      ['strings', 'range', '["0","9"]'],
      ['an array', 'filter', '[1,2]'],
      ['a string', 'filter', '"x"'],
      ['null', 'filter', 'null'],
      ['not JSON', 'filter', '{x'],
      ['a nested array value', 'filter', '{"id":[[1]]}'],
      ['an object id', 'filter', '{"id":{"a":1}}'],
      ['a NUL in the search', 'filter', '{"q":"黄\\u0000"}'],
      ['an object as the search', 'filter', '{"q":{"a":1}}'],
      ['nesting 40 deep', 'filter', `{"id":${'['.repeat(40)}${']'.repeat(40)}}`],
    ])('students %s as %s is 400', async (_what, param, value) => {
      expectRefused(await list(RESOURCES.find((r) => r.name === 'students')!, { [param]: value }), [400]);
    });

    it('a query parameter given twice (an array, not a string) is 400', async () => {
      const res = await api.request('GET', '/api/students?sort=["id","ASC"]&sort=["id","ASC"]', { token: await token('admin') });
      expectRefused(res, [400]);
    });
  });

  describe('failing-bodies', () => {
    const updatable = RESOURCES.filter((r) => userFor(r, 'update'));
    const cases: [string, string, string, unknown][] = updatable.flatMap((resource) =>
      Object.entries(resource.fields)
        .filter(([, field]) => isWritable(field, 'update'))
        .flatMap(([key, field]) => badFieldValues(field).map(([what, value]): [string, string, string, unknown] => [resource.name, key, what, value])),
    );

    /** The first record the updating user can change, read fresh (its version moves on). */
    const firstRecord = async (resource: ResourceDeclaration): Promise<Json | undefined> => {
      const res = await api.request('GET', `/api/${resource.name}?range=[0,0]`, { token: await token(userFor(resource, 'update')!) });
      return res.body?.[0];
    };

    it.each(cases)('%s update of %s with %s is 422 on the field', async (name, key, _what, value) => {
      const resource = RESOURCES.find((r) => r.name === name)!;
      const record = await firstRecord(resource);
      if (!record) return; // nothing seeded to update: the create case below covers the field
      const put = async (sent: unknown) =>
        send('PUT', `/api/${name}/${encodeURIComponent(record.id)}`, await token(userFor(resource, 'update')!), { version: record.version, [key]: sent });
      const res = await put(value);
      // Modules may refuse first (409, or 422 on another field: the record's state forbids
      // edits); never a 5xx. Such a refusal must then not depend on the bad value.
      expectRefused(res, [400, 403, 409, 422]);
      if (res.status === 422 && !Object.keys(res.body.errors ?? {}).includes(key)) {
        const control = await put(record[key]);
        expect([control.status, control.body.errors]).toEqual([422, res.body.errors]);
      }
    });

    it.each(RESOURCES.filter((r) => userFor(r, 'create')).flatMap((resource) =>
      Object.entries(resource.fields)
        .filter(([, field]) => isWritable(field, 'create'))
        .flatMap(([key, field]) => badFieldValues(field).map(([what, value]): [string, string, string, unknown] => [resource.name, key, what, value])),
    ))('%s create with %s as %s is 4xx', async (name, key, _what, value) => {
      const resource = RESOURCES.find((r) => r.name === name)!;
      const res = await send('POST', `/api/${name}`, await token(userFor(resource, 'create')!), { [key]: value });
      expectRefused(res, [400, 403, 409, 422]);
    });

    it.each([
      ['an array', [1]],
      ['true', true],
      ['an object', { v: 1 }],
      ['a float', 1.5],
      ['above 2^31', INT4_MAX + 1],
      ['a NUL string', '1\u0000'],
    ])('a version sent as %s is 422 on version', async (_what, version) => {
      const [record] = (await api.request('GET', '/api/students?range=[0,0]', { token: await token('school1') })).body;
      const res = await api.request('PUT', `/api/students/${record.id}`, { token: await token('school1'), body: { version, name: '新名字' } });
      expectRefused(res, [422]);
      expect(Object.keys(res.body.errors)).toEqual(['version']);
    });
  });

  describe('failing-paths', () => {
    it.each([
      ['above 2^31', String(INT4_MAX + 1)],
      ['above 2^64', '99999999999999999999999'],
      ['negative', '-1'],
      ['not a number', 'abc'],
      ['a float', '1.5'],
      ['a NUL byte', '1%00'],
    ])('a record id %s is 400 or 404 on every verb', async (_what, id) => {
      const admin = await token('admin');
      for (const [method, path] of [
        ['GET', `/api/students/${id}`],
        ['PUT', `/api/students/${id}`],
        ['DELETE', `/api/programs/${id}`],
        ['GET', `/api/regions/${id}`],
        ['POST', `/api/students/${id}/reveal`],
      ]) {
        expectRefused(await api.request(method, path, { token: admin, body: method === 'GET' || method === 'DELETE' ? undefined : { version: 1, field: 'idNumber' } }), [400, 404]);
      }
    });
  });
});

/** Bad values for a field in a body: the filter's bad values, plus wrong JSON types. */
function badFieldValues(field: FieldDeclaration): [string, unknown][] {
  const values = badValuesFor(field);
  if (field.type === 'string' && !field.maxLength) values.push(['300 characters', 'x'.repeat(300)]);
  if (field.type === 'json') values.push(['a NUL byte inside', field.shape?.kind === 'list' ? [{ a: 'x\u0000' }] : { a: 'x\u0000' }]);
  values.push(['arrays nested 20,000 deep', DEEP]);
  return values;
}
