import type { Localized } from '@zizhu/schema';

/** `zizhu.clues.*`: the clue workflow's buttons and dialogs. */
export const CLUE_TEXTS = {
  workflow: { zh: '线索办理', en: 'Handling' },
  overdue: { zh: '逾期', en: 'Overdue' },
  overdueSince: { zh: '已超过核实期限 %{date}，尚未办结', en: 'Past its due date %{date} and not closed' },
  answer: { zh: '反馈核实情况', en: 'Answer' },
  answerAgain: { zh: '重新反馈', en: 'Answer again' },
  answerTitle: { zh: '反馈核实情况和整改情况', en: 'Answer: verification and rectification' },
  answerHelp: {
    zh: '填写核实结论和核实情况；线索属实的，还须填写整改情况。可上传核实和整改的佐证材料。提交后由区县审核。',
    en: 'Give the verdict and what you found; for a confirmed clue, also how it was put right. Attach evidence. The county reviews your answer.',
  },
  answerFindingHelp: {
    zh: '填写核实结论和核实情况；问题属实的，还须填写整改情况。可上传核实和整改的佐证材料。提交后由区县或督查人员审核销号。',
    en: 'Give the verdict and what you found; for a confirmed finding, also how it was put right. Attach evidence. The county or the inspector reviews your answer.',
  },
  answerSubmit: { zh: '提交反馈', en: 'Submit the answer' },
  answered: { zh: '已提交反馈', en: 'Answer submitted' },
  accept: { zh: '办结', en: 'Accept' },
  return: { zh: '退回', en: 'Return' },
  reviewTitle: { zh: '%{action}：%{kind}', en: '%{action}: %{kind}' },
  comment: { zh: '审核意见', en: 'Comment' },
  reason: { zh: '退回理由（必填）', en: 'Reason (required)' },
  done: { zh: '已办理：%{action}', en: 'Done: %{action}' },
  cancel: { zh: '取消', en: 'Cancel' },
  waitingSchool: { zh: '等待学校反馈核实情况', en: 'Waiting for the school’s answer' },
  waitingCounty: { zh: '等待区县审核学校的反馈', en: 'Waiting for the county’s review' },
  waitingFindingReview: { zh: '等待区县或督查人员审核学校的整改情况', en: 'Waiting for the county’s or the inspector’s review of the rectification' },
  returnedBecause: { zh: '已退回，理由：%{reason}', en: 'Returned: %{reason}' },
  closed: { zh: '线索已办结', en: 'The clue is closed' },
  historyTitle: { zh: '办理记录', en: 'History' },
  historyEmpty: { zh: '尚无办理记录', en: 'Nothing done yet' },
} satisfies Record<string, Localized>;
