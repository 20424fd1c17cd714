import type { Localized } from '@zizhu/schema';

export const PLAN_MESSAGES = {
  regionLevel: { zh: '工作计划由市或区县教育局制定：请选择市或区县', en: 'A work plan belongs to a city or county bureau: choose a city or a county' },
  notDraft: { zh: '计划已发布，不能再修改任务的安排（可修改标题、要求和佐证说明）', en: 'The plan is published: the duty’s schedule can no longer change (its title, description and evidence can)' },
  publishedNoDelete: { zh: '计划已发布，不能删除', en: 'A published plan cannot be deleted' },
  dutyPublishedNoDelete: { zh: '计划已发布，任务已生成完成情况，不能删除', en: 'The plan is published and the duty has occurrences: it cannot be deleted' },
  alreadyPublished: { zh: '计划已发布', en: 'The plan is already published' },
  noDuties: { zh: '计划还没有任务，请先添加或导入任务', en: 'The plan has no duties yet: add or import some first' },
  dutyProblem: (title: string, problem: Localized): Localized => ({ zh: `任务“${title}”：${problem.zh}`, en: `Duty "${title}": ${problem.en}` }),
  startOutsideYear: { zh: '开始日期应在计划年度内', en: 'The start must lie in the plan’s year' },
  importDraftOnly: { zh: '只能向草稿计划导入任务', en: 'Duties are imported into a draft plan only' },
  sheetRequired: { zh: '请上传 .xlsx 格式的计划表（月份 | 工作任务 | 完成时限）', en: 'Upload the plan as an .xlsx sheet (month | duties | deadline)' },
  sheetUnreadable: { zh: '无法读取该文件，请确认是 Excel（.xlsx）文件', en: 'The file cannot be read: is it an Excel (.xlsx) file?' },
  sheetNoHeader: { zh: '未找到表头：需要“月份”（或“时序”）、“工作任务”（或“主要工作项目内容”）和“完成时限”列', en: 'No header row: the sheet needs month, duties and deadline columns (月份, 工作任务, 完成时限)' },
  tooManyDuties: (max: number): Localized => ({ zh: `计划表最多 ${max} 项任务，请拆分后导入`, en: `At most ${max} duties per sheet: split it` }),
  notFromStatus: (status: Localized, action: Localized): Localized => ({
    zh: `当前为“${status.zh}”，不能${action.zh}`,
    en: `This occurrence is ${status.en}: it cannot be ${action.en}`,
  }),
  automaticNoSubmit: { zh: '该任务由平台数据自动判定完成，无需提交', en: 'This duty is decided from the platform’s data: nothing to submit' },
  notYourUnit: { zh: '只有该任务的责任单位可以提交', en: 'Only the responsible unit may submit' },
  notThePlanner: { zh: '只有制定该计划的单位（或其上级）可以审核', en: 'Only the bureau that made the plan (or one above it) may review' },
  reasonRequired: { zh: '退回时请填写退回理由', en: 'Say why when returning' },
  reasonTooLong: { zh: '不能超过 500 个字', en: 'At most 500 characters' },
  stale: { zh: '该任务已被他人处理，请刷新后重试', en: 'Someone else acted on this meanwhile: reload and retry' },
} satisfies Record<string, Localized | ((...args: never[]) => Localized)>;

/** How each action reads in a refusal. */
export const OCCURRENCE_ACTION_NAMES = {
  submit: { zh: '提交', en: 'submitted' },
  accept: { zh: '审核通过', en: 'accepted' },
  return: { zh: '退回', en: 'returned' },
} satisfies Record<string, Localized>;
