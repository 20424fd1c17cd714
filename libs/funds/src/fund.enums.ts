import type { EnumOption } from '@zizhu/schema';

/**
 * How money reaches a student. Cash is deliberately absent: aid is paid only to the
 * student's 资助卡 or own bank account, so every payment leaves a bank trail.
 */
export const PAYMENT_METHODS: readonly EnumOption[] = [
  { value: 'aidCard', label: { zh: '资助卡', en: 'Aid card' } },
  { value: 'bankAccount', label: { zh: '银行账户', en: 'Bank account' } },
];

/** 发放状态: pending until the bank's result file says paid, failed or returned. */
export const DISBURSEMENT_STATUSES: readonly EnumOption[] = [
  { value: 'pending', label: { zh: '待发放', en: 'Pending' } },
  { value: 'paid', label: { zh: '已发放', en: 'Paid' } },
  { value: 'failed', label: { zh: '发放失败', en: 'Failed' } },
  { value: 'returned', label: { zh: '已退回', en: 'Returned' } },
];

/** Why an approved roster entry was left out of a payment batch (未纳入原因). */
export const EXCLUSION_REASONS: readonly EnumOption[] = [
  { value: 'noAccount', label: { zh: '缺少资助卡号/银行账号', en: 'No aid card or bank account' } },
];

/** Lines in these statuses hold (or are about to hold) the money for their roster entry. */
export const LIVE_DISBURSEMENT_STATUSES = ['pending', 'paid'] as const;

/** The differences reconciliation explains, line by line. */
export const FUND_EXCEPTION_KINDS: readonly EnumOption[] = [
  { value: 'paidTwice', label: { zh: '同一学生同一项目同一学期重复发放', en: 'Paid twice for one program and term' } },
  { value: 'noApprovedEntry', label: { zh: '无审定名单依据的发放', en: 'Paid without an approved roster entry' } },
  { value: 'notEnrolled', label: { zh: '发放日学生不在读', en: 'Student not enrolled on the payment date' } },
  { value: 'amountMismatch', label: { zh: '发放金额与名单或标准不符', en: 'Amount differs from the roster or standard' } },
  { value: 'overAllocation', label: { zh: '发放总额超过下达资金', en: 'Total paid exceeds the allocation' } },
];

export type FundExceptionKind = 'paidTwice' | 'noApprovedEntry' | 'notEnrolled' | 'amountMismatch' | 'overAllocation';
