import type { EnumOption } from '@zizhu/schema';

/** 项目类别 */
export const PROGRAM_CATEGORIES: readonly EnumOption[] = [
  { value: 'grant', label: { zh: '助学金', en: 'Grant' } },
  { value: 'tuitionWaiver', label: { zh: '免学费', en: 'Tuition waiver' } },
  { value: 'livingSubsidy', label: { zh: '生活补助', en: 'Living subsidy' } },
  { value: 'loan', label: { zh: '贷款', en: 'Loan' } },
  { value: 'scholarship', label: { zh: '奖学金', en: 'Scholarship' } },
  { value: 'charity', label: { zh: '社会资助', en: 'Charity' } },
];

/** How a program's year is divided: 春季/秋季 terms, or once a year. */
export const TERM_KINDS: readonly EnumOption[] = [
  { value: 'semester', label: { zh: '按学期（春季/秋季）', en: 'Per term (spring/autumn)' } },
  { value: 'yearly', label: { zh: '按学年', en: 'Yearly' } },
];

export const TERMS: readonly EnumOption[] = [
  { value: 'spring', label: { zh: '春季学期', en: 'Spring term' } },
  { value: 'autumn', label: { zh: '秋季学期', en: 'Autumn term' } },
  { value: 'yearly', label: { zh: '全学年', en: 'Whole year' } },
];

/** 资金来源 */
export const FUNDING_SOURCES: readonly EnumOption[] = [
  { value: 'central', label: { zh: '中央', en: 'Central' } },
  { value: 'provincial', label: { zh: '省级', en: 'Provincial' } },
  { value: 'city', label: { zh: '市级', en: 'City' } },
  { value: 'county', label: { zh: '县级', en: 'County' } },
];

/** The level of the region tree a user is bound to; an approval step names one. */
export const APPROVAL_LEVELS: readonly EnumOption[] = [
  { value: 'school', label: { zh: '学校', en: 'School' } },
  { value: 'township', label: { zh: '乡镇', en: 'Township' } },
  { value: 'county', label: { zh: '区县', en: 'County' } },
  { value: 'city', label: { zh: '市', en: 'City' } },
];

/** 名单状态 */
export const ROSTER_STATUSES: readonly EnumOption[] = [
  { value: 'draft', label: { zh: '学校填报中', en: 'Being prepared' } },
  { value: 'inReview', label: { zh: '审核中', en: 'In review' } },
  { value: 'returned', label: { zh: '已退回', en: 'Returned' } },
  { value: 'approved', label: { zh: '已审定', en: 'Approved' } },
  { value: 'rejected', label: { zh: '已驳回', en: 'Rejected' } },
];

export const ROSTER_ACTIONS: readonly EnumOption[] = [
  { value: 'approve', label: { zh: '通过', en: 'Approve' } },
  { value: 'return', label: { zh: '退回', en: 'Return' } },
  { value: 'reject', label: { zh: '驳回', en: 'Reject' } },
  { value: 'amend', label: { zh: '更正', en: 'Amend' } },
];

/** How an entry came onto its roster. */
export const ENTRY_SOURCES: readonly EnumOption[] = [
  { value: 'auto', label: { zh: '自动纳入', en: 'Automatic' } },
  { value: 'application', label: { zh: '申请', en: 'Application' } },
];
