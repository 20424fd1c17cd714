import type { Localized } from '@zizhu/schema';

/** What the follow-up campaign and follow-up rules say when they refuse (zh/en). */
export const FOLLOW_UP_MESSAGES = {
  alreadyDrawn: { zh: '该回访活动已抽样，不能再次抽样', en: 'Recipients have already been drawn for this campaign' },
  closedCampaign: { zh: '该回访活动已结束，不能再修改或记录回访', en: 'This campaign is closed: nothing can be changed or recorded any more' },
  notDrawn: { zh: '该回访活动尚未抽样，不能结束（草稿可直接删除）', en: 'Recipients are not drawn yet: a draft campaign is deleted, not closed' },
  deleteAfterDraw: { zh: '已抽样的回访活动不能删除，可以结束', en: 'A campaign whose recipients are drawn cannot be deleted: close it instead' },
  sampleFrozen: { zh: '已抽样，不能再修改每校抽样人数', en: 'Recipients are drawn: the number per school can no longer change' },
  nobodyPaid: { zh: '该学期本区域没有已发放资助的学生，无可抽样', en: 'Nobody in this region was paid in this term: there is no one to draw' },
  contactedAtRequired: { zh: '请填写回访时间', en: 'Say when the family was contacted' },
  contactedAtFuture: { zh: '回访时间不能晚于现在', en: 'The contact cannot be in the future' },
  reachedRequired: { zh: '请选择是否联系上家长', en: 'Say whether the family was reached' },
  knewPolicyRequired: { zh: '请选择家长是否知晓资助政策', en: 'Say whether the family knew the policy' },
  whyNotReached: { zh: '未联系上，请在回访情况中说明原因（如空号、无人接听、外出务工）', en: 'Not reached: say why in the notes (wrong number, no answer, away)' },
  contactNameRequired: { zh: '请填写回访对象（如学生母亲）', en: 'Say whom you spoke with' },
  amountCheckRequired: { zh: '请选择金额核对结果', en: 'Say whether the amount matches' },
  satisfactionRequired: { zh: '请选择满意度', en: 'Say how satisfied the family is' },
  reportedAmountRequired: { zh: '金额不一致时请填写家长所述金额', en: 'The amount the family reports is required when it differs' },
  reportedAmountSame: (paid: string): Localized => ({
    zh: `家长所述金额与发放金额（${paid} 元）相同，请选择“与发放一致”`,
    en: `That is the amount paid (${paid} yuan): choose “Matches what was paid”`,
  }),
  photoRequired: { zh: '入户走访须上传走访照片', en: 'A home visit needs a photo of the visit' },
  photoNotImage: { zh: '走访照片须为 JPG 或 PNG 图片', en: 'The visit photo must be a JPG or PNG image' },
  clueOpened: (clueId: number): Localized => ({
    zh: `已据此开立问题线索 #${clueId}，金额核对结果不能再修改`,
    en: `Problem clue #${clueId} was opened on this answer: the amount check can no longer change`,
  }),
} satisfies Record<string, Localized | ((...args: never[]) => Localized)>;
