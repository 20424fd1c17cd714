import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ResourceController } from './engine/rest/resource.controller';
import { RESOURCES } from './engine/metadata/resource-registry';
import { startTestApp, type TestApp } from './testing/test-app';

interface Route {
  method: string;
  path: string;
  controller: string;
  generic: boolean;
}

/** Every route Nest registered, from the controllers' metadata, as `/api/...` paths. */
function registeredRoutes(api: TestApp): Route[] {
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  for (const wrapper of api.app.get(DiscoveryService).getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const full = ['api', base, String(path)].flatMap((part) => part.split('/')).filter(Boolean).join('/');
      routes.push({ method, path: `/${full}`, controller: metatype.name, generic: instance instanceof ResourceController });
    }
  }
  return routes;
}

/** Whether one request could match both paths: same number of segments, each a parameter or the same text. */
function overlap(a: string, b: string): boolean {
  const x = a.split('/');
  const y = b.split('/');
  return x.length === y.length && x.every((segment, i) => segment === y[i] || segment.startsWith(':') || y[i].startsWith(':'));
}

/**
 * No route a module (or an engine feature) declares is one a generic route also matches, so
 * the order of modules in app.module.ts does not matter, and the moved routes still answer
 * as they did.
 */
describe('routes', () => {
  let api: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'school1', 'yuzhou', 'finance']) tokens[user] = await api.login(user);
  }, 120_000);
  afterAll(() => api.close());

  it('leaves a list export to the feature that serves its records by id, which routes it first', () => {
    const ownGetOne = RESOURCES.filter((resource) => resource.ownRoutes?.includes('getOne'));
    expect(ownGetOne.map((resource) => resource.name).sort()).toEqual(['export-jobs', 'files', 'imports', 'letters']);
    const order = registeredRoutes(api).map((route) => `${route.method} ${route.path}`);
    for (const resource of ownGetOne) {
      expect(resource.ownRoutes).toContain('export');
      expect(order.indexOf(`GET /api/${resource.name}/export`)).toBeGreaterThanOrEqual(0);
      expect(order.indexOf(`GET /api/${resource.name}/export`)).toBeLessThan(order.indexOf(`GET /api/${resource.name}/:id`));
    }
  });

  it('has no module route that a generic route also matches', () => {
    const routes = registeredRoutes(api);
    const generic = routes.filter((route) => route.generic);
    expect(generic.length).toBeGreaterThan(100);
    const clashes = routes
      .filter((route) => !route.generic)
      .flatMap((route) => generic.filter((g) => g.method === route.method && overlap(g.path, route.path)).map((g) => `${route.method} ${route.path} (${route.controller}) ~ ${g.path}`));
    expect(clashes).toEqual([]);
  });

  it('has no two generic routes of one method that match one request, but a list export (declared before the record) and a record', () => {
    const generic = registeredRoutes(api).filter((route) => route.generic);
    const clashes = generic.flatMap((a, i) =>
      generic
        .slice(i + 1)
        .filter((b) => a.method === b.method && overlap(a.path, b.path) && !(a.path.endsWith('/export') && b.path.endsWith('/:id')))
        .map((b) => `${a.method} ${a.path} ~ ${b.path}`),
    );
    expect(clashes).toEqual([]);
  });

  describe('successful-moved-routes', () => {
    it.each([
      ['GET', '/api/funds/overdue', 'finance', 200],
      ['GET', '/api/me/todo', 'school1', 200],
      ['GET', '/api/imports/limits', 'admin', 200],
    ])('%s %s answers as before', async (method, path, user, status) => {
      expect((await api.request(method, path, { token: tokens[user] })).status).toBe(status);
    });
  });

  it('exports a list at /:resource/export, not a record named "export"', async () => {
    const response = await fetch(`${api.baseUrl}/api/students/export?format=csv`, { headers: { authorization: `Bearer ${tokens.school1}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    await response.arrayBuffer();
  });

  describe('failing-moved-routes', () => {
    it.each([
      ['POST', '/api/comparisons', 'admin', { name: '过期', regionId: '450900', listIds: '1', deadline: '2000-01-01' }, 422, 'deadline'],
      ['POST', '/api/disbursement-batches', 'finance', { programId: 1, year: 2017, term: 'autumn', method: 'cash', date: '2017-09-01' }, 422, 'method'],
      ['POST', '/api/disbursement-batches', 'yuzhou', { programId: 1, year: 2017, term: 'autumn', method: 'aidCard', date: '2017-09-01' }, 403, undefined],
      ['POST', '/api/rosters/1/actions', 'school1', { action: 'maybe' }, 422, 'action'],
      ['POST', '/api/rosters/1/actions', 'school1', { action: 'approve', extra: 1 }, 422, 'extra'],
      ['POST', '/api/rosters/1/amendments', 'school1', { reason: '核减' }, 403, undefined],
      // A value the database would have refused (400 INVALID_VALUE before) is the field's 422.
      ['POST', '/api/rosters/1/amendments', 'yuzhou', { entryId: 'abc', tier: 'T1', reason: '核减' }, 422, 'entryId'],
      ['POST', '/api/omissions/1/review', 'yuzhou', { decision: 'maybe' }, 422, 'decision'],
      ['POST', '/api/clues/1/accept', 'school1', {}, 403, undefined],
      ['PUT', '/api/comparison-results/999999', 'school1', { decision: 'confirmed', version: 1 }, 404, undefined],
      ['DELETE', '/api/roster-entries/999999', 'school1', undefined, 404, undefined],
      ['POST', '/api/disbursements/999999/reissue', 'finance', {}, 404, undefined],
    ])('%s %s as %s with %j is %s', async (method, path, user, body, status, field) => {
      const response = await api.request(method, path, { token: tokens[user], body });
      expect(response.status).toBe(status);
      if (field) expect(Object.keys(response.body.errors)).toContain(field);
    });
  });
});
