import type { Localized } from '@zizhu/schema';

export const INSPECTION_STATISTICS_MESSAGES = {
  badPlanId: { zh: '检查计划编号应为正整数', en: 'A plan id is a positive whole number' },
  planNotFound: { zh: '检查计划不存在，或不涉及所选区域', en: 'No such plan for the chosen region' },
  badRegionId: { zh: '区划代码应为6位或9位数字', en: 'A region code has 6 or 9 digits' },
  regionNotFound: { zh: '所选区域不存在或不在您的管辖范围内', en: 'The chosen region is not in your region' },
  notARegionUser: { zh: '您的账号未绑定到行政区域，请指定区域', en: 'Your account is not bound to a region: choose one' },
} satisfies Record<string, Localized>;
