import type { FieldMap } from './field';
import type { Localized } from './role';

/**
 * A field an administrator adds to a form without code (a program's extra application
 * fields; later, checklist items). Answers are stored in a JSONB column and validated
 * against these definitions by the API.
 */
export type ConfiguredFieldType = 'text' | 'number' | 'boolean' | 'date' | 'select';

export interface ConfiguredField {
  key: string;
  label: string;
  type: ConfiguredFieldType;
  required?: boolean;
  /** For `select`: the choices, separated by commas (，、, accepted). */
  options?: string;
}

export const CONFIGURED_FIELD_TYPES: readonly { value: ConfiguredFieldType; label: Localized }[] = [
  { value: 'text', label: { zh: '文本', en: 'Text' } },
  { value: 'number', label: { zh: '数字', en: 'Number' } },
  { value: 'boolean', label: { zh: '是/否', en: 'Yes/no' } },
  { value: 'date', label: { zh: '日期', en: 'Date' } },
  { value: 'select', label: { zh: '单选', en: 'Choice' } },
];

/** The item fields of a list of configured fields, as a designer edits them. */
export const CONFIGURED_FIELD_ITEM_FIELDS: FieldMap = {
  key: {
    type: 'string',
    label: { zh: '字段代码', en: 'Key' },
    required: true,
    maxLength: 40,
    pattern: { regex: '^[a-z][a-zA-Z0-9_]*$', message: { zh: '以小写字母开头，只含字母、数字、下划线', en: 'Start with a lowercase letter; letters, digits, _ only' } },
  },
  label: { type: 'string', label: { zh: '显示名称', en: 'Label' }, required: true, maxLength: 60 },
  type: { type: 'enum', label: { zh: '类型', en: 'Type' }, required: true, options: CONFIGURED_FIELD_TYPES },
  required: { type: 'boolean', label: { zh: '必填', en: 'Required' } },
  options: {
    type: 'string',
    label: { zh: '选项', en: 'Choices' },
    help: { zh: '单选类型的选项，用逗号分隔', en: 'For a choice: the options, separated by commas' },
    maxLength: 500,
  },
};

export const MAX_CONFIGURED_TEXT = 500;

export function configuredOptions(field: Pick<ConfiguredField, 'options'>): string[] {
  return (field.options ?? '')
    .split(/[,，、]/)
    .map((o) => o.trim())
    .filter(Boolean);
}

/** A problem of the definitions themselves (beyond each item's own fields), or null. */
export function findConfiguredFieldsProblem(fields: readonly ConfiguredField[]): { index: number; field: string; message: Localized } | null {
  const seen = new Set<string>();
  for (const [index, field] of fields.entries()) {
    if (seen.has(field.key)) return { index, field: 'key', message: { zh: '字段代码重复', en: 'Duplicate key' } };
    seen.add(field.key);
    if (field.type === 'select' && configuredOptions(field).length < 2) {
      return { index, field: 'options', message: { zh: '单选字段至少需要两个选项', en: 'A choice needs at least two options' } };
    }
  }
  return null;
}

/**
 * Checks answers against their definitions. Returns the cleaned answers (unknown keys are
 * errors, empty answers dropped) and errors keyed by the definition's key.
 */
export function validateConfiguredValues(
  fields: readonly ConfiguredField[],
  input: unknown,
): { values: Record<string, string | number | boolean>; errors: Record<string, Localized> } {
  const values: Record<string, string | number | boolean> = {};
  const errors: Record<string, Localized> = {};
  const answers = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  for (const key of Object.keys(answers)) {
    if (!fields.some((f) => f.key === key)) errors[key] = { zh: '该项目没有此字段', en: 'No such field in this form' };
  }
  for (const field of fields) {
    const raw = answers[field.key];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value == null || value === '') {
      if (field.required) errors[field.key] = { zh: `请填写“${field.label}”`, en: `"${field.label}" is required` };
      continue;
    }
    const problem = answerProblem(field, value);
    if (problem) errors[field.key] = problem;
    else values[field.key] = value as string | number | boolean;
  }
  return { values, errors };
}

function answerProblem(field: ConfiguredField, value: unknown): Localized | null {
  const l = field.label;
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') return { zh: `“${l}”须为文本`, en: `"${l}" must be text` };
      return value.length > MAX_CONFIGURED_TEXT ? { zh: `“${l}”不能超过${MAX_CONFIGURED_TEXT}字`, en: `"${l}" is too long` } : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : { zh: `“${l}”须为数字`, en: `"${l}" must be a number` };
    case 'boolean':
      return typeof value === 'boolean' ? null : { zh: `“${l}”须为是或否`, en: `"${l}" must be yes or no` };
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? null : { zh: `“${l}”须为有效日期（年-月-日）`, en: `"${l}" must be a date (YYYY-MM-DD)` };
    case 'select':
      return typeof value === 'string' && configuredOptions(field).includes(value)
        ? null
        : { zh: `“${l}”须为以下之一：${configuredOptions(field).join('、')}`, en: `"${l}" must be one of: ${configuredOptions(field).join(', ')}` };
    default: {
      const unhandled: never = field.type;
      return { zh: `未知字段类型 ${String(unhandled)}`, en: `Unknown field type ${String(unhandled)}` };
    }
  }
}

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}
