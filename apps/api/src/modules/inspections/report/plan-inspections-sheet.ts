import { CLUE_DONE_STATUSES, clueResource, INSPECTION_STATUSES, inspectionResource } from '@zizhu/checks';
import { type ChecklistDefinition, type ChecklistScore, INSPECTION_MODES, type Localized, type SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import type { Locale } from '../../../engine/errors/locale';
import type { ExportCell, ExportCellKind, ExportColumn } from '../../../engine/export/export-columns';
import { whereClause } from '../../../engine/rest/list-query';
import { overdueSql } from '../../../engine/rest/overdue-sql';
import { readScope } from '../../../engine/scope/scope';

/** One inspection of the plan, with its findings counted. */
export interface PlanInspectionRow {
  id: number;
  school: string;
  schoolCode: string;
  status: string;
  plannedDate: string;
  startedAt: Date | null;
  submittedAt: Date | null;
  leadInspector: string | null;
  team: string | null;
  score: number | null;
  passed: boolean;
  result: ChecklistScore | null;
  findings: number;
  open: number;
  closed: number;
  overdue: number;
}

/** The plan as the sheet's heading names it. */
export interface PlanHeading {
  name: string;
  mode: string;
  startDate: string;
  endDate: string;
  checklistName: string;
  checklistNumber: number;
  definition: ChecklistDefinition;
}

const YES_NO: Record<Locale, [string, string]> = { zh: ['是', '否'], en: ['Yes', 'No'] };

const submitted = (row: PlanInspectionRow) => row.status === 'submitted';

/**
 * The columns of a plan's sheet: the school, status, dates and inspectors; the total, the
 * verdict and each section's score (a column per section of the plan's checklist version,
 * headed by its title) once submitted; the findings and how many of their rectifications are
 * still open, closed and overdue.
 */
export function planInspectionColumns(definition: ChecklistDefinition, locale: Locale): ExportColumn[] {
  const column = (key: string, header: Localized, kind: ExportCellKind, value: (row: PlanInspectionRow) => ExportCell, width?: number): ExportColumn => ({
    key,
    header: header[locale],
    kind,
    width,
    value: (record) => value(record as unknown as PlanInspectionRow),
  });
  const label = (value: string) => INSPECTION_STATUSES.find((s) => s.value === value)?.label[locale] ?? value;
  return [
    column('school', { zh: '学校', en: 'School' }, 'text', (r) => r.school, 30),
    column('schoolCode', { zh: '学校代码', en: 'School code' }, 'code', (r) => r.schoolCode, 14),
    column('status', { zh: '状态', en: 'Status' }, 'text', (r) => label(r.status), 10),
    column('plannedDate', { zh: '计划检查日期', en: 'Planned for' }, 'date', (r) => r.plannedDate),
    column('startedAt', { zh: '开始时间', en: 'Started at' }, 'datetime', (r) => r.startedAt),
    column('submittedAt', { zh: '提交时间', en: 'Submitted at' }, 'datetime', (r) => r.submittedAt),
    column('leadInspector', { zh: '检查组长', en: 'Lead inspector' }, 'text', (r) => r.leadInspector),
    column('team', { zh: '检查组成员', en: 'Team' }, 'text', (r) => r.team, 24),
    column('score', { zh: '总分', en: 'Total score' }, 'number', (r) => (submitted(r) ? r.score : null)),
    column('passed', { zh: '是否合格', en: 'Passed' }, 'text', (r) => (submitted(r) ? YES_NO[locale][r.passed ? 0 : 1] : null), 10),
    ...definition.sections.map((section) =>
      column(`section:${section.key}`, { zh: section.title, en: section.title }, 'number', (r) =>
        submitted(r) ? (r.result?.sections.find((s) => s.key === section.key)?.score ?? null) : null,
      ),
    ),
    column('findings', { zh: '发现问题', en: 'Findings' }, 'number', (r) => r.findings),
    column('open', { zh: '整改未办结', en: 'Rectifications open' }, 'number', (r) => r.open),
    column('closed', { zh: '整改已办结', en: 'Rectifications closed' }, 'number', (r) => r.closed),
    column('overdue', { zh: '整改逾期', en: 'Rectifications overdue' }, 'number', (r) => r.overdue),
  ];
}

/** The lines above the table: the plan's name, then its checklist, mode and dates. */
export function planHeading(plan: PlanHeading, locale: Locale): string[] {
  const mode = INSPECTION_MODES.find((m) => m.value === plan.mode)?.label[locale] ?? plan.mode;
  return locale === 'zh'
    ? [plan.name, `检查表：${plan.checklistName}（第 ${plan.checklistNumber} 版）　检查方式：${mode}　检查时间：${plan.startDate} 至 ${plan.endDate}`]
    : [plan.name, `Checklist: ${plan.checklistName} (version ${plan.checklistNumber})   Mode: ${mode}   Dates: ${plan.startDate} to ${plan.endDate}`];
}

/** The plan's inspections the user reads (the inspections' own scope: a school its own), by school code. */
export async function planInspectionRows(manager: EntityManager, planId: number, user: SessionUser): Promise<PlanInspectionRow[]> {
  const params: unknown[] = [[...CLUE_DONE_STATUSES]];
  const where = whereClause([{ kind: 'eq', column: 'plan_id', value: planId }, ...readScope(inspectionResource, user)], params, 'i');
  return manager.query(
    `SELECT i.id, s.name AS school, s.code AS "schoolCode", i.status, i.planned_date AS "plannedDate",
            i.started_at AS "startedAt", i.submitted_at AS "submittedAt", lead.display_name AS "leadInspector", i.team,
            i.score, i.passed, i.result,
            count(c.id)::int AS findings,
            count(c.id) FILTER (WHERE COALESCE(c.status, '') <> ALL($1::text[]))::int AS open,
            count(c.id) FILTER (WHERE c.status = ANY($1::text[]))::int AS closed,
            count(c.id) FILTER (WHERE ${overdueSql(clueResource, 'c')})::int AS overdue
       FROM inspections i
       JOIN schools s ON s.id = i.school_id
       LEFT JOIN users lead ON lead.id = i.lead_inspector_id
       LEFT JOIN clues c ON c.inspection_id = i.id
      WHERE ${where}
      GROUP BY i.id, s.name, s.code, lead.display_name
      ORDER BY s.code, i.id`,
    params,
  );
}
