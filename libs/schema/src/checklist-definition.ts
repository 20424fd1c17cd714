import type { EnumOption } from './field';
import type { ConfiguredField } from './field-types/configured-field-types';
import type { RulesLogic } from 'json-logic-js';

/**
 * What a checklist version holds: sections of items, each item a configured field (its type
 * from the field registry, so the engine checks, imports, exports and shows its answers) with
 * what a checklist adds: weight, critical (veto) items, N/A, conditions and the platform's
 * own data. A published version never changes; every inspection points at the version it
 * used, and item keys stay stable across versions so results compare year on year.
 */

/** 检查类型: how a template is used (seeds 001, 003, 004). */
export const CHECKLIST_KINDS: readonly EnumOption[] = [
  { value: 'special', label: { zh: '专项检查', en: 'Special inspection' } },
  { value: 'monthlyPatrol', label: { zh: '月巡视', en: 'Monthly patrol' } },
  { value: 'self', label: { zh: '自查', en: 'Self-inspection' } },
  { value: 'assessment', label: { zh: '考核', en: 'Assessment' } },
  { value: 'unannounced', label: { zh: '明查暗访', en: 'Announced and unannounced visits' } },
];

/** 检查方式 of one inspection: the school's own, a review of it, or a spot check. */
export const INSPECTION_MODES: readonly EnumOption[] = [
  { value: 'self', label: { zh: '自查', en: 'Self-inspection' } },
  { value: 'verify', label: { zh: '核查', en: 'Verification' } },
  { value: 'spot', label: { zh: '抽查', en: 'Spot check' } },
];

export type InspectionMode = 'self' | 'verify' | 'spot';

/**
 * A condition on other answers, as JSON Logic (json-logic-js), evaluated the same way by the
 * panel and the API over `{ values: { <itemKey>: answer }, scores: { <itemKey>: score } }`.
 */
export type ItemCondition = RulesLogic;

export interface ChecklistItem extends ConfiguredField {
  /** Weight within its section (default 1). */
  weight?: number;
  /** A failing answer fails the whole inspection, whatever the total (一票否决). */
  critical?: boolean;
  /** The inspector may answer 不适用; the item then leaves the denominator. */
  naAllowed?: boolean;
  /** Shown only when this holds (hidden items are not answered, not scored). */
  visibleWhen?: ItemCondition;
  /** Required when this holds (besides `required`). */
  requiredWhen?: ItemCondition;
  /** Evidence (a photo or file) must be attached when this holds. */
  evidenceWhen?: ItemCondition;
  /** The answer raises a finding when this holds (besides a failing score). */
  findingWhen?: ItemCondition;
  /** A data item: the platform computes this value for the school when the inspection starts (a code of the data-item catalogue). */
  dataItem?: string;
  /** A sample item: N enrolled aid recipients drawn when the inspection starts, each answered with these questions. */
  sample?: { size: number; questions: readonly ConfiguredField[] };
}

export interface ChecklistSection {
  key: string;
  title: string;
  /** Weight of the section in the total (default 1). */
  weight?: number;
  items: readonly ChecklistItem[];
}

export interface ChecklistDefinition {
  sections: readonly ChecklistSection[];
}

/** Every item of a definition, with its section. */
export function checklistItems(definition: ChecklistDefinition): { section: ChecklistSection; item: ChecklistItem }[] {
  return definition.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
}
