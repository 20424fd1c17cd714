import type { InspectionMode } from './checklist-definition';

/**
 * `GET /api/inspection-statistics?planId=&regionId=`: per inspection plan, the figures of a
 * region (the reader's own, or `regionId` within it) and of each of its child regions. A
 * row depends only on the plan and the region it describes, never on who reads it.
 */

/** A finding's severity, as clues record it. */
export type FindingSeverity = 'high' | 'medium' | 'low';

export const FINDING_SEVERITIES: readonly FindingSeverity[] = ['high', 'medium', 'low'];

/** One section's average over the submitted inspections that scored it (0–100, one decimal). */
export interface SectionAverage {
  key: string;
  /** null when no submitted inspection scored the section. */
  average: number | null;
}

export interface InspectionFigures {
  /** Inspections of the plan at schools in the region, whatever their status. */
  planned: number;
  /** Of those, submitted. */
  done: number;
  /** Average total score of the submitted ones (one decimal); null when none was scored. */
  averageScore: number | null;
  /** In the order of the plan's checklist sections. */
  sections: SectionAverage[];
  /** Findings (clues raised by these inspections) by severity; `total` counts every one. */
  findings: Record<FindingSeverity, number> & { total: number };
  /** Findings closed (办结). */
  closed: number;
  /** Findings not closed past their due date (China's date). */
  overdue: number;
  /** closed / findings in basis points, floored; null without findings. */
  rectificationRateBp: number | null;
}

export interface InspectionRegionFigures extends InspectionFigures {
  regionId: string;
  regionName: string;
  /** Schools attached to the region itself rather than to one of its children (直属). */
  direct?: boolean;
}

export interface InspectionPlanStatistics {
  planId: number;
  planName: string;
  mode: InspectionMode;
  status: string;
  startDate: string;
  endDate: string;
  /** The checklist version's sections, in order. */
  sections: { key: string; title: string }[];
  /** The whole region. */
  total: InspectionFigures;
  /** Each child region (every one, zeros included), then the region's direct schools if any. */
  regions: InspectionRegionFigures[];
}

export interface InspectionStatistics {
  regionId: string;
  regionName: string;
  /** Latest plan first (by start date, then id). Drafts only when asked for by `planId`. */
  plans: InspectionPlanStatistics[];
}
