import type { Localized } from './role';

/**
 * 月点评 / 季通报 as the API stores and serves them (`reviews`, `review-rows`), for the panel
 * and the bulletin alike. Figures are frozen with the review when it is computed.
 */

/** One indicator's weight as the review used it (the plan's weights, frozen at compute). */
export interface ReviewIndicatorWeight {
  code: string;
  label: Localized;
  weight: number;
}

/** One indicator of one unit: 0–100 with one decimal, or null when there was nothing to count; and the counts it came from. */
export interface ReviewFigure {
  value: number | null;
  counts: Record<string, number | null>;
}

/** A duty occurrence of the period the unit missed (未完成). */
export interface MissedDuty {
  dutyId: number;
  title: string;
  dueDate: string;
}

/** An indicator below the review's lagging line. */
export interface WeakIndicator {
  code: string;
  value: number;
}

/** The bulletin's state as the panel polls it (a JobStatusPayload): null when never asked for. */
export interface ReviewBulletinStatus {
  status: 'running' | 'done' | 'failed' | null;
  error?: string;
  generatedAt?: string;
}

/** What each count of a figure means, in both languages (the panel's table and the bulletin). */
export const REVIEW_COUNT_LABELS: Record<string, Localized> = {
  onTime: { zh: '按时', en: 'on time' },
  late: { zh: '逾期', en: 'late' },
  missed: { zh: '未完成', en: 'missed' },
  open: { zh: '未判定', en: 'open' },
  results: { zh: '比对结果', en: 'results' },
  decided: { zh: '已核实', en: 'decided' },
  paid: { zh: '发放笔数', en: 'paid' },
  due: { zh: '到期', en: 'due' },
  closedOnTime: { zh: '按时办结', en: 'closed on time' },
  closedLate: { zh: '逾期办结', en: 'closed late' },
  inspections: { zh: '检查次数', en: 'inspections' },
  score: { zh: '得分', en: 'score' },
  recipients: { zh: '受助学生', en: 'recipients' },
  delivered: { zh: '已送达', en: 'delivered' },
};
