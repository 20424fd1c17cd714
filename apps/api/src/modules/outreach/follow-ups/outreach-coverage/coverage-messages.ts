import type { Localized } from '@zizhu/schema';

export const COVERAGE_MESSAGES = {
  badYear: { zh: '年度应为 2000 至 2100 之间的四位数字', en: 'The year is four digits between 2000 and 2100' },
  badTerm: { zh: '学期应为春季学期、秋季学期或全学年', en: 'The term is spring, autumn or yearly' },
  badRegionId: { zh: '区划代码应为6位或9位数字', en: 'A region code has 6 or 9 digits' },
  regionNotFound: { zh: '所选区域不存在或不在您的管辖范围内', en: 'The chosen region is not in your region' },
  badDueDate: { zh: '截止日期应为有效日期（如 2026-11-30）', en: 'The due date is a date such as 2026-11-30' },
  noPlace: { zh: '您的账号未绑定到区域或学校', en: 'Your account is bound to no region or school' },
} satisfies Record<string, Localized>;
