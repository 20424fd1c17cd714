import { answerScore, configuredChoices, type ConfiguredField } from './field-types/configured-field-types';
import type { ConfiguredValue } from './configured-fields';
import jsonLogic from 'json-logic-js';
import { type ChecklistDefinition, type ChecklistItem, checklistItems, type ItemCondition } from './checklist-definition';

/** An inspection's answers to a version's items, keyed by item key. */
export interface ChecklistAnswers {
  values: Readonly<Record<string, ConfiguredValue>>;
  /** Items answered 不适用 (allowed by `naAllowed`; a yes/no/N-A item's `na` counts too). */
  notApplicable?: readonly string[];
}

export interface ItemResult {
  key: string;
  section: string;
  visible: boolean;
  applicable: boolean;
  /** Earned share of the item's full score, 0–1; null when the item is not scored. */
  fraction: number | null;
  /** The answer fails the item (a finding is raised; a critical one fails the inspection). */
  failed: boolean;
}

export interface SectionScore {
  key: string;
  /** 0–100, one decimal; null when no scored item applies. */
  score: number | null;
}

export interface ChecklistScore {
  items: ItemResult[];
  sections: SectionScore[];
  /** 0–100, one decimal; null when nothing is scored. */
  total: number | null;
  criticalFailed: string[];
  passed: boolean;
}

/** What a condition sees: the answers and each scored answer's score. */
export function conditionData(definition: ChecklistDefinition, answers: ChecklistAnswers): { values: Record<string, unknown>; scores: Record<string, number> } {
  const scores: Record<string, number> = {};
  for (const { item } of checklistItems(definition)) {
    const score = answerScore(item, answers.values[item.key]);
    if (score !== undefined) scores[item.key] = score;
  }
  return { values: { ...answers.values }, scores };
}

export function conditionHolds(condition: ItemCondition | undefined, data: object): boolean {
  if (condition === undefined || condition === null) return false;
  return Boolean(jsonLogic.apply(condition, data));
}

/** The full score an item can earn, or undefined when it is not scored. */
export function fullScore(item: ConfiguredField): number | undefined {
  const scored = configuredChoices(item).filter((choice) => choice.score !== undefined);
  if (scored.length) {
    const scores = scored.map((choice) => choice.score as number);
    return item.type === 'multiSelect' ? scores.filter((s) => s > 0).reduce((a, b) => a + b, 0) : Math.max(...scores);
  }
  return item.type === 'boolean' || item.type === 'yesNoNa' ? 1 : undefined;
}

function earned(item: ChecklistItem, answer: ConfiguredValue | undefined): number {
  const scored = answerScore(item, answer);
  if (scored !== undefined) return scored;
  return answer === true || answer === 'yes' ? 1 : 0;
}

function isNotApplicable(item: ChecklistItem, answers: ChecklistAnswers): boolean {
  if (item.type === 'yesNoNa' && answers.values[item.key] === 'na') return true;
  return item.naAllowed === true && (answers.notApplicable ?? []).includes(item.key);
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * Scores answers against a version: hidden and N/A items leave the denominator; an item
 * earns its answer's score over its full score, weighted within its section; sections are
 * weighted into the total; an item fails when its `findingWhen` holds or it earns nothing of
 * a full score; the inspection passes when the total reaches the pass mark and no critical
 * item failed. The API computes the score on submit; the panel shows the same as you type.
 */
export function scoreChecklist(definition: ChecklistDefinition, answers: ChecklistAnswers, passMark: number): ChecklistScore {
  const data = conditionData(definition, answers);
  const items: ItemResult[] = [];
  const sections: SectionScore[] = [];
  let weighted = 0;
  let sectionWeights = 0;
  for (const section of definition.sections) {
    let sum = 0;
    let weights = 0;
    for (const item of section.items) {
      const visible = item.visibleWhen === undefined || conditionHolds(item.visibleWhen, data);
      const applicable = visible && !isNotApplicable(item, answers);
      const full = applicable && !item.dataItem && !item.sample ? fullScore(item) : undefined;
      const answer = answers.values[item.key];
      const fraction = full !== undefined && full > 0 ? Math.max(0, Math.min(1, earned(item, answer) / full)) : null;
      const failed = applicable && (conditionHolds(item.findingWhen, data) || (fraction === 0 && answer !== undefined));
      items.push({ key: item.key, section: section.key, visible, applicable, fraction, failed });
      if (fraction !== null) {
        const weight = item.weight ?? 1;
        sum += weight * fraction;
        weights += weight;
      }
    }
    const score = weights > 0 ? oneDecimal((sum / weights) * 100) : null;
    sections.push({ key: section.key, score });
    if (score !== null) {
      const weight = section.weight ?? 1;
      weighted += weight * score;
      sectionWeights += weight;
    }
  }
  const total = sectionWeights > 0 ? oneDecimal(weighted / sectionWeights) : null;
  const criticalKeys = new Set(checklistItems(definition).filter(({ item }) => item.critical).map(({ item }) => item.key));
  const criticalFailed = items.filter((result) => result.failed && criticalKeys.has(result.key)).map((result) => result.key);
  return { items, sections, total, criticalFailed, passed: criticalFailed.length === 0 && (total === null || total >= passMark) };
}
