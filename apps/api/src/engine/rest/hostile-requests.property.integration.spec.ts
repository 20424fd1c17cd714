import { idNumberCheckChar, type ResourceDeclaration } from '@zizhu/schema';
import fc from 'fast-check';
import { expectErrorShape, filterKeys, ROLE_USERS } from '../../testing/bad-input';
import { hostileJson, hostileObject, hostileParam } from '../../testing/hostile-values';
import { type ApiResponse, type Json, startTestApp, type TestApp } from '../../testing/test-app';
import { RESOURCES } from '../metadata/resource-registry';

/** A 2xx, or a 4xx in the error shape: never a 5xx. */
function expectNoServerError(response: ApiResponse, request: string): void {
  if (response.status >= 500) throw new Error(`${request} → ${response.status}: ${JSON.stringify(response.body)}`);
  if (response.status >= 400) expectErrorShape(response);
}

/**
 * Arbitrary JSON and arbitrary strings thrown over HTTP at the query parser and the record
 * writers (generic and module routes), for several resources and roles, against the real
 * database. Run counts are kept small: the machine is shared, and each run is a request.
 */
describe('hostile requests (properties, over HTTP)', () => {
  let api: TestApp;
  const tokens: Record<string, string> = {};
  const NAMES = ['students', 'schools', 'programs', 'allocations', 'clues', 'comparisons', 'identity-lists', 'users', 'rosters', 'roster-entries'];
  const resources = NAMES.map((name) => RESOURCES.find((r) => r.name === name)!);
  const roles = Object.keys(ROLE_USERS) as (keyof typeof ROLE_USERS)[];
  const firstIds: Record<string, Json> = {};

  beforeAll(async () => {
    api = await startTestApp();
    for (const role of roles) tokens[role] = await api.login(ROLE_USERS[role]);
    for (const resource of resources) {
      firstIds[resource.name] = (await api.request('GET', `/api/${resource.name}?range=[0,0]`, { token: tokens.admin })).body?.[0]?.id;
    }
  }, 60_000);
  afterAll(() => api.close());

  const resource = fc.constantFrom(...NAMES).map((name) => resources.find((r) => r.name === name)!);
  const role = fc.constantFrom(...roles);
  const writableKeys = (r: ResourceDeclaration) => [...Object.keys(r.fields).filter((k) => !r.fields[k].readOnly), 'version', 'id'];
  const options = { numRuns: 80, endOnFailure: true };

  it('list: any filter object, sort and range', async () => {
    const query = resource.chain((r) =>
      fc.record({
        r: fc.constant(r),
        filter: fc.oneof(hostileObject([...filterKeys(r).map(([k]) => k), 'q', 'id']).map((f) => JSON.stringify(f)), hostileParam),
        sort: fc.oneof(fc.constantFrom(...Object.keys(r.fields)).map((k) => JSON.stringify([k, 'ASC'])), hostileParam),
        range: fc.oneof(fc.tuple(fc.integer(), fc.integer()).map((t) => JSON.stringify(t)), hostileParam),
      }),
    );
    await fc.assert(
      fc.asyncProperty(query, role, async ({ r, filter, sort, range }, who) => {
        const path = `/api/${r.name}?${new URLSearchParams({ filter, sort, range })}`;
        expectNoServerError(await api.request('GET', path, { token: tokens[who] }), `GET ${path} as ${who}`);
      }),
      options,
    );
  }, 120_000);

  it('create: any body over declared, prototype and strange keys', async () => {
    const body = resource.chain((r) => fc.tuple(fc.constant(r), hostileObject(writableKeys(r))));
    await fc.assert(
      fc.asyncProperty(body, role, async ([r, sent], who) => {
        expectNoServerError(await api.request('POST', `/api/${r.name}`, { token: tokens[who], body: sent }), `POST /api/${r.name} ${JSON.stringify(sent)} as ${who}`);
      }),
      options,
    );
  }, 120_000);

  it('create: a valid student with some fields replaced by anything', async () => {
    const students = resources[0];
    const [school] = (await api.request('GET', '/api/schools?range=[0,0]', { token: tokens.school })).body;
    let serial = 0;
    const valid = () => {
      const first17 = `450902201203${String(15000 + serial++).padStart(5, '0')}`;
      return { name: '黄小明', schoolId: school.id, stage: 'primary', status: 'enrolled', idNumber: first17 + idNumberCheckChar(first17) };
    };
    await fc.assert(
      fc.asyncProperty(hostileObject(writableKeys(students)), async (replaced) => {
        const sent = { ...valid(), ...replaced };
        expectNoServerError(await api.request('POST', '/api/students', { token: tokens.school, body: sent }), `POST /api/students ${JSON.stringify(sent)}`);
      }),
      options,
    );
  }, 120_000);

  it('update: a stored record at its current version, some fields replaced by anything', async () => {
    const body = resource.chain((r) => fc.tuple(fc.constant(r), hostileObject(writableKeys(r).filter((k) => k !== 'version'))));
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('admin', 'admin', 'county', 'school', 'finance'), async ([r, sent], who) => {
        const path = `/api/${r.name}/${encodeURIComponent(firstIds[r.name] ?? 1)}`;
        const version = (await api.request('GET', path, { token: tokens.admin })).body?.version;
        const full = { version, ...sent };
        expectNoServerError(await api.request('PUT', path, { token: tokens[who], body: full }), `PUT ${path} ${JSON.stringify(full)} as ${who}`);
      }),
      options,
    );
  }, 120_000);

  it('any JSON at all as the body of the module routes that write', async () => {
    const routes = [
      'POST /api/funds/exceptions/explain',
      'POST /api/funds/exceptions/clue',
      'POST /api/refunds',
      'POST /api/disbursement-batches',
      'POST /api/rosters',
      'POST /api/roster-entries',
      'POST /api/rosters/1/actions',
      'POST /api/rosters/1/amendments',
      'POST /api/comparisons/1/results/confirm',
      'POST /api/omissions/1/review',
      'POST /api/students/1/reveal',
      'POST /api/students/export-jobs',
      'PUT /api/comparison-results/1',
      'PUT /api/imports/1/mapping',
      'POST /api/imports/1/commit',
      'POST /api/auth/login',
    ];
    const body = fc.oneof(
      hostileJson,
      hostileObject(['key', 'note', 'ids', 'reason', 'decision', 'decisionReason', 'action', 'comment', 'entryId', 'tier', 'studentId', 'programId', 'year', 'term', 'schoolId', 'disbursementId', 'amount', 'date', 'columns', 'allOrNothing', 'field', 'filter', 'sort', 'format', 'username', 'password', 'version']),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, role, async (route, sent, who) => {
        const [method, path] = route.split(' ');
        // A JSON body is an object or an array; anything else goes as one field.
        const wrapped = typeof sent === 'object' && sent !== null ? sent : { value: sent };
        expectNoServerError(await api.request(method, path, { token: tokens[who], body: wrapped }), `${route} ${JSON.stringify(wrapped)} as ${who}`);
      }),
      { ...options, numRuns: 160 },
    );
  }, 180_000);
});
