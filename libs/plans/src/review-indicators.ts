import type { Localized } from '@zizhu/schema';

export type ReviewIndicatorCode = 'duties' | 'verification' | 'payments' | 'rectifications' | 'inspection' | 'notification';

/**
 * 点评指标: one figure per school and period, 0–100, computed from the platform's data (never
 * reported by the school). Each is one set-based query in the API's catalogue
 * (`modules/reviews/indicators/`); a spec keeps both lists the same. `weightField` is its
 * weight's field on `review-weights`, so adding an indicator adds that column too.
 */
export interface ReviewIndicatorDeclaration {
  code: ReviewIndicatorCode;
  label: Localized;
  /** How the figure is computed, for the weights form, the bulletin and the README. */
  description: Localized;
  weightField: string;
  defaultWeight: number;
}

export const REVIEW_INDICATORS: readonly ReviewIndicatorDeclaration[] = [
  {
    code: 'duties',
    label: { zh: '任务完成', en: 'Duties' },
    description: {
      zh: '本期到期的计划任务：按时完成计满分，逾期完成计一半，未完成不计分（待审核、待完成的不计入）',
      en: 'Plan duties due in the period: on time counts in full, late half, missed nothing (those still open are left out)',
    },
    weightField: 'dutiesWeight',
    defaultWeight: 40,
  },
  {
    code: 'verification',
    label: { zh: '比对核实', en: 'Verification' },
    description: {
      zh: '截至期末最近一次已完成比对中，本校学生的比对结果已核实的比例',
      en: 'Share of the school’s results decided, in the latest comparison run finished by the end of the period',
    },
    weightField: 'verificationWeight',
    defaultWeight: 15,
  },
  {
    code: 'payments',
    label: { zh: '按时发放', en: 'Payments on time' },
    description: {
      zh: '本期发放成功的资金笔数中，在审定名单发放期限内发放的比例',
      en: 'Of the lines paid in the period, the share paid by their roster’s deadline',
    },
    weightField: 'paymentsWeight',
    defaultWeight: 15,
  },
  {
    code: 'rectifications',
    label: { zh: '整改按时办结', en: 'Rectifications on time' },
    description: {
      zh: '核实期限在本期内的问题线索中，在期限内办结的比例',
      en: 'Of the clues due in the period, the share closed by their due date',
    },
    weightField: 'rectificationsWeight',
    defaultWeight: 10,
  },
  {
    code: 'inspection',
    label: { zh: '督查得分', en: 'Inspection score' },
    description: {
      zh: '本期提交的最近一次督查检查（核查或抽查，不含学校自查）的得分',
      en: 'The score of the latest inspection submitted in the period (a verification or spot check, not the school’s self-inspection)',
    },
    weightField: 'inspectionWeight',
    defaultWeight: 10,
  },
  {
    code: 'notification',
    label: { zh: '告知覆盖', en: 'Families told' },
    description: {
      zh: '期末所在学期已发放资助的学生中，致家长的一封信已送达的比例',
      en: 'Of the students paid in the term under way at the end of the period, the share whose letter was delivered',
    },
    weightField: 'notificationWeight',
    defaultWeight: 10,
  },
];

/** Below this weighted total (0–100) a unit is 工作滞后, unless the plan's weights say otherwise. */
export const DEFAULT_LAGGING_BELOW = 60;

/** What a duty done late earns, against one done on time (1). */
export const LATE_DUTY_CREDIT = 0.5;

export function findReviewIndicator(code: string): ReviewIndicatorDeclaration | undefined {
  return REVIEW_INDICATORS.find((indicator) => indicator.code === code);
}
