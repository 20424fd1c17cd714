import fc from 'fast-check';
import { CONFIGURED_FIELD_TYPES, configuredFieldSchema, findConfiguredFieldsProblem, validateConfiguredValues } from './configured-fields';
import { CONFIGURED_TYPES, type ConfiguredField, type ConfiguredFieldType, configuredDeclaration } from './field-types/configured-field-types';
import { FIELD_TYPES } from './field-types/field-type-registry';

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
    expect(errors.extra.zh).toBe('该项目没有此字段');
  });

  it('requires nothing of a record nobody applied for', () => {
    expect(validateConfiguredValues(fields, {}, { answersOptional: true })).toEqual({ values: {}, errors: {} });
  });

  it('finds duplicate keys and choices without options in the definitions', () => {
    expect(findConfiguredFieldsProblem([{ key: 'a', label: 'A', type: 'select', options: '一' }])).toMatchObject({ index: 0, field: 'options' });
    expect(findConfiguredFieldsProblem([fields[0], fields[0]])).toMatchObject({ index: 1, field: 'key' });
    expect(findConfiguredFieldsProblem([{ key: 'n', label: 'N', type: 'number', min: 5, max: 1 }])).toMatchObject({ field: 'max' });
    expect(findConfiguredFieldsProblem([{ key: 'c', label: 'C', type: 'computed' }])).toMatchObject({ field: 'expression' });
    expect(findConfiguredFieldsProblem(fields)).toBeNull();
  });

  it('offers the program designer its first five types only', () => {
    expect(CONFIGURED_FIELD_TYPES.map((t) => t.value)).toEqual(['text', 'number', 'boolean', 'date', 'select']);
  });

  describe('every configured type goes through a field type of the registry', () => {
    const choices = [
      { value: '达标', score: 2 },
      { value: '基本达标', score: 1 },
      { value: '不达标', score: 0 },
    ];
    const definition = (type: ConfiguredFieldType, extra: Partial<ConfiguredField> = {}): ConfiguredField => ({ key: 'a', label: '检查项', type, ...extra });

    it.each<[ConfiguredFieldType, Partial<ConfiguredField>, unknown[], unknown[]]>([
      ['text', {}, ['已落实'], [3, 'x'.repeat(501)]],
      ['longText', {}, ['x'.repeat(2000)], ['x'.repeat(2001), true]],
      ['number', { min: 0, max: 100, decimals: 1 }, [0, 99.5], [100.5, -1, 1.25, '12']],
      ['boolean', {}, [true, false], ['是', 1]],
      ['yesNoNa', {}, ['yes', 'no', 'na'], ['是', true]],
      ['date', {}, ['2026-09-01'], ['2026-02-30', 20260901]],
      ['select', { choices }, ['达标'], ['优秀', ['达标']]],
      ['multiSelect', { options: '照片,台账,访谈' }, [['照片'], ['照片', '访谈']], [['照片', '录音'], '照片']],
      ['file', {}, [12], ['12', 1.5]],
    ])('%s: accepts good answers and refuses bad ones with its field type’s message', (type, extra, good, bad) => {
      const field = definition(type, extra);
      for (const answer of good) expect(validateConfiguredValues([field], { a: answer })).toEqual({ values: { a: answer }, errors: {} });
      for (const answer of bad) {
        const { errors } = validateConfiguredValues([field], { a: answer });
        expect([answer, errors.a?.zh]).toEqual([answer, expect.stringContaining('检查项')]);
      }
    });

    it('requires an answer of a required field of any type but a computed one', () => {
      for (const type of Object.keys(CONFIGURED_TYPES) as ConfiguredFieldType[]) {
        const field = definition(type, { required: true, options: '甲,乙', expression: { '+': [1, 1] } });
        const { errors } = validateConfiguredValues([field], { a: type === 'multiSelect' ? [] : '  ' });
        expect([type, errors.a?.zh ?? null]).toEqual([type, type === 'computed' ? null : '请填写检查项']);
      }
    });

    it('computes a read-only value from the answers and their scores, whatever was sent for it', () => {
      const checklist: ConfiguredField[] = [
        { key: 'records', label: '台账', type: 'select', choices },
        { key: 'visits', label: '家访', type: 'yesNoNa', choices: [{ value: 'yes', score: 3 }, { value: 'no', score: 0 }, { value: 'na', label: '无需家访', score: 3 }] },
        { key: 'evidence', label: '佐证', type: 'multiSelect', choices: [{ value: '照片', score: 1 }, { value: '台账', score: 1 }] },
        { key: 'people', label: '人数', type: 'number' },
        { key: 'total', label: '得分', type: 'computed', expression: { '+': [{ var: 'scores.records' }, { var: 'scores.visits' }, { var: 'scores.evidence' }, { var: 'values.people' }] } },
      ];
      const result = validateConfiguredValues(checklist, { records: '基本达标', visits: 'na', evidence: ['照片', '台账'], people: 10, total: 999 });
      expect(result).toEqual({ values: { records: '基本达标', visits: 'na', evidence: ['照片', '台账'], people: 10, total: 16 }, errors: {} });
      expect(configuredDeclaration(checklist[1]).options?.map((o) => o.label.zh)).toEqual(['是', '否', '无需家访']);
    });

    it('leaves a computed value out when it is not a number', () => {
      const computed: ConfiguredField = { key: 'c', label: '计算', type: 'computed', expression: { cat: ['a', 'b'] } };
      expect(validateConfiguredValues([computed], {})).toEqual({ values: {}, errors: {} });
    });

    it('describes every configured field as the panel’s generic builders take it', () => {
      for (const type of Object.keys(CONFIGURED_TYPES) as ConfiguredFieldType[]) {
        const schema = configuredFieldSchema(definition(type, { required: true, options: '甲,乙', help: '说明' }));
        expect(schema).toMatchObject({ key: 'a', label: { zh: '检查项', en: '检查项' }, help: { zh: '说明' } });
        expect(FIELD_TYPES[schema.type]).toBeDefined();
      }
      expect(configuredFieldSchema(definition('computed'))).toMatchObject({ type: 'number', readOnly: true, required: false });
      expect(configuredFieldSchema(definition('file'))).toMatchObject({ type: 'reference', reference: 'files' });
    });

    it('keeps a number answer through an export cell and back', () => {
      const field = configuredDeclaration(definition('number'));
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
          const cell = FIELD_TYPES[field.type].export!.cell(n, field, { locale: 'zh' });
          const back = FIELD_TYPES[field.type].fromCell(cell as number, field, {});
          expect(validateConfiguredValues([definition('number')], { a: (back as { value: unknown }).value })).toEqual({ values: { a: n }, errors: {} });
        }),
      );
    });
  });
});
