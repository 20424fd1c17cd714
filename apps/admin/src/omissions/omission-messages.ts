import type { Localized } from '@zizhu/schema';

/** `zizhu.omissions.*`: the county's review of omissions (补录审核). */
export const OMISSION_TEXTS = {
  approve: { zh: '通过', en: 'Approve' },
  return: { zh: '退回', en: 'Return' },
  reviewTitle: { zh: '审核补录：%{action}', en: 'Review: %{action}' },
  bulkTitle: { zh: '批量审核 %{count} 条补录：%{action}', en: 'Review %{count} omissions: %{action}' },
  bulkHint: { zh: '只审核其中待审核的补录，其余跳过。', en: 'Only the pending ones are reviewed; the rest are skipped.' },
  comment: { zh: '审核意见', en: 'Comment' },
  reason: { zh: '退回理由（必填）', en: 'Reason (required)' },
  done: { zh: '已审核：%{action}', en: 'Reviewed: %{action}' },
  bulkDone: { zh: '已审核 %{reviewed} 条，跳过 %{skipped} 条', en: '%{reviewed} reviewed, %{skipped} skipped' },
} satisfies Record<string, Localized>;
