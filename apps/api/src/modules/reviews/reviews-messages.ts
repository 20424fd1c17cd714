import type { Localized } from '@zizhu/schema';

/** What the review routes and the bulletin job say, in both languages. */
export const REVIEW_MESSAGES = {
  planNotPublished: { zh: '计划尚未发布，发布后才能点评', en: 'The plan is not published yet: reviews follow a published plan' },
  regionOutsidePlan: { zh: '点评区域应为计划的制定区域或其下属区域', en: 'The region must be the plan’s, or one inside it' },
  notStarted: { zh: '该期尚未开始，不能点评', en: 'This period has not begun yet' },
  duplicate: (kind: Localized): Localized => ({ zh: `该期${kind.zh}已存在`, en: `A ${kind.en.toLowerCase()} of this period exists already` }),
  issuedNoChange: { zh: '点评已发布，不能修改、重新计算或删除', en: 'The review is issued: it cannot be changed, computed again or deleted' },
  notComputed: { zh: '请先计算排名，再发布', en: 'Compute the ranking before issuing' },
  bulletinQuarterlyOnly: { zh: '只有季通报生成通报文件（PDF）', en: 'Only a quarterly bulletin prints as a PDF' },
  bulletinNotIssued: { zh: '季通报发布后才能生成通报文件', en: 'The bulletin prints once the review is issued' },
  bulletinNotRequested: { zh: '尚未生成季通报文件，请先生成', en: 'The bulletin has not been printed: ask for it first' },
  bulletinRunning: { zh: '季通报正在生成，请稍候', en: 'The bulletin is being printed: try again in a moment' },
  bulletinFailed: { zh: '季通报生成失败，请重新生成', en: 'Printing the bulletin failed: ask for it again' },
  bulletinInterrupted: { zh: '服务重启，季通报生成中断，请重新生成', en: 'The server restarted while printing the bulletin: ask for it again' },
} satisfies Record<string, Localized | ((...args: never[]) => Localized)>;

/** The bulletin's failure as stored: the renderer's own reason (Chromium missing, too slow) when it gave one. */
export function bulletinFailedMessage(reason: Localized): Localized {
  return { zh: `季通报生成失败：${reason.zh}`, en: `Printing the bulletin failed: ${reason.en}` };
}
