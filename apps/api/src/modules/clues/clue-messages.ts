import type { Localized } from '@zizhu/schema';

export const CLUE_MESSAGES = {
  notFromStatus: (status: Localized, action: Localized): Localized => ({
    zh: `线索当前为“${status.zh}”，不能${action.zh}`,
    en: `This clue is ${status.en}: it cannot be ${action.en}`,
  }),
  statusOnCreate: { zh: '新开立的线索状态为“待核实”', en: 'A new clue starts as To verify' },
  reasonRequired: { zh: '退回时请填写退回理由', en: 'Say why when returning' },
  ruleStillMatches: (rule: string): Localized => ({
    zh: `稽核规则“${rule}”仍命中此记录：整改到位（如退回资金、更正信息）后才能办结`,
    en: `The audit rule "${rule}" still matches this record: it can be accepted once rectified (money refunded, data corrected)`,
  }),
  reasonTooLong: { zh: '不能超过 500 个字', en: 'At most 500 characters' },
} satisfies Record<string, Localized | ((...args: never[]) => Localized)>;

/** How each action reads in the refusal (“不能反馈”, “cannot be answered”). */
export const CLUE_ACTION_NAMES = {
  answer: { zh: '反馈', en: 'answered' },
  accept: { zh: '办结', en: 'accepted' },
  return: { zh: '退回', en: 'returned' },
} satisfies Record<string, Localized>;
