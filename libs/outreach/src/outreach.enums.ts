import type { EnumOption } from '@zizhu/schema';

/** 模板状态: a draft is edited, a published template is used for letters (each edit publishes a new revision), a retired one no longer. */
export const LETTER_TEMPLATE_STATUSES: readonly EnumOption[] = [
  { value: 'draft', label: { zh: '草稿', en: 'Draft' } },
  { value: 'published', label: { zh: '已发布', en: 'Published' } },
  { value: 'retired', label: { zh: '已停用', en: 'Retired' } },
];

/** 告知书状态: generated → delivered to the family → the 回执 came back signed. */
export const LETTER_STATUSES: readonly EnumOption[] = [
  { value: 'generated', label: { zh: '已生成', en: 'Generated' } },
  { value: 'delivered', label: { zh: '已送达', en: 'Delivered' } },
  { value: 'receiptReturned', label: { zh: '已回执', en: 'Receipt returned' } },
];

export type LetterStatus = 'generated' | 'delivered' | 'receiptReturned';

/** 回访方式: 电话回访 or 入户走访 (大走访). */
export const FOLLOW_UP_KINDS: readonly EnumOption[] = [
  { value: 'phone', label: { zh: '电话回访', en: 'Phone call' } },
  { value: 'visit', label: { zh: '入户走访', en: 'Home visit' } },
];

/** 活动状态: drafted, recipients drawn (follow-ups to record), closed. */
export const CAMPAIGN_STATUSES: readonly EnumOption[] = [
  { value: 'draft', label: { zh: '草稿', en: 'Draft' } },
  { value: 'drawn', label: { zh: '已抽样', en: 'Recipients drawn' } },
  { value: 'closed', label: { zh: '已结束', en: 'Closed' } },
];

/** 回访记录状态: to do, or recorded. */
export const FOLLOW_UP_STATUSES: readonly EnumOption[] = [
  { value: 'pending', label: { zh: '待回访', en: 'To do' } },
  { value: 'done', label: { zh: '已回访', en: 'Done' } },
];

/** 金额核对: what the family said about the amount received. */
export const AMOUNT_CHECKS: readonly EnumOption[] = [
  { value: 'confirmed', label: { zh: '与发放一致', en: 'Matches what was paid' } },
  { value: 'different', label: { zh: '与发放不一致', en: 'Differs from what was paid' } },
  { value: 'unknown', label: { zh: '不清楚', en: 'Does not know' } },
];

export const SATISFACTION: readonly EnumOption[] = [
  { value: 'satisfied', label: { zh: '满意', en: 'Satisfied' } },
  { value: 'neutral', label: { zh: '基本满意', en: 'Neutral' } },
  { value: 'dissatisfied', label: { zh: '不满意', en: 'Dissatisfied' } },
];
