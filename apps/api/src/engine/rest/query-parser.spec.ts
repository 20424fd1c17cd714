import { studentResource } from '@zizhu/students';
import { regionResource } from '@zizhu/regions';
import { ApiException } from '../errors/api.exception';
import { parseListQuery } from './query-parser';

describe('parseListQuery', () => {
  it('falls back to the declared default sort and the first page', () => {
    expect(parseListQuery(studentResource, {})).toEqual({
      conditions: [],
      sort: { column: 'id', order: 'DESC' },
      offset: 0,
      limit: 25,
    });
  });

  it('maps field keys to columns and types values', () => {
    const parsed = parseListQuery(studentResource, {
      sort: '["name","desc"]',
      range: '[50,74]',
      filter: JSON.stringify({ schoolId: '7', boarding: 'true', birthDate_gte: '2010-01-01', name: '黄', idNumber: '11010519491231002x' }),
    });
    expect(parsed.sort).toEqual({ column: 'name', order: 'DESC' });
    expect(parsed).toMatchObject({ offset: 50, limit: 25 });
    expect(parsed.conditions).toEqual([
      { kind: 'eq', column: 'school_id', value: 7 },
      { kind: 'eq', column: 'boarding', value: true },
      { kind: 'gte', column: 'birth_date', value: '2010-01-01' },
      { kind: 'prefix', column: 'name', value: '黄' },
      { kind: 'eq', column: 'id_number', value: '11010519491231002X' },
    ]);
  });

  it('searches q by name prefix alone when it cannot be an ID number (so a name sort walks the name index from the prefix)', () => {
    const { conditions } = parseListQuery(studentResource, { filter: '{"q":" 陈 "}' });
    expect(conditions).toEqual([{ kind: 'prefix', column: 'name', value: '陈' }]);
  });

  it('refuses a sort by birth date (its correlation with stage and school defeats every index)', () => {
    expect(() => parseListQuery(studentResource, { sort: '["birthDate","ASC"]' })).toThrow();
  });

  it('turns an ID-shaped q into an OR over the searchable fields, normalised', () => {
    const { conditions } = parseListQuery(studentResource, { filter: '{"q":"１１0105 19491231002x"}' });
    expect(conditions).toEqual([
      {
        kind: 'or',
        conditions: [
          { kind: 'eq', column: 'id_number', value: '11010519491231002X' },
          { kind: 'prefix', column: 'name', value: '１１0105 19491231002x' },
        ],
      },
    ]);
  });

  it('keeps code ids as strings and empty filters out', () => {
    const { conditions } = parseListQuery(regionResource, { filter: '{"id":["450902",450903],"level":""}' });
    expect(conditions).toEqual([{ kind: 'in', column: 'id', values: ['450902', '450903'] }]);
  });

  it('turns a relation filter into EXISTS over its sources (true: any value)', () => {
    const [condition] = parseListQuery(studentResource, { filter: '{"markIdentityTypeId":"3"}' }).conditions;
    expect(condition).toEqual({
      kind: 'related',
      value: 3,
      sources: [
        { table: 'comparison_results', viaColumn: 'student_id', matchColumn: 'identity_type_id', where: [['marked', true]] },
        { table: 'omissions', viaColumn: 'student_id', matchColumn: 'identity_type_id', where: [['status', 'approved']] },
      ],
    });
    expect(parseListQuery(studentResource, { filter: '{"markIdentityTypeId":true}' }).conditions[0]).toMatchObject({ value: null });
  });

  it.each([
    ['sort by an undeclared field', { sort: '["phone","ASC"]' }],
    ['filter by an undeclared field', { filter: '{"guardianName":"x"}' }],
    ['range filter on an exact field', { filter: '{"schoolId_gte":1}' }],
    ['a non-integer reference', { filter: '{"schoolId":"abc"}' }],
    ['a reversed range', { range: '[10,0]' }],
    ['a filter that is not an object', { filter: '[1]' }],
  ])('rejects %s', (_case, raw) => {
    expect(() => parseListQuery(studentResource, raw)).toThrow(ApiException);
  });
});
