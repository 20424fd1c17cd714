import type { EnumOption } from '@zizhu/schema';

export const COMPARISON_STATUSES: readonly EnumOption[] = [
  { value: 'draft', label: { zh: '未运行', en: 'Not run' } },
  { value: 'running', label: { zh: '比对中', en: 'Running' } },
  { value: 'done', label: { zh: '已完成', en: 'Done' } },
  { value: 'failed', label: { zh: '失败', en: 'Failed' } },
];

/** 比对结果: exact, questionable (疑似, the school confirms or rejects) or no student found. */
export const MATCH_OUTCOMES: readonly EnumOption[] = [
  { value: 'matched', label: { zh: '比对一致', en: 'Matched' } },
  { value: 'questionable', label: { zh: '疑似', en: 'Questionable' } },
  { value: 'unmatched', label: { zh: '未匹配到在读学生', en: 'No enrolled student' } },
];

export const MATCH_REASONS: readonly EnumOption[] = [
  { value: 'idNumber', label: { zh: '身份证号、姓名均一致', en: 'Same ID number and name' } },
  { value: 'nameDiffers', label: { zh: '身份证号一致，姓名不一致', en: 'Same ID number, different name' } },
  { value: 'nameAndBirthDate', label: { zh: '姓名、出生日期一致，身份证号不同', en: 'Same name and birth date, different ID number' } },
  { value: 'noStudent', label: { zh: '辖区内无在读学生（可能县外/市外就读）', en: 'No enrolled student in the region (may study elsewhere)' } },
];

export const DECISIONS: readonly EnumOption[] = [
  { value: 'pending', label: { zh: '待核实', en: 'Pending' } },
  { value: 'confirmed', label: { zh: '确认属实', en: 'Confirmed' } },
  { value: 'rejected', label: { zh: '不属实', en: 'Rejected' } },
];

/**
 * Whether a result gives the student a special-identity mark: an exact match unless the
 * school rejected it, a questionable one only once the school confirmed it.
 */
export function carriesMark(outcome: string, decision: string): boolean {
  if (outcome === 'matched') return decision !== 'rejected';
  if (outcome === 'questionable') return decision === 'confirmed';
  return false;
}
