import { clueResource } from '@zizhu/checks';
import {
  type ChecklistDefinition,
  checklistItems,
  type ChecklistScore,
  type FrozenDataValue,
  type InspectionAnswers,
  type InspectionMode,
  type InspectionSample,
} from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { imageDataUrl } from '../../../engine/pdf/html/data-urls';
import { overdueSql } from '../../../engine/rest/overdue-sql';

/** Larger photos are named in the report rather than embedded (a phone photo is 2–5 MB). */
export const MAX_EMBEDDED_IMAGE_BYTES = 6 * 1024 * 1024;

/** An evidence file as the report shows it: a thumbnail when it is a PNG or JPEG, else its name. */
export interface ReportFile {
  id: number;
  name: string;
  /** A data: URL (the renderer fetches nothing), null for documents and oversized images. */
  image: string | null;
}

/** A finding of the inspection: the problem clue it raised, as the clue stands now. */
export interface ReportFinding {
  id: number;
  itemKey: string | null;
  kind: string;
  description: string;
  severity: string | null;
  status: string | null;
  dueDate: string;
  overdue: boolean;
  verdict: string | null;
  rectification: string | null;
  reviewComment: string | null;
  /** The student a sample finding is about, masked. */
  student: string | null;
  evidence: ReportFile[];
}

/** Everything the report prints, read in one snapshot. */
export interface InspectionReportData {
  id: number;
  status: string;
  mode: InspectionMode;
  /** What the report is current for (see REPORT_BASIS_SQL). */
  basis: string;
  plan: { name: string; startDate: string; endDate: string; daysToRectify: number; description: string | null };
  school: { name: string; code: string };
  /** The school's region from the city down (玉林市 玉州区 玉城街道). */
  region: string;
  plannedDate: string;
  startedAt: Date | null;
  submittedAt: Date | null;
  /** Findings are due this date: submitted (China date) + the plan's days to rectify. */
  rectifyBy: string | null;
  leadInspector: string | null;
  team: string | null;
  submittedBy: string | null;
  checklist: { name: string; number: number; passMark: number; definition: ChecklistDefinition };
  score: number | null;
  passed: boolean;
  result: ChecklistScore | null;
  /** For a verification: the school's own self-inspection's score, item by item. */
  selfResult: ChecklistScore | null;
  answers: InspectionAnswers;
  dataValues: Readonly<Record<string, FrozenDataValue>>;
  samples: readonly InspectionSample[];
  findings: ReportFinding[];
  /** Evidence and file answers of the items, by file id. */
  files: ReadonlyMap<number, ReportFile>;
  generatedAt: Date;
}

/**
 * What a report shows, as one hash: the versions of the inspection (and its status and submit
 * time: a reopened and resubmitted one is another), its plan, its checklist version and each
 * of its findings (a clue answered, returned or closed changes it). A stored report made from
 * another basis is out of date. Aliases: i (inspections), p (its plan), v (its version).
 */
export const REPORT_BASIS_SQL = `md5(concat_ws('|', i.version, i.status, i.submitted_at, p.version, v.version,
  (SELECT string_agg(c.id || ':' || c.version, ',' ORDER BY c.id) FROM clues c WHERE c.inspection_id = i.id)))`;

/** The joins REPORT_BASIS_SQL reads from. */
export const REPORT_FROM_SQL = `inspections i
  JOIN inspection_plans p ON p.id = i.plan_id
  JOIN checklist_versions v ON v.id = COALESCE(i.version_id, p.version_id)`;

/** The basis the inspection's report would have now; undefined when there is no such inspection. */
export async function currentReportBasis(manager: EntityManager, inspectionId: number): Promise<string | undefined> {
  const [row]: { basis: string }[] = await manager.query(`SELECT ${REPORT_BASIS_SQL} AS basis FROM ${REPORT_FROM_SQL} WHERE i.id = $1`, [inspectionId]);
  return row?.basis;
}

interface InspectionRow {
  id: number;
  status: string;
  mode: InspectionMode;
  basis: string;
  scopePath: string;
  planName: string;
  planStartDate: string;
  planEndDate: string;
  daysToRectify: number;
  planDescription: string | null;
  schoolName: string;
  schoolCode: string;
  region: string | null;
  plannedDate: string;
  startedAt: Date | null;
  submittedAt: Date | null;
  rectifyBy: string | null;
  leadInspector: string | null;
  team: string | null;
  submittedBy: string | null;
  checklistName: string;
  checklistNumber: number;
  passMark: number;
  definition: ChecklistDefinition | null;
  score: number | null;
  passed: boolean;
  result: ChecklistScore | null;
  selfResult: ChecklistScore | null;
  answers: InspectionAnswers | null;
  dataValues: Record<string, FrozenDataValue> | null;
  samples: InspectionSample[] | null;
}

const INSPECTION_SQL = `
SELECT i.id, i.status, i.mode, ${REPORT_BASIS_SQL} AS basis, i.scope_path AS "scopePath",
       p.name AS "planName", p.start_date AS "planStartDate", p.end_date AS "planEndDate",
       p.days_to_rectify AS "daysToRectify", p.description AS "planDescription",
       s.name AS "schoolName", s.code AS "schoolCode",
       (SELECT string_agg(r.name, ' ' ORDER BY length(r.scope_path)) FROM regions r WHERE starts_with(s.scope_path, r.scope_path)) AS region,
       i.planned_date AS "plannedDate", i.started_at AS "startedAt", i.submitted_at AS "submittedAt",
       ((i.submitted_at AT TIME ZONE 'Asia/Shanghai')::date + p.days_to_rectify)::text AS "rectifyBy",
       lead.display_name AS "leadInspector", i.team, submitter.display_name AS "submittedBy",
       t.name AS "checklistName", v.number AS "checklistNumber", v.pass_mark AS "passMark", v.definition,
       i.score, i.passed, i.result, self.result AS "selfResult",
       i.answers, i.data_values AS "dataValues", i.samples
  FROM ${REPORT_FROM_SQL}
  JOIN checklist_templates t ON t.id = v.template_id
  JOIN schools s ON s.id = i.school_id
  LEFT JOIN users lead ON lead.id = i.lead_inspector_id
  LEFT JOIN users submitter ON submitter.id = i.submitted_by
  LEFT JOIN inspections self ON self.id = i.self_inspection_id
 WHERE i.id = $1`;

const SEVERITY_ORDER = `CASE c.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END`;

const FINDINGS_SQL = `
SELECT c.id, c.item_key AS "itemKey", c.kind, c.description, c.severity, c.status, c.due_date AS "dueDate",
       ${overdueSql(clueResource, 'c')} AS overdue, c.verdict, c.rectification, c.review_comment AS "reviewComment",
       st.name AS student, c.evidence_file_id AS "evidenceFileId", c.rectification_file_id AS "rectificationFileId"
  FROM clues c
  LEFT JOIN students st ON st.id = c.student_id
 WHERE c.inspection_id = $1
 ORDER BY ${SEVERITY_ORDER}, c.id`;

type FindingRow = Omit<ReportFinding, 'evidence'> & { evidenceFileId: number | null; rectificationFileId: number | null };

/**
 * The inspection, its plan, school, checklist version, answers and findings, in one
 * repeatable-read snapshot (the basis matches what is printed); undefined when it does not exist.
 */
export async function loadInspectionReport(manager: EntityManager, inspectionId: number, now = new Date()): Promise<InspectionReportData | undefined> {
  const [row]: InspectionRow[] = await manager.query(INSPECTION_SQL, [inspectionId]);
  if (!row) return undefined;
  const findingRows: FindingRow[] = await manager.query(FINDINGS_SQL, [inspectionId]);
  const definition = row.definition ?? { sections: [] };
  const answers: InspectionAnswers = row.answers ?? { values: {} };
  const itemFileIds = answerFileIds(definition, answers);
  const findingFileIds = findingRows.flatMap((f) => [f.evidenceFileId, f.rectificationFileId]).filter((id): id is number => id != null);
  const files = await loadFiles(manager, [...itemFileIds, ...findingFileIds], row.scopePath);
  return {
    id: row.id,
    status: row.status,
    mode: row.mode,
    basis: row.basis,
    plan: { name: row.planName, startDate: row.planStartDate, endDate: row.planEndDate, daysToRectify: row.daysToRectify, description: row.planDescription },
    school: { name: row.schoolName, code: row.schoolCode },
    region: row.region ?? '',
    plannedDate: row.plannedDate,
    startedAt: row.startedAt,
    submittedAt: row.submittedAt,
    rectifyBy: row.rectifyBy,
    leadInspector: row.leadInspector,
    team: row.team,
    submittedBy: row.submittedBy,
    checklist: { name: row.checklistName, number: row.checklistNumber, passMark: row.passMark, definition },
    score: row.score,
    passed: row.passed,
    result: row.result,
    selfResult: row.selfResult,
    answers,
    dataValues: row.dataValues ?? {},
    // Drawn names are stored masked; masked again here so that no full name can reach paper.
    samples: (row.samples ?? []).map((sample) => ({ ...sample, students: sample.students.map((student) => ({ ...student, name: maskPersonName(student.name) })) })),
    findings: findingRows.map(({ evidenceFileId, rectificationFileId, student, ...finding }) => ({
      ...finding,
      student: student == null ? null : maskPersonName(student),
      evidence: [evidenceFileId, rectificationFileId].flatMap((id) => (id != null && files.has(id) ? [files.get(id)!] : [])),
    })),
    files,
    generatedAt: now,
  };
}

/** File ids the answers hold: evidence per item, and the answers of file items and sample questions. */
export function answerFileIds(definition: ChecklistDefinition, answers: InspectionAnswers): number[] {
  const ids = new Set<number>();
  const add = (value: unknown) => {
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) ids.add(value);
  };
  for (const list of Object.values(answers.evidence ?? {})) for (const id of list) add(id);
  for (const { item } of checklistItems(definition)) {
    if (item.type === 'file') add(answers.values[item.key]);
    for (const question of item.sample?.questions ?? []) {
      if (question.type !== 'file') continue;
      for (const byQuestion of Object.values(answers.sampleAnswers?.[item.key] ?? {})) add(byQuestion[question.key]);
    }
  }
  return [...ids];
}

interface FileRow {
  id: number;
  name: string;
  data: Buffer | null;
}

/**
 * The files that belong to the inspection's school (linked to the inspection, its clues or
 * another of the school's records, which gives them the school's scope path); an id that
 * points elsewhere is left out, so a report never shows another school's file.
 */
async function loadFiles(manager: EntityManager, ids: readonly number[], schoolPath: string): Promise<Map<number, ReportFile>> {
  if (!ids.length) return new Map();
  const rows: FileRow[] = await manager.query(
    `SELECT f.id, f.name,
            CASE WHEN f.content_type IN ('image/png', 'image/jpeg') AND f.size <= $3 THEN fc.data END AS data
       FROM files f JOIN file_contents fc ON fc.file_id = f.id
      WHERE f.id = ANY($1::int[]) AND starts_with(f.scope_path, $2)`,
    [[...new Set(ids)], schoolPath, MAX_EMBEDDED_IMAGE_BYTES],
  );
  return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, image: row.data ? embeddable(row.data) : null }]));
}

/** A data: URL when the bytes really are a PNG or JPEG (the stored type is the uploader's word). */
function embeddable(data: Buffer): string | null {
  try {
    return imageDataUrl(data);
  } catch {
    return null;
  }
}

/** 张三丰 → 张*丰, 李四 → 李*: a sampled student's name as a printed report may show it. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0 || name.includes('*')) return name;
  if (chars.length <= 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
