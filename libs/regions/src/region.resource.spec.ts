import { regionResource } from './region.resource';
import { schoolResource } from './school.resource';

const check = (record: Record<string, unknown>) => regionResource.check?.(record)?.message.zh ?? null;

describe('region rules', () => {
  it.each([
    [{ id: '450900', level: 'city', parentId: null }, null],
    [{ id: '450902', level: 'county', parentId: '450900' }, null],
    [{ id: '450902001', level: 'township', parentId: '450902' }, null],
    [{ id: '450900', level: 'city', parentId: '450000' }, '市级区划没有上级'],
    [{ id: '450902', level: 'county', parentId: null }, '请选择上级区划'],
    [{ id: '4509021', level: 'township', parentId: '450902' }, '乡镇代码应为9位'],
    [{ id: '450902001', level: 'county', parentId: '450900' }, '县级以上代码应为6位'],
  ])('%j → %s', (record, message) => {
    expect(check(record)).toBe(message);
  });

  it('codes are 6 or 9 digits, school codes 10', () => {
    const regionCode = new RegExp(regionResource.fields.id.pattern!.regex);
    expect(['450902', '450902001'].every((c) => regionCode.test(c))).toBe(true);
    expect(regionCode.test('45090')).toBe(false);
    expect(new RegExp(schoolResource.fields.code.pattern!.regex).test('2145020107')).toBe(true);
  });

  it('a school takes its place in the tree below its region, keyed by its code', () => {
    expect(schoolResource.scope).toEqual({ kind: 'reference', via: ['regionId'], segment: 'code' });
  });
});
