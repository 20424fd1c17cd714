import { findConfiguredFieldsProblem, type Localized } from '@zizhu/schema';
import jsonLogic from 'json-logic-js';
import { type ChecklistDefinition, type ChecklistItem, checklistItems, type ItemCondition } from '@zizhu/schema';

export interface DefinitionProblem {
  /** Path of the faulty property inside the definition (`sections.1.items.0.key`). */
  path: string;
  message: Localized;
}

const KEY = /^[a-z][a-zA-Z0-9_]*$/;
const CONDITIONS = ['visibleWhen', 'requiredWhen', 'evidenceWhen', 'findingWhen'] as const;
/** The most students a sample item may draw per school. */
export const MAX_SAMPLE_SIZE = 50;

/**
 * What makes a definition unfit to publish, first problem first: section and item keys
 * unique and well formed, each item a valid configured field, weights not negative,
 * conditions that refer only to other items of the version, data items from the catalogue,
 * sample sizes within bounds. `dataItems`: the catalogue's codes.
 */
export function findDefinitionProblem(definition: ChecklistDefinition, dataItems: readonly string[]): DefinitionProblem | null {
  if (!definition.sections.length) return { path: 'sections', message: { zh: '至少需要一个部分', en: 'Add at least one section' } };
  const sectionKeys = new Set<string>();
  const itemKeys = new Set(checklistItems(definition).map(({ item }) => item.key));
  const seenItems = new Set<string>();
  for (const [s, section] of definition.sections.entries()) {
    const at = `sections.${s}`;
    if (!KEY.test(section.key)) return { path: `${at}.key`, message: KEY_MESSAGE };
    if (sectionKeys.has(section.key)) return { path: `${at}.key`, message: { zh: '部分代码重复', en: 'Duplicate section key' } };
    sectionKeys.add(section.key);
    if (!section.title?.trim()) return { path: `${at}.title`, message: { zh: '请填写部分名称', en: 'Name the section' } };
    if ((section.weight ?? 1) < 0) return { path: `${at}.weight`, message: NEGATIVE };
    if (!section.items.length) return { path: `${at}.items`, message: { zh: '每个部分至少需要一个检查项', en: 'Each section needs at least one item' } };
    const fieldProblem = findConfiguredFieldsProblem(section.items);
    if (fieldProblem) return { path: `${at}.items.${fieldProblem.index}.${fieldProblem.field}`, message: fieldProblem.message };
    for (const [i, item] of section.items.entries()) {
      const problem = itemProblem(item, itemKeys, dataItems);
      if (problem) return { path: `${at}.items.${i}.${problem.path}`, message: problem.message };
      if (seenItems.has(item.key)) return { path: `${at}.items.${i}.key`, message: { zh: '检查项代码在本版本中重复', en: 'Duplicate item key in this version' } };
      seenItems.add(item.key);
    }
  }
  return null;
}

const KEY_MESSAGE: Localized = { zh: '以小写字母开头，只含字母、数字、下划线', en: 'Start with a lowercase letter; letters, digits, _ only' };
const NEGATIVE: Localized = { zh: '权重不能为负数', en: 'A weight cannot be negative' };

function itemProblem(item: ChecklistItem, itemKeys: ReadonlySet<string>, dataItems: readonly string[]): DefinitionProblem | null {
  if (!KEY.test(item.key)) return { path: 'key', message: KEY_MESSAGE };
  if ((item.weight ?? 1) < 0) return { path: 'weight', message: NEGATIVE };
  if (item.dataItem !== undefined && !dataItems.includes(item.dataItem)) {
    return { path: 'dataItem', message: { zh: '没有这个数据项', en: 'No such data item' } };
  }
  if (item.sample !== undefined) {
    const size = item.sample.size;
    if (!Number.isInteger(size) || size < 1 || size > MAX_SAMPLE_SIZE) {
      return { path: 'sample.size', message: { zh: `抽样人数须为 1–${MAX_SAMPLE_SIZE}`, en: `Sample size must be 1–${MAX_SAMPLE_SIZE}` } };
    }
    if (!item.sample.questions.length) return { path: 'sample.questions', message: { zh: '抽样检查至少需要一个问题', en: 'A sample needs at least one question' } };
    const problem = findConfiguredFieldsProblem(item.sample.questions);
    if (problem) return { path: `sample.questions.${problem.index}.${problem.field}`, message: problem.message };
  }
  for (const name of CONDITIONS) {
    const condition = item[name];
    if (condition === undefined) continue;
    // An item's visibility and requiredness cannot hang on its own answer; its evidence and finding may.
    const selfAllowed = name === 'evidenceWhen' || name === 'findingWhen';
    const unknown = referencedKeys(condition).find((key) => !itemKeys.has(key) || (key === item.key && !selfAllowed));
    if (unknown !== undefined) {
      return { path: name, message: { zh: `条件引用了不存在的检查项“${unknown}”`, en: `The condition refers to an unknown item "${unknown}"` } };
    }
  }
  return null;
}

/** Item keys a condition reads (`values.x` or `scores.x`); anything else is unknown. */
export function referencedKeys(condition: ItemCondition): string[] {
  if (condition === null || typeof condition !== 'object') return [];
  return jsonLogic.uses_data(condition).map((path) => {
    const [root, key] = String(path).split('.');
    return root === 'values' || root === 'scores' ? (key ?? '') : String(path);
  });
}
