import fc from 'fast-check';
import type { FieldDeclaration, FieldType } from '../field';
import { idNumberCheckChar } from '../id-number';
import { formatYuan } from '../money';
import { renderMessage } from './field-messages';
import type { FieldEnv, Locale } from './field-type-entry';
import { FIELD_TYPES, findValueFault, normalizeValue } from './field-type-registry';

const ENV: FieldEnv = { referenceIdType: (field) => (field.reference === 'regions' ? 'code' : 'integer') };
const label = { zh: '字段', en: 'Field' };
const OPTIONS = [
  { value: 'primary', label: { zh: '小学', en: 'Primary' } },
  { value: 'junior', label: { zh: '初中', en: 'Junior' } },
];
const decl = (type: FieldType, extra: Partial<FieldDeclaration> = {}): FieldDeclaration => ({ type, label, ...extra });

/** A valid ID number (its check digit computed). */
const ID_NUMBER = `11010120080101123${idNumberCheckChar('11010120080101123')}`;

describe('FIELD_TYPES', () => {
  it('has one entry per field type, each deciding every trait', () => {
    for (const [type, entry] of Object.entries(FIELD_TYPES)) {
      expect([type, typeof entry.column, typeof entry.checks, typeof entry.fromCell, typeof entry.openApi]).toEqual([type, 'function', 'function', 'function', 'function']);
    }
  });

  it.each<[string, FieldDeclaration, unknown[], [unknown, string][]]>([
    ['string', decl('string', { maxLength: 4 }), ['abcd', '学生姓名'], [[1, 'text'], ['abcde', 'maxLength']]],
    ['string without a length', decl('string'), ['x'.repeat(255)], [['x'.repeat(256), 'maxLength']]],
    ['string with a pattern', decl('string', { pattern: { regex: '^\\d+$', message: label } }), ['123'], [['12a', 'pattern']]],
    ['text', decl('text', { minLength: 2 }), ['ab', 'x'.repeat(10_000)], [['a', 'minLength'], [false, 'text']]],
    ['integer', decl('integer', { min: 0, max: 10 }), [0, 10], [[1.5, 'integer'], ['1', 'integer'], [-1, 'min'], [11, 'max']]],
    ['integer beyond int4', decl('integer'), [2_147_483_647], [[2_147_483_648, 'outOfRange']]],
    ['number', decl('number', { decimals: 1, min: 0 }), [0, 2.5, 100], [[2.55, 'decimals'], [-0.5, 'min'], [Number.NaN, 'number'], ['3', 'number']]],
    ['money', decl('money'), [12_345, -1], [[1.5, 'money'], [2 ** 53, 'max']]],
    ['boolean', decl('boolean'), [true, false], [['yes', 'boolean'], [0, 'boolean']]],
    ['date', decl('date'), ['2024-02-29'], [['2023-02-29', 'date'], ['2024/02/01', 'date']]],
    ['datetime', decl('datetime'), ['2026-03-01T08:30:00Z', '2026-03-01'], [['1', 'datetime'], ['2026-13-01T00:00:00Z', 'datetime']]],
    ['enum', decl('enum', { options: OPTIONS }), ['primary'], [['college', 'option'], [{ a: 1 }, 'option']]],
    ['enumList', decl('enumList', { options: OPTIONS, required: true }), [['primary', 'junior']], [['primary', 'options'], [['college'], 'options'], [[], 'options']]],
    ['reference (integer ids)', decl('reference', { reference: 'schools' }), [3], [['3', 'reference'], [2 ** 31, 'reference']]],
    ['reference (codes)', decl('reference', { reference: 'regions' }), ['450902'], [[450902, 'reference']]],
    ['idNumber', decl('idNumber'), [ID_NUMBER], [['1101012008010112', 'idNumber.length'], [`${ID_NUMBER.slice(0, 17)}${ID_NUMBER.endsWith('0') ? '1' : '0'}`, 'idNumber.checkDigit'], [12, 'idNumber.characters']]],
    ['phone', decl('phone'), ['13812345678', '0775-2821234'], [['12345', 'phone']]],
    ['account', decl('account'), ['622202123456789012'], [['6222-0212', 'account']]],
    ['json object', decl('json'), [{ a: 1 }], [[[1], 'object']]],
    ['json list', decl('json', { shape: { kind: 'list', itemFields: {} } }), [[{ a: 1 }]], [[{ a: 1 }, 'list']]],
    ['password', decl('password', { minLength: 8 }), ['longenough'], [['short', 'minLength']]],
  ])('%s: accepts good values and names the fault of bad ones', (_name, field, good, bad) => {
    for (const value of good) expect(findValueFault(field, value, ENV)).toBeNull();
    for (const [value, fault] of bad) expect([value, findValueFault(field, value, ENV)]).toEqual([value, fault]);
  });

  it('renders every fault it names in both languages, naming the field', () => {
    const field = decl('number', { decimals: 2, min: 1, max: 9, maxLength: 3, minLength: 1 });
    for (const entry of Object.values(FIELD_TYPES)) {
      for (const check of entry.checks({ ...field, options: OPTIONS, pattern: { regex: '.', message: label } }, ENV)) {
        const message = renderMessage(check.key, field);
        expect(message.zh.length).toBeGreaterThan(0);
        expect(message.en.length).toBeGreaterThan(0);
      }
    }
    expect(renderMessage('decimals', field).zh).toBe('字段最多保留2位小数');
  });

  it.each<[FieldType, unknown, unknown]>([
    ['idNumber', ` １１０１０１２００８０１０１１２３${ID_NUMBER.slice(-1).toLowerCase()} `, ID_NUMBER],
    ['phone', '138 1234-5678', '13812345678'],
    ['account', '6222 0212 3456 7890 12', '622202123456789012'],
    ['string', '  张三 ', '张三'],
    ['text', '   ', null],
    ['integer', 7, 7],
  ])('normalises a typed %s', (type, typed, stored) => {
    expect(normalizeValue(decl(type), typed)).toEqual(stored);
  });

  it('describes each column as the migrations have it', () => {
    const column = (field: FieldDeclaration) => FIELD_TYPES[field.type].column(field, ENV);
    expect(column(decl('string'))).toMatchObject({ type: 'varchar', length: 255 });
    expect(column(decl('string', { maxLength: 50, search: 'prefix' }))).toMatchObject({ length: 50, prefixCollation: true });
    expect(column(decl('enumList'))).toEqual({ type: 'varchar', length: 32, array: true, nullable: false, default: 'emptyArray' });
    expect(column(decl('boolean', { defaultValue: true }))).toEqual({ type: 'boolean', nullable: false, default: true });
    expect(column(decl('reference', { reference: 'regions' }))).toEqual({ type: 'varchar', length: 12 });
    expect(column(decl('money'))).toEqual({ type: 'bigint' });
    expect(column(decl('idNumber'))).toEqual({ type: 'varchar', length: 18 });
  });

  it.each<[FieldType, unknown, unknown]>([
    ['integer', '12', 12],
    ['integer', '99999999999', undefined],
    ['money', '12345', 12_345],
    ['number', '2.5', 2.5],
    ['boolean', 'false', false],
    ['boolean', 'no', undefined],
    ['date', '2026-02-30', undefined],
    ['enum', 'junior', 'junior'],
    ['enum', 'college', undefined],
    ['idNumber', ` ${ID_NUMBER.toLowerCase()}`, ID_NUMBER],
    ['string', { a: 1 }, undefined],
  ])('coerces a %s filter value %p to %p', (type, value, coerced) => {
    expect(FIELD_TYPES[type].filter?.coerce(value, decl(type, { options: OPTIONS }), ENV)).toEqual(coerced);
  });

  it('offers no filter on json or password fields, and contains-filters on enum lists', () => {
    expect(FIELD_TYPES.json.filter).toBeNull();
    expect(FIELD_TYPES.password.filter).toBeNull();
    expect(FIELD_TYPES.enumList.filter?.contains).toBe(true);
  });

  it('refuses cells Excel has already spoiled', () => {
    expect(FIELD_TYPES.idNumber.fromCell(110101200801011230, decl('idNumber'), {})).toEqual({ error: 'idNumberAsNumber' });
    expect(FIELD_TYPES.idNumber.fromCell('1.10101E+17', decl('idNumber'), {})).toEqual({ error: 'idNumberAsNumber' });
    expect(FIELD_TYPES.account.fromCell(6222021234567890000, decl('account'), {})).toEqual({ error: 'longNumberAsNumber' });
    expect(FIELD_TYPES.reference.fromCell('玉林一中', decl('reference'), { lookup: { find: () => undefined } })).toEqual({ error: 'reference' });
  });

  describe('export cell → import cell round trips', () => {
    const exported = (field: FieldDeclaration, value: unknown, locale: Locale = 'zh') => FIELD_TYPES[field.type].export!.cell(value, field, { locale });
    const imported = (field: FieldDeclaration, cell: string | number | boolean | Date) => FIELD_TYPES[field.type].fromCell(cell, field, {});

    it('keeps integers and numbers', () => {
      fc.assert(fc.property(fc.integer(), (n) => expect(imported(decl('integer'), exported(decl('integer'), n) as number)).toEqual({ value: n })));
      fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => expect(imported(decl('number'), exported(decl('number'), n) as number)).toEqual({ value: n })));
    });

    it('keeps money, written in yuan', () => {
      fc.assert(
        fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
          expect(exported(decl('money'), fen)).toBe(fen);
          expect(imported(decl('money'), formatYuan(fen))).toEqual({ value: fen });
        }),
      );
    });

    it('keeps dates, yes/no, choices and lists of choices in either language', () => {
      fc.assert(
        fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(imported(decl('date'), exported(decl('date'), iso) as string)).toEqual({ value: iso });
        }),
      );
      for (const locale of ['zh', 'en'] as const) {
        for (const value of [true, false]) expect(imported(decl('boolean'), exported(decl('boolean'), value, locale) as string)).toEqual({ value });
        const choice = decl('enum', { options: OPTIONS });
        expect(imported(choice, exported(choice, 'junior', locale) as string)).toEqual({ value: 'junior' });
        const list = decl('enumList', { options: OPTIONS });
        expect(imported(list, exported(list, ['primary', 'junior'], locale) as string)).toEqual({ value: ['primary', 'junior'] });
      }
    });

    it('keeps text, even text an export guarded against formulas', () => {
      // A leading `'` before a formula character is the guard exports add (and imports take off).
      const text = fc.string({ minLength: 1 }).filter((t) => !/^'[=+\-@\t\r＝＋－＠]/.test(t));
      fc.assert(fc.property(text, (text) => expect(imported(decl('string'), exported(decl('string'), text) as string)).toEqual({ value: text })));
      expect(imported(decl('string'), "'=SUM(A1)")).toEqual({ value: '=SUM(A1)' });
    });

    it('keeps long numbers as text cells', () => {
      expect(FIELD_TYPES.idNumber.export?.kind).toBe('code');
      expect(imported(decl('idNumber'), exported(decl('idNumber'), ID_NUMBER) as string)).toEqual({ value: ID_NUMBER });
    });
  });
});
