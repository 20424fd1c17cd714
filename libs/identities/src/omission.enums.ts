import type { EnumOption } from '@zizhu/schema';

/** 补录 status: the school flags (pending), the county approves or returns it. */
export const OMISSION_STATUSES: readonly EnumOption[] = [
  { value: 'pending', label: { zh: '待审核', en: 'Pending' } },
  { value: 'approved', label: { zh: '已通过', en: 'Approved' } },
  { value: 'returned', label: { zh: '已退回', en: 'Returned' } },
];

export type OmissionDecision = 'approved' | 'returned';

/** A review decision, or the message explaining why it is not acceptable. */
export function checkOmissionReview(decision: unknown, reason: unknown): { field: string; message: { zh: string; en: string } } | null {
  if (decision !== 'approved' && decision !== 'returned') {
    return { field: 'decision', message: { zh: '请选择“通过”或“退回”', en: 'Choose approved or returned' } };
  }
  if (decision === 'returned' && !String(reason ?? '').trim()) {
    return { field: 'reason', message: { zh: '退回时请填写退回原因', en: 'Say why when returning' } };
  }
  return null;
}
