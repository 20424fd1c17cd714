import { findConfiguredFieldsProblem, validateConfiguredValues } from './configured-fields';
import type { ConfiguredField } from './field-types/configured-field-types';

const fields: ConfiguredField[] = [
  { key: 'familySize', label: '家庭人口', type: 'number', required: true },
  { key: 'hardship', label: '困难类型', type: 'select', options: '低收入，因病、因灾' },
  { key: 'visited', label: '已家访', type: 'boolean' },
  { key: 'visitDate', label: '家访日期', type: 'date' },
  { key: 'note', label: '说明', type: 'text' },
];

describe('configured fields', () => {
  it('keeps valid answers and drops empty optional ones', () => {
    const result = validateConfiguredValues(fields, { familySize: 4, hardship: '因病', visited: true, visitDate: '2026-09-30', note: '  ' });
    expect(result).toEqual({ values: { familySize: 4, hardship: '因病', visited: true, visitDate: '2026-09-30' }, errors: {} });
  });

  it('reports each bad answer under its key', () => {
    const { errors } = validateConfiguredValues(fields, { hardship: '其他', visited: 'yes', visitDate: '2026-02-30', extra: 1 });
    expect(Object.keys(errors).sort()).toEqual(['extra', 'familySize', 'hardship', 'visitDate', 'visited']);
    expect(errors.familySize.zh).toContain('请填写');
    expect(errors.hardship.zh).toContain('低收入、因病、因灾');
  });

  it('finds duplicate keys and choices without options in the definitions', () => {
    expect(findConfiguredFieldsProblem([{ key: 'a', label: 'A', type: 'select', options: '一' }])).toMatchObject({ index: 0, field: 'options' });
    expect(findConfiguredFieldsProblem([fields[0], fields[0]])).toMatchObject({ index: 1, field: 'key' });
    expect(findConfiguredFieldsProblem(fields)).toBeNull();
  });
});
