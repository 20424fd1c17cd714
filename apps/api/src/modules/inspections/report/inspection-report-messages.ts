import type { Localized } from '@zizhu/schema';

/** What the report routes and job say, in both languages. */
export const REPORT_MESSAGES = {
  notSubmitted: { zh: '检查尚未提交，提交后才能生成检查报告', en: 'The inspection has not been submitted: a report is made once it is' },
  notRequested: { zh: '尚未生成检查报告，请先生成', en: 'No report has been made for the inspection as it stands: ask for one first' },
  running: { zh: '检查报告正在生成，请稍候', en: 'The report is being made: try again in a moment' },
  failed: { zh: '检查报告生成失败，请重新生成', en: 'Making the report failed: ask for it again' },
  interrupted: { zh: '服务重启，检查报告生成中断，请重新生成', en: 'The server restarted while making the report: ask for it again' },
} satisfies Record<string, Localized>;

/** The report's failure as stored: the renderer's own message (Chromium missing, too slow) when it gave one. */
export function failedMessage(reason: Localized): Localized {
  return { zh: `检查报告生成失败：${reason.zh}`, en: `Making the report failed: ${reason.en}` };
}
