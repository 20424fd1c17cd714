import type { Localized } from '@zizhu/schema';

/** What the roster workflow tells officers, zh and en. */
export const ROSTER_MESSAGES = {
  programMissing: { zh: '资助项目不存在', en: 'No such program' },
  programInactive: { zh: '该项目未启用', en: 'This program is not active' },
  yearOutOfRange: { zh: '该年度不在项目执行期内', en: 'The program does not run in this year' },
  stageMismatch: { zh: '该学校没有本项目适用的学段', en: 'The school teaches none of the program’s stages' },
  termMismatch: { zh: '学期与项目的发放周期不符', en: 'This term does not match the program’s terms' },
  notEditable: { zh: '名单已提交审核或已审定，不能修改；已审定名单请通过更正办理', en: 'The roster has left the school (or is approved): it cannot be edited; approved rosters change by amendment' },
  unknownTier: { zh: '项目没有这个档次', en: 'The program has no such tier' },
  otherSchool: { zh: '该学生不在本名单的学校', en: 'This student is not at the roster’s school' },
  notFinal: { zh: '名单已审定或已驳回，流程已结束', en: 'The roster is approved or rejected: its chain has ended' },
  firstStepReturn: { zh: '学校申报步骤不能退回或驳回', en: 'The school’s own step cannot return or reject' },
  commentRequired: { zh: '退回或驳回须填写理由', en: 'Give a reason to return or reject' },
  unknownAction: { zh: '操作须为通过、退回或驳回', en: 'The action must be approve, return or reject' },
  emptyRoster: { zh: '名单中还没有学生，不能提交', en: 'The roster has no students yet' },
  notApproved: { zh: '只有已审定的名单需要更正；未审定的名单请直接修改', en: 'Only approved rosters take amendments; edit the others directly' },
  reasonRequired: { zh: '请填写更正理由', en: 'Give the reason for the amendment' },
  amendEntryMissing: { zh: '名单中没有这条记录', en: 'No such entry on this roster' },
  amendNothing: { zh: '请指定更正内容：调整档次、移出或增加学生', en: 'Say what changes: a tier, a removal or an added student' },
} satisfies Record<string, Localized>;

export function wrongActor(step: { label: string; role: string; level: string }): Localized {
  return {
    zh: `当前步骤“${step.label}”须由${LEVEL_ZH[step.level] ?? step.level}的${ROLE_ZH[step.role] ?? step.role}办理`,
    en: `The current step "${step.label}" is for the ${step.role} role at ${step.level} level`,
  };
}

export function duplicateEntry(school: string): Localized {
  return { zh: `该学生本学期已在“${school}”的名单中，同一项目每学期只能列入一次`, en: `This student is already on ${school}'s roster for this program and term` };
}

export function problemsFound(count: number, first: string[]): Localized {
  return {
    zh: `名单有${count}处问题，请处理后再提交：${first.join('；')}`,
    en: `The roster has ${count} problem(s) to fix before submitting: ${first.join('; ')}`,
  };
}

const ROLE_ZH: Record<string, string> = { admin: '系统管理员', county: '区县资助中心', school: '学校资助专干', inspector: '督查员', finance: '财务' };
const LEVEL_ZH: Record<string, string> = { school: '学校', township: '乡镇', county: '区县', city: '市级' };
