import type { EnumOption } from '@zizhu/schema';

/** The departments that send special-group lists (四大部门, plus whatever comes later). */
export const SOURCE_DEPARTMENTS: readonly EnumOption[] = [
  { value: 'poverty', label: { zh: '扶贫/乡村振兴', en: 'Poverty alleviation / rural revitalisation' } },
  { value: 'civilAffairs', label: { zh: '民政', en: 'Civil affairs' } },
  { value: 'disabledFederation', label: { zh: '残联', en: "Disabled persons' federation" } },
  { value: 'tradeUnion', label: { zh: '总工会', en: 'Trade union' } },
  { value: 'other', label: { zh: '其他', en: 'Other' } },
];

/** Aid tier a special identity entitles to by default (e.g. 标准最高档, no application needed). */
export const AID_TIERS: readonly EnumOption[] = [
  { value: 'highest', label: { zh: '最高档', en: 'Highest tier' } },
  { value: 'tier1', label: { zh: '一档', en: 'Tier 1' } },
  { value: 'tier2', label: { zh: '二档', en: 'Tier 2' } },
  { value: 'tier3', label: { zh: '三档', en: 'Tier 3' } },
];
