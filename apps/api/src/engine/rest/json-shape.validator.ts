import {
  type ConfiguredField,
  type FieldDeclaration,
  findRuleProblem,
  type Localized,
  normalizeValue,
  renderMessage,
  validateConfiguredValues,
} from '@zizhu/schema';
import { buildFieldsClass, findFieldFaults } from './input-validator.factory';

type Item = Record<string, unknown>;

const itemClasses = new Map<string, new () => object>();

/**
 * Checks a json field against its declared shape. Returns the value to store (list items
 * normalised, unknown item keys dropped) and errors keyed by form path (`tiers.1.amount`),
 * which is where react-admin shows a server error on a nested input.
 * A `values` shape depends on another record: its definitions are resolved through the
 * `via` reference once the references are checked (configured-answers.ts, which calls
 * `checkConfiguredAnswers` below); here it only has to be an object.
 */
export function checkJsonShape(
  owner: string,
  key: string,
  field: FieldDeclaration,
  value: unknown,
): { value: unknown; errors: Record<string, Localized> } {
  const shape = field.shape;
  if (!shape || value == null) return { value, errors: {} };
  switch (shape.kind) {
    case 'rule': {
      const problem = findRuleProblem(shape.subject, value);
      return { value, errors: problem ? { [key]: problem } : {} };
    }
    case 'values':
      return { value, errors: {} };
    case 'list':
      return checkList(`${owner}.${key}`, key, field, value as unknown[]);
    default: {
      const unhandled: never = shape;
      throw new Error(`No check for json shape ${JSON.stringify(unhandled)}`);
    }
  }
}

function checkList(classKey: string, key: string, field: FieldDeclaration, list: unknown[]) {
  if (field.shape?.kind !== 'list') throw new Error('not a list shape');
  const { itemFields, minItems, maxItems, uniqueBy } = field.shape;
  const errors: Record<string, Localized> = {};
  const { zh, en } = field.label;
  if (minItems !== undefined && list.length < minItems) errors[key] = { zh: `${zh}至少需要${minItems}项`, en: `${en} needs at least ${minItems} item(s)` };
  if (maxItems !== undefined && list.length > maxItems) errors[key] = { zh: `${zh}最多${maxItems}项`, en: `${en} has at most ${maxItems} items` };
  let Input = itemClasses.get(classKey);
  if (!Input) itemClasses.set(classKey, (Input = buildFieldsClass(classKey, itemFields, 'create')));
  const seen = new Map<string, number>();
  const items = list.map((raw, index) => {
    if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) {
      errors[`${key}.${index}`] = { zh: `${zh}第${index + 1}项格式不正确`, en: `${en} item ${index + 1} is malformed` };
      return raw;
    }
    const item: Item = {};
    for (const [itemKey, itemField] of Object.entries(itemFields)) {
      const value = normalizeValue(itemField, (raw as Item)[itemKey]);
      if (value != null) item[itemKey] = value;
    }
    for (const [itemKey, messageKey] of Object.entries(findFieldFaults(Input, item))) {
      errors[`${key}.${index}.${itemKey}`] = renderMessage(messageKey, itemFields[itemKey]);
    }
    if (uniqueBy && item[uniqueBy] != null) {
      const unique = String(item[uniqueBy]);
      if (seen.has(unique)) {
        const label = itemFields[uniqueBy].label;
        errors[`${key}.${index}.${uniqueBy}`] = { zh: `${label.zh}与第${seen.get(unique)! + 1}项重复`, en: `${label.en} repeats item ${seen.get(unique)! + 1}` };
      } else seen.set(unique, index);
    }
    return item;
  });
  return { value: items, errors };
}

/**
 * Answers against the definitions they answer (each through its field type's checks):
 * the cleaned answers, and errors keyed by form path (`applicationData.familySize`).
 */
export function checkConfiguredAnswers(
  key: string,
  definitions: readonly ConfiguredField[],
  value: unknown,
  answersOptional: boolean,
): { value: Record<string, unknown>; errors: Record<string, Localized> } {
  const checked = validateConfiguredValues(definitions, value, { answersOptional });
  const errors: Record<string, Localized> = {};
  for (const [answerKey, message] of Object.entries(checked.errors)) errors[`${key}.${answerKey}`] = message;
  return { value: checked.values, errors };
}
