import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { FieldSchema, FieldType } from '@zizhu/schema';
import type { UiLocale } from '../providers/locales';
import { fieldSchema, renderFieldInput, SUBMIT } from '../testing/panel-harness';
import type { FormMode } from './field-input';

const LABEL = { zh: '取值', en: 'Value' };
const SENSITIVE = { mask: 'idNumber', masked: true, canReveal: true } as const;

/**
 * Types `typed` into the field's input, submits and returns what the user reads under the
 * input ('' when the form was accepted) and whether it was sent.
 */
async function verdict(field: FieldSchema, typed: string | null, locale: UiLocale = 'zh-CN', mode: FormMode = 'create') {
  const onSubmit = jest.fn();
  const { unmount } = await renderFieldInput(field, { locale, mode, onSubmit, record: mode === 'edit' ? { id: 1 } : undefined });
  const input = screen.getByLabelText(new RegExp(`^${field.label[locale === 'en' ? 'en' : 'zh']}`));
  if (typed !== null) fireEvent.change(input, { target: { value: typed } });
  fireEvent.click(screen.getByText(SUBMIT));
  await waitFor(() => expect(onSubmit.mock.calls.length > 0 || input.getAttribute('aria-invalid') === 'true').toBe(true));
  const helper = input.getAttribute('aria-describedby');
  const message = input.getAttribute('aria-invalid') === 'true' && helper ? (document.getElementById(helper)?.textContent ?? '') : '';
  unmount();
  return { message, sent: onSubmit.mock.calls.length > 0 };
}

describe('fieldValidators: the rules a form checks before sending, and their messages', () => {
  it.each<[string, FieldType, Partial<FieldSchema>, string | null, string, string]>([
    ['required, left empty', 'string', { required: true }, null, '必填', 'Required'],
    ['required number, left empty', 'integer', { required: true }, null, '必填', 'Required'],
    ['minLength', 'string', { minLength: 3 }, 'ab', '必须不少于 3 个字符', 'Must be 3 characters at least'],
    ['maxLength', 'string', { maxLength: 4 }, 'abcde', '必须不多于 4 个字符', 'Must be 4 characters or less'],
    ['maxLength of a text', 'text', { maxLength: 4 }, 'abcde', '必须不多于 4 个字符', 'Must be 4 characters or less'],
    ['min', 'integer', { min: 2000 }, '1999', '必须不小于 2000', 'Must be at least 2000'],
    ['max', 'integer', { max: 2100 }, '2101', '必须不大于 2100', 'Must be 2100 or less'],
    // Money is declared in fen but typed in yuan: the bound is named in yuan.
    ['min of money', 'money', { min: 1 }, '0', '必须不小于 0.01', 'Must be at least 0.01'],
    ['max of money', 'money', { max: 100_000_000 }, '1000000.01', '必须不大于 1,000,000.00', 'Must be 1,000,000.00 or less'],
    [
      'pattern, with the declared message',
      'string',
      { pattern: { regex: '^\\d{2}-\\d{2}$', message: { zh: '格式为 月-日', en: 'Use MM-DD' } } },
      '3月1日',
      '格式为 月-日',
      'Use MM-DD',
    ],
    ['an ID number of the wrong length', 'idNumber', { sensitive: SENSITIVE }, '4509022010', '身份证号应为18位', 'An ID number has 18 characters'],
    ['an ID number with a wrong check digit', 'idNumber', { sensitive: SENSITIVE }, '450902201003151234', '身份证号校验位错误，请核对是否录入有误', 'The check digit is wrong: the number was probably mistyped'],
    ['an ID number born on a day that does not exist', 'idNumber', { sensitive: SENSITIVE }, '450902201002301236', '身份证号中的出生日期不存在', 'The birth date inside the ID number does not exist'],
  ])('%s', async (_case, type, overrides, typed, zh, en) => {
    const field = fieldSchema('value', type, { label: LABEL, ...overrides });
    expect(await verdict(field, typed, 'zh-CN')).toEqual({ message: zh, sent: false });
    expect(await verdict(field, typed, 'en')).toEqual({ message: en, sent: false });
  });

  it.each<[string, FieldType, Partial<FieldSchema>, string]>([
    ['a value within the bounds', 'integer', { min: 2000, max: 2100 }, '2026'],
    ['a value of the allowed length', 'string', { minLength: 2, maxLength: 4 }, 'abc'],
    ['a value matching the pattern', 'string', { pattern: { regex: '^\\d{2}-\\d{2}$', message: LABEL } }, '03-01'],
    ['a valid ID number, typed with a small x and spaces', 'idNumber', { sensitive: SENSITIVE }, ' 45090220100315124x '],
    // The server ignores a masked value coming back unchanged: it is never "invalid".
    ['a masked ID number', 'idNumber', { sensitive: SENSITIVE, minLength: 18 }, '4509**********1234'],
    ['an empty optional field', 'string', { minLength: 3 }, ''],
  ])('accepts %s', async (_case, type, overrides, typed) => {
    expect(await verdict(fieldSchema('value', type, { label: LABEL, ...overrides }), typed)).toEqual({ message: '', sent: true });
  });

  it.each([
    ['create', { message: '必填', sent: false }],
    // An empty password on edit keeps the current one.
    ['edit', { message: '', sent: true }],
  ] as const)('a required password left empty on %s', async (mode, expected) => {
    expect(await verdict(fieldSchema('value', 'password', { label: LABEL, required: true }), null, 'zh-CN', mode)).toEqual(expected);
  });
});
