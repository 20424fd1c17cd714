import { idNumberCheckChar } from '@zizhu/schema';
import { listQuery, startTestApp, type TestApp, totalOf, type Json } from '../../testing/test-app';

type Rec = Record<string, Json>;

/**
 * A run's lists are picked by name: the schema declares `listIds` as ids of identity lists
 * (display `referenceIds`) labelled with each list's department, batch date and size, and
 * every list carries its size (`identityCount`), kept by the database however people are
 * written.
 */
describe('comparison runs pick identity lists by name', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  const get = (path: string, user = 'admin') => api.request('GET', path, { token: token[user] });
  const idNumber = (sequence: string) => {
    const first17 = `45090220010101${sequence}`;
    return first17 + idNumberCheckChar(first17);
  };

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'school1']) token[user] = await api.login(user);
  });
  afterAll(() => api.close());

  it.each(['yuzhou', 'school1'])('describes listIds to %s as identity lists labelled by department, batch date and size', async (user) => {
    const { resources } = (await get('/api/schema', user)).body as { resources: Rec[] };
    const runs = resources.find((r) => r.name === 'comparisons');
    expect(runs?.fields.find((f: Rec) => f.key === 'listIds')).toMatchObject({
      type: 'string',
      display: 'referenceIds',
      reference: 'identity-lists',
      optionLabel: ['department', 'batchDate', 'identityCount'],
      label: { zh: '比对名单', en: 'Lists compared' },
    });
    const lists = resources.find((r) => r.name === 'identity-lists');
    expect(lists?.recordLabel).toBe('name');
    expect(lists?.fields.find((f: Rec) => f.key === 'identityCount')).toMatchObject({ type: 'integer', readOnly: true, label: { zh: '人数', en: 'People' } });
  });

  it('keeps each list its number of people, written one by one or in bulk, and never takes it from a request', async () => {
    const types = (await get(`/api/identity-types${listQuery({ range: [0, 99] })}`)).body as Rec[];
    const created = await api.request('POST', '/api/identity-lists', {
      token: token.yuzhou,
      body: { name: '人数测试名单', department: 'civilAffairs', identityTypeId: types[0].id, regionId: '450902', batchDate: '2026-09-01', identityCount: 99 },
    });
    expect(created.status).toBe(201);
    expect(created.body.identityCount).toBe(0);
    const list = created.body;
    const people: Rec[] = [];
    for (const sequence of ['611', '621', '631']) {
      const person = await api.request('POST', '/api/identities', { token: token.yuzhou, body: { listId: list.id, idNumber: idNumber(sequence), name: `测试${sequence}` } });
      expect(person.status).toBe(201);
      people.push(person.body);
    }
    const count = async () => (await get(`/api/identity-lists/${list.id}`, 'school1')).body.identityCount;
    expect(await count()).toBe(3);
    const renamed = await api.request('PUT', `/api/identities/${people[0].id}`, { token: token.yuzhou, body: { name: '改名', version: people[0].version } });
    expect(renamed.status).toBe(200);
    expect(await count()).toBe(3);
    expect((await api.request('DELETE', `/api/identities/${people[1].id}`, { token: token.yuzhou })).status).toBe(200);
    expect(await count()).toBe(2);
    // The demo lists were loaded in bulk: each carries its size.
    const demo = ((await get(`/api/identity-lists${listQuery({ range: [0, 99] })}`)).body as Rec[]).filter((l) => l.id !== list.id);
    expect(demo.length).toBeGreaterThan(0);
    for (const each of demo) {
      const people = await get(`/api/identities${listQuery({ filter: { listId: each.id }, range: [0, 0] })}`);
      expect([each.name, each.identityCount]).toEqual([each.name, totalOf(people)]);
    }
  });

  it('refuses lists that are not chosen as ids, in words about choosing', async () => {
    const response = await api.request('POST', '/api/comparisons', { token: token.admin, body: { name: '无名单', regionId: '450900', listIds: 'abc' } });
    expect(response.status).toBe(422);
    expect(response.body.errors.listIds).toBe('请选择身份名单');
  });
});
