import type { EnumOption, Role } from '@zizhu/schema';

/** Where a problem clue comes from (DOMAIN: audits, the big-data office, the platform's own checks). */
export const CLUE_SOURCES: readonly EnumOption[] = [
  { value: 'audit', label: { zh: '审计', en: 'Audit' } },
  { value: 'bigDataOffice', label: { zh: '大数据局', en: 'Big-data office' } },
  { value: 'dataRule', label: { zh: '平台数据规则', en: 'Platform data rule' } },
  { value: 'reconciliation', label: { zh: '资金对账异常', en: 'Reconciliation exception' } },
  { value: 'inspection', label: { zh: '督查', en: 'Inspection' } },
  { value: 'followUp', label: { zh: '回访', en: 'Family follow-up' } },
];

/** How serious a problem is (a clue, an audit rule's matches, an inspection's finding), for sorting the work. */
export const SEVERITIES: readonly EnumOption[] = [
  { value: 'high', label: { zh: '高', en: 'High' } },
  { value: 'medium', label: { zh: '中', en: 'Medium' } },
  { value: 'low', label: { zh: '低', en: 'Low' } },
];

export type Severity = 'high' | 'medium' | 'low';

/**
 * 线索状态, the clue's workflow: the school verifies and answers (待核实 → 已反馈), the county
 * accepts the answer (已办结) or returns it with a reason (已退回), and the school answers again.
 */
export const CLUE_STATUSES: readonly EnumOption[] = [
  { value: 'open', label: { zh: '待核实', en: 'To verify' } },
  { value: 'answered', label: { zh: '已反馈', en: 'Answered' } },
  { value: 'returned', label: { zh: '已退回', en: 'Returned' } },
  { value: 'closed', label: { zh: '已办结', en: 'Closed' } },
];

export type ClueStatus = 'open' | 'answered' | 'returned' | 'closed';

/** 核实结论: what the school found the clue to be. */
export const CLUE_VERDICTS: readonly EnumOption[] = [
  { value: 'confirmed', label: { zh: '属实', en: 'Confirmed' } },
  { value: 'unfounded', label: { zh: '不属实', en: 'Unfounded' } },
];

export type ClueAction = 'answer' | 'accept' | 'return';

/** How each action reads in the clue's history. */
export const CLUE_ACTION_OPTIONS: readonly EnumOption[] = [
  { value: 'answer', label: { zh: '反馈', en: 'Answered' } },
  { value: 'return', label: { zh: '退回', en: 'Returned' } },
  { value: 'accept', label: { zh: '办结', en: 'Accepted' } },
];

/**
 * Each action: the statuses it starts from, where it leads, and who takes it (within the
 * clue's region). Inspectors review the rectification of their own findings: they accept or
 * return clues of source 督查 only (`INSPECTOR_REVIEWED_SOURCES`, in @zizhu/schema for the panel).
 */
export const CLUE_ACTIONS: Readonly<Record<ClueAction, { from: readonly ClueStatus[]; to: ClueStatus; roles: readonly Role[] }>> = {
  answer: { from: ['open', 'returned'], to: 'answered', roles: ['school'] },
  accept: { from: ['answered'], to: 'closed', roles: ['admin', 'county', 'inspector'] },
  return: { from: ['answered'], to: 'returned', roles: ['admin', 'county', 'inspector'] },
};

/** Finished clues are never overdue. */
export const CLUE_DONE_STATUSES: readonly ClueStatus[] = ['closed'];
