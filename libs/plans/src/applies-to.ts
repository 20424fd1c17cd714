import { type Localized, STAGES } from '@zizhu/schema';

/**
 * 适用范围 of a school duty: every school of the plan's region (empty, or null), or only
 * those teaching one of `stages` (a kindergarten duty: `{ "stages": ["preschool"] }`).
 */
export interface DutyAppliesTo {
  stages?: string[];
}

const STAGE_VALUES = new Set(STAGES.map((s) => s.value));

/** Why `value` is no applies-to filter, or null. */
export function appliesToProblem(value: unknown): Localized | null {
  if (value == null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return { zh: '适用范围应为对象，如 {"stages":["senior"]}', en: 'Expected an object such as {"stages":["senior"]}' };
  const keys = Object.keys(value);
  if (keys.some((key) => key !== 'stages')) return { zh: '适用范围只能按学段（stages）筛选', en: 'Only stages may filter the schools' };
  const stages = (value as { stages?: unknown }).stages;
  if (stages === undefined) return null;
  if (!Array.isArray(stages) || stages.some((s) => typeof s !== 'string' || !STAGE_VALUES.has(s))) {
    return { zh: `学段只能是：${STAGES.map((s) => s.label.zh).join('、')}`, en: `Stages are among: ${STAGES.map((s) => s.value).join(', ')}` };
  }
  return null;
}

/** The stages a filter keeps, or null for every school. */
export function appliesToStages(value: unknown): string[] | null {
  const stages = (value as DutyAppliesTo | null | undefined)?.stages;
  return stages && stages.length ? stages : null;
}
