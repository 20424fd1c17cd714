import fc from 'fast-check';
import { filterKeys, PROTOTYPE_KEYS } from '../../testing/bad-input';
import { hostileObject, hostileParam } from '../../testing/hostile-values';
import { ApiException } from '../errors/api.exception';
import { RESOURCES } from '../metadata/resource-registry';
import type { Condition } from './list-query';
import { MAX_PAGE_SIZE, parseListQuery } from './query-parser';
import { containsNul, INT4_MAX, INT4_MIN } from './value-checks';

/** Every value a parsed condition hands to SQL, however deeply nested. */
function boundValues(condition: Condition): unknown[] {
  switch (condition.kind) {
    case 'in':
      return condition.values;
    case 'or':
      return condition.conditions.flatMap(boundValues);
    case 'related':
      return [condition.value, ...condition.sources.flatMap((s) => s.where.map(([, v]) => v))];
    case 'none':
      return [];
    default:
      return [condition.value];
  }
}

/**
 * Whatever the query string holds, the parser answers a list query PostgreSQL can run or
 * a 400 BAD_QUERY — never another error, never a value the database would refuse.
 */
describe('parseListQuery (properties)', () => {
  const resources = RESOURCES.filter((r) => filterKeys(r).length);
  // By name, so a counterexample reads "students", not the whole declaration.
  const resource = fc.constantFrom(...resources.map((r) => r.name)).map((name) => resources.find((r) => r.name === name)!);

  const outcome = (run: () => ReturnType<typeof parseListQuery>) => {
    try {
      return { parsed: run() };
    } catch (error) {
      if (error instanceof ApiException && error.status === 400) return { refused: error };
      throw error;
    }
  };

  const checkParsed = (parsed: ReturnType<typeof parseListQuery>) => {
    expect(parsed.limit).toBeGreaterThanOrEqual(1);
    expect(parsed.limit).toBeLessThanOrEqual(MAX_PAGE_SIZE);
    expect(Number.isSafeInteger(parsed.offset) && parsed.offset >= 0).toBe(true);
    expect(typeof parsed.sort.column).toBe('string');
    for (const value of parsed.conditions.flatMap(boundValues)) {
      expect(containsNul(value)).toBe(false);
      // Integers and ids bind as safe integers; a `number` field's bound may have decimals, never beyond that range.
      if (typeof value === 'number') expect(Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER).toBe(true);
    }
  };

  it('any filter object over declared, prototype and strange keys', () => {
    const query = resource.chain((r) =>
      fc.tuple(fc.constant(r), hostileObject([...filterKeys(r).map(([key]) => key), 'id', 'q', ...Object.keys(r.relationFilters ?? {})])),
    );
    fc.assert(
      fc.property(query, ([r, filter]) => {
        const result = outcome(() => parseListQuery(r, { filter: JSON.stringify(filter) }));
        if (result.parsed) checkParsed(result.parsed);
      }),
      { numRuns: 2000 },
    );
  });

  it('any text, or any value at all, as filter, sort and range', () => {
    const raw = fc.oneof(hostileParam, fc.constant(undefined), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
    fc.assert(
      fc.property(resource, raw, raw, raw, (r, filter, sort, range) => {
        const result = outcome(() => parseListQuery(r, { filter, sort, range }));
        if (result.parsed) checkParsed(result.parsed);
      }),
      { numRuns: 2000 },
    );
  });

  it('an integer filter beyond the column is refused, one within is kept', () => {
    const integerKeys = resources.flatMap((r) =>
      filterKeys(r)
        .filter(([, field]) => field.type === 'integer' || (field.type === 'reference' && RESOURCES.find((t) => t.name === field.reference)?.idType === 'integer'))
        .map(([key]) => `${r.name}.${key}`),
    );
    fc.assert(
      fc.property(fc.constantFrom(...integerKeys), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (target, n) => {
        const [name, key] = target.split('.');
        const r = resources.find((x) => x.name === name)!;
        const result = outcome(() => parseListQuery(r, { filter: JSON.stringify({ [key]: n }) }));
        const fits = n >= INT4_MIN && n <= INT4_MAX;
        if (!fits) expect(result.refused).toBeDefined();
        else expect(result.parsed).toBeDefined();
      }),
      { numRuns: 1000 },
    );
  });

  it.each(PROTOTYPE_KEYS.map((key) => [key]))('%s is never a filter or a sort field', (key) => {
    for (const r of resources) {
      expect(outcome(() => parseListQuery(r, { filter: `{"${key}":1}` })).refused).toBeDefined();
      expect(outcome(() => parseListQuery(r, { sort: JSON.stringify([key, 'ASC']) })).refused).toBeDefined();
    }
  });
});
