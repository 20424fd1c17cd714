import { bindParams, CREATE_PARTITION_SQL, EXACT_SQL, FILL_PARTITION_SQL, IDENTITIES_SQL, UNMATCHED_SQL } from './comparison-match.sql';

describe('comparison statements', () => {
  const params = { comparisonId: 4, pattern: '450900.450902.%', listIds: [1, 2], regionId: '450902' };

  it('bind exactly the parameters each statement uses, leaving casts alone', () => {
    const [sql, values] = bindParams(IDENTITIES_SQL, params);
    expect(values).toEqual([[1, 2]]);
    expect(sql).toContain('ANY($1::int[])');
    expect(bindParams(EXACT_SQL, params)[1]).toEqual(['450902', '450900.450902.%']);
    const [unmatched, unmatchedValues] = bindParams(UNMATCHED_SQL, params);
    expect(unmatchedValues).toEqual(['450900.450902.%', '450902']);
    expect(unmatched).not.toMatch(/(?<!:):[a-z]/);
  });

  it('match on keys, never on all pairs', () => {
    expect(EXACT_SQL).toContain('s.id_number = ci.id_number');
    expect(bindParams(EXACT_SQL, params)[0]).not.toMatch(/JOIN students s ON (TRUE|1 ?= ?1)/i);
  });

  it("write the run's own results table into DDL from the integer id only", () => {
    const [create, none] = bindParams(CREATE_PARTITION_SQL, params);
    expect(none).toEqual([]);
    expect(create).toContain('CREATE TABLE "comparison_results_4"');
    expect(create).toContain('CHECK (comparison_id = 4)');
    expect(bindParams(FILL_PARTITION_SQL, params)[0]).toContain('INSERT INTO "comparison_results_4"');
    expect(() => bindParams(CREATE_PARTITION_SQL, { ...params, comparisonId: 1.5 })).toThrow('Not a run id');
    expect(() => bindParams(CREATE_PARTITION_SQL, { ...params, comparisonId: -1 })).toThrow('Not a run id');
  });

  it('refuse an unknown parameter', () => {
    expect(() => bindParams('SELECT :nope', params)).toThrow('Unknown parameter :nope');
  });
});
