import jsonLogic from 'json-logic-js';
import type { FieldDeclaration, FieldMap } from './field';
import { answerScore, type ConfiguredField, CONFIGURED_TYPES, type ConfiguredFieldType, configuredDeclaration } from './field-types/configured-field-types';
import { renderMessage } from './field-types/field-messages';
import type { FieldEnv } from './field-types/field-type-entry';
import { findValueFault, normalizeValue } from './field-types/field-type-registry';
import type { Localized } from './role';
import type { FieldSchema } from './schema-payload';

/** The types the program designer offers (it keeps to its first subset). */
export const CONFIGURED_FIELD_TYPES: readonly { value: ConfiguredFieldType; label: Localized }[] = (
  Object.entries(CONFIGURED_TYPES) as [ConfiguredFieldType, (typeof CONFIGURED_TYPES)[ConfiguredFieldType]][]
)
  .filter(([, entry]) => entry.designer)
  .map(([value, entry]) => ({ value, label: entry.label }));

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

/** A problem of the definitions themselves (beyond each item's own fields), or null. */
export function findConfiguredFieldsProblem(fields: readonly ConfiguredField[]): { index: number; field: string; message: Localized } | null {
  const seen = new Set<string>();
  for (const [index, field] of fields.entries()) {
    if (seen.has(field.key)) return { index, field: 'key', message: { zh: '字段代码重复', en: 'Duplicate key' } };
    seen.add(field.key);
    const problem = CONFIGURED_TYPES[field.type]?.definitionProblem?.(field);
    if (problem) return { index, ...problem };
  }
  return null;
}

/** Configured answers hold file ids (integers) as their only references. */
const CONFIGURED_ENV: FieldEnv = { referenceIdType: () => 'integer' };

export type ConfiguredValue = string | number | boolean | readonly string[];

/**
 * Checks answers against their definitions, each through its field type's own checks (the
 * ones declared fields get). Returns the cleaned answers — unknown keys are errors, empty
 * answers dropped, computed values (re)computed — and errors keyed by the definition's key.
 * `answersOptional`: nothing is required (a record nobody applied for).
 */
export function validateConfiguredValues(
  fields: readonly ConfiguredField[],
  input: unknown,
  { answersOptional = false }: { answersOptional?: boolean } = {},
): { values: Record<string, ConfiguredValue>; errors: Record<string, Localized> } {
  const values: Record<string, ConfiguredValue> = {};
  const errors: Record<string, Localized> = {};
  const answers = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  for (const key of Object.keys(answers)) {
    if (!fields.some((f) => f.key === key)) errors[key] = { zh: '该项目没有此字段', en: 'No such field in this form' };
  }
  for (const field of fields) {
    if (!CONFIGURED_TYPES[field.type]) {
      errors[field.key] = { zh: `未知字段类型 ${String(field.type)}`, en: `Unknown field type ${String(field.type)}` };
      continue;
    }
    const declaration = configuredDeclaration(field);
    if (declaration.readOnly) continue; // the server's to compute, below
    const value = normalizeValue(declaration, Object.prototype.hasOwnProperty.call(answers, field.key) ? answers[field.key] : undefined);
    if (value == null || (Array.isArray(value) && value.length === 0)) {
      if (declaration.required && !answersOptional) errors[field.key] = renderMessage('required', declaration);
      continue;
    }
    const fault = findValueFault(declaration, value, CONFIGURED_ENV);
    if (!fault) values[field.key] = value as ConfiguredValue;
    else if (fault === 'option' || fault === 'options') errors[field.key] = choiceMessage(declaration);
    else errors[field.key] = renderMessage(fault, declaration);
  }
  for (const field of fields) {
    if (field.type !== 'computed' || !field.expression) continue;
    const computed = computeValue(field, fields, values);
    if (computed !== null) values[field.key] = computed;
  }
  return { values, errors };
}

/** A refused choice, with the choices it may be (the form's fields are few and short). */
function choiceMessage(field: FieldDeclaration): Localized {
  const labels = (language: keyof Localized) => (field.options ?? []).map((o) => o.label[language]);
  return { zh: `${field.label.zh}须为以下之一：${labels('zh').join('、')}`, en: `${field.label.en} must be one of: ${labels('en').join(', ')}` };
}

/** A computed field's value over the accepted answers and their scores; null when it is not a finite number. */
function computeValue(field: ConfiguredField, fields: readonly ConfiguredField[], values: Readonly<Record<string, ConfiguredValue>>): number | null {
  const scores: Record<string, number> = {};
  for (const other of fields) {
    const score = answerScore(other, values[other.key]);
    if (score !== undefined) scores[other.key] = score;
  }
  const result: unknown = jsonLogic.apply(field.expression as jsonLogic.RulesLogic, { values, scores });
  return typeof result === 'number' && Number.isFinite(result) ? result : null;
}

/** A configured field as the panel's generic inputs and displays take a field (a FieldSchema). */
export function configuredFieldSchema(field: ConfiguredField): FieldSchema {
  const declared = configuredDeclaration(field);
  return {
    key: field.key,
    type: declared.type,
    label: declared.label,
    help: declared.help,
    required: declared.required ?? false,
    readOnly: declared.readOnly ?? false,
    immutable: false,
    maxLength: declared.maxLength,
    min: declared.min,
    max: declared.max,
    decimals: declared.decimals,
    options: declared.options,
    reference: declared.reference,
    list: false,
    sort: false,
    search: false,
    writeOnly: false,
  };
}
