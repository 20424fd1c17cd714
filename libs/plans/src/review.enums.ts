import type { EnumOption } from '@zizhu/schema';

/** 点评类型: 月点评 ranks the units of a region for a month; 季通报 for a quarter, printed as a bulletin (PDF). */
export const REVIEW_KINDS: readonly EnumOption[] = [
  { value: 'monthly', label: { zh: '月点评', en: 'Monthly review' } },
  { value: 'quarterly', label: { zh: '季通报', en: 'Quarterly bulletin' } },
];

export type ReviewKind = 'monthly' | 'quarterly';

/**
 * 点评状态: a draft is computed (and computed again) from the data; issued, its rows are a
 * frozen snapshot that nothing recomputes, and each school reads its own line.
 */
export const REVIEW_STATUSES: readonly EnumOption[] = [
  { value: 'draft', label: { zh: '草稿', en: 'Draft' } },
  { value: 'issued', label: { zh: '已发布', en: 'Issued' } },
];

export type ReviewStatus = 'draft' | 'issued';
