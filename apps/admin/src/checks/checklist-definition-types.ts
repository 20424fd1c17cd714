import type { ConfiguredField } from '@zizhu/schema';

/*
 * A checklist version's `definition` as the designer edits it. The panel may import only the
 * schema lib (module boundaries), so this mirrors libs/checks checklist-definition.ts, whose
 * checks the API applies on every save.
 */

/** JSON Logic over `{ values, scores }` of the other items. */
export type ItemCondition = Record<string, unknown>;

export interface ChecklistItem extends ConfiguredField {
  weight?: number;
  critical?: boolean;
  naAllowed?: boolean;
  visibleWhen?: ItemCondition;
  requiredWhen?: ItemCondition;
  evidenceWhen?: ItemCondition;
  findingWhen?: ItemCondition;
  dataItem?: string;
  sample?: { size: number; questions: readonly ConfiguredField[] };
}

export interface ChecklistSection {
  key: string;
  title: string;
  weight?: number;
  items: readonly ChecklistItem[];
}

export interface ChecklistDefinition {
  sections: readonly ChecklistSection[];
}
