import type { EnumOption } from '@zizhu/schema';

/** Where a problem clue comes from (DOMAIN: audits, the big-data office, the platform's own checks). */
export const CLUE_SOURCES: readonly EnumOption[] = [
  { value: 'audit', label: { zh: '审计', en: 'Audit' } },
  { value: 'bigDataOffice', label: { zh: '大数据局', en: 'Big-data office' } },
  { value: 'dataRule', label: { zh: '平台数据规则', en: 'Platform data rule' } },
  { value: 'reconciliation', label: { zh: '资金对账异常', en: 'Reconciliation exception' } },
];

/** 线索状态: open until verified (属实 / 不属实); a true clue is then rectified. */
export const CLUE_STATUSES: readonly EnumOption[] = [
  { value: 'open', label: { zh: '待核实', en: 'Open' } },
  { value: 'verifiedTrue', label: { zh: '属实', en: 'Verified true' } },
  { value: 'verifiedFalse', label: { zh: '不属实', en: 'Verified false' } },
  { value: 'rectified', label: { zh: '已整改', en: 'Rectified' } },
];

export type ClueStatus = 'open' | 'verifiedTrue' | 'verifiedFalse' | 'rectified';

/** The statuses each status may move to; a closed clue (不属实, 已整改) stays closed. */
export const CLUE_TRANSITIONS: Readonly<Record<ClueStatus, readonly ClueStatus[]>> = {
  open: ['verifiedTrue', 'verifiedFalse'],
  verifiedTrue: ['rectified'],
  verifiedFalse: [],
  rectified: [],
};
