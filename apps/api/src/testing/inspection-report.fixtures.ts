import { type ChecklistDefinition, type FrozenDataValue, type InspectionAnswers, type InspectionSample, scoreChecklist } from '@zizhu/schema';
import { createHash } from 'node:crypto';
import { toBuffer } from 'qrcode';
import type { DataSource } from 'typeorm';

/**
 * Submitted inspections written straight into the database (as the lifecycle's submit leaves
 * them: answers, frozen data values, drawn samples, the score, findings as clues), for the
 * report and export specs.
 */

/** Two sections: a critical yes/no, a scored choice and a data item; a plain yes/no and a sample of two recipients. */
export const REPORT_CHECKLIST: ChecklistDefinition = {
  sections: [
    {
      key: 'funds',
      title: '资金发放',
      weight: 2,
      items: [
        { key: 'paidOnTime', type: 'yesNoNa', label: '资金按时足额发放', required: true, critical: true },
        {
          key: 'publicity',
          type: 'select',
          label: '公示情况',
          choices: [
            { value: 'full', label: '规范公示', score: 10 },
            { value: 'partial', label: '公示不全', score: 5 },
            { value: 'none', label: '未公示', score: 0 },
          ],
        },
        { key: 'lateCount', type: 'number', label: '超期发放笔数', dataItem: 'latePayments' },
      ],
    },
    {
      key: 'archives',
      title: '档案管理',
      items: [
        { key: 'archive', type: 'boolean', label: '建立一人一档' },
        {
          key: 'cardCheck',
          type: 'boolean',
          label: '亮卡检查',
          sample: {
            size: 2,
            questions: [
              { key: 'cardHeld', type: 'boolean', label: '本人持卡' },
              { key: 'aware', type: 'select', label: '知晓资助政策', options: '知晓,不知晓' },
            ],
          },
        },
      ],
    },
  ],
};

export const PASS_MARK = 60;

interface Db {
  query: DataSource['query'];
}

const json = (value: unknown) => JSON.stringify(value);

async function pathOf(db: Db, table: 'regions' | 'schools', id: string | number): Promise<string> {
  const [row] = await db.query(`SELECT scope_path FROM ${table} WHERE id = $1`, [id]);
  return row.scope_path;
}

/** A template of the region with one published version of `definition`; returns the version's id. */
export async function insertPublishedChecklist(db: Db, code: string, regionId = '450902', definition: ChecklistDefinition = REPORT_CHECKLIST): Promise<number> {
  const path = await pathOf(db, 'regions', regionId);
  const [template] = await db.query(
    `INSERT INTO checklist_templates (code, name, kind, region_id, scope_path, version) VALUES ($1, '资助工作专项检查表', 'special', $2, $3, 1) RETURNING id`,
    [code, regionId, path],
  );
  const [version] = await db.query(
    `INSERT INTO checklist_versions (template_id, number, status, pass_mark, definition, published_at, published_by, scope_path, version)
     VALUES ($1, 1, 'published', $2, $3, now(), 1, $4, 1) RETURNING id`,
    [template.id, PASS_MARK, json(definition), path],
  );
  return version.id;
}

export async function insertPlan(db: Db, versionId: number, name: string, regionId = '450902'): Promise<number> {
  const [plan] = await db.query(
    `INSERT INTO inspection_plans (name, region_id, version_id, mode, start_date, end_date, days_to_rectify, description, status, scope_path, version)
     VALUES ($1, $2, $3, 'spot', '2026-04-01', '2026-04-30', 30, '抽查资助政策落实情况', 'published', $4, 1) RETURNING id`,
    [name, regionId, versionId, await pathOf(db, 'regions', regionId)],
  );
  return plan.id;
}

export interface InspectionSeed {
  planId: number;
  versionId: number;
  schoolId: number;
  status: 'planned' | 'started' | 'submitted';
  answers?: InspectionAnswers;
  dataValues?: Record<string, FrozenDataValue>;
  samples?: InspectionSample[];
  team?: string;
}

/** An inspection by the demo inspector; a submitted one is scored as the submit scores it. */
export async function insertInspection(db: Db, seed: InspectionSeed): Promise<number> {
  const answers = seed.answers ?? { values: {} };
  const result = seed.status === 'submitted' ? scoreChecklist(REPORT_CHECKLIST, answers, PASS_MARK) : null;
  const [inspection] = await db.query(
    `INSERT INTO inspections (plan_id, school_id, mode, version_id, lead_inspector_id, team, planned_date, status, started_at, answers, data_values,
                              samples, score, passed, result, submitted_at, submitted_by, scope_path, version)
     VALUES ($1, $2, 'spot', $3, 6, $12, '2026-04-18', $4::varchar, CASE WHEN $4::varchar <> 'planned' THEN timestamptz '2026-04-18T01:30:00Z' END,
             $5, $6, $7, $8, $9, $10, CASE WHEN $4::varchar = 'submitted' THEN timestamptz '2026-04-18T06:00:00Z' END, CASE WHEN $4::varchar = 'submitted' THEN 6 END, $11, 1)
     RETURNING id`,
    [
      seed.planId,
      seed.schoolId,
      seed.versionId,
      seed.status,
      json(answers),
      json(seed.dataValues ?? {}),
      json(seed.samples ?? []),
      result?.total ?? null,
      result?.passed ?? false,
      result && json(result),
      await pathOf(db, 'schools', seed.schoolId),
      seed.team ?? '张建国、李卫东',
    ],
  );
  return inspection.id;
}

export interface FindingSeed {
  inspectionId: number;
  itemKey: string;
  recordKey: string;
  severity: 'high' | 'medium' | 'low';
  description: string;
  status: 'open' | 'answered' | 'returned' | 'closed';
  /** Due this many days from today (negative: past). */
  dueInDays: number;
  studentId?: number;
  verdict?: 'confirmed' | 'unfounded';
  rectification?: string;
  rectificationFileId?: number;
}

/** A finding as the submit raises it: a clue of source 督查 on the inspection's school. */
export async function insertFinding(db: Db, seed: FindingSeed): Promise<number> {
  const [clue] = await db.query(
    `INSERT INTO clues (source, kind, description, school_id, student_id, due_date, status, refund_required, scope_path, version, inspection_id,
                        item_key, record_key, severity, verdict, rectification, rectification_file_id, opened_by)
     SELECT 'inspection', '督查发现问题', $2, i.school_id, $3, current_date + $4::int, $5, false, i.scope_path, 1, i.id, $6, $7, $8, $9, $10, $11, 6
       FROM inspections i WHERE i.id = $1
     RETURNING id`,
    [seed.inspectionId, seed.description, seed.studentId ?? null, seed.dueInDays, seed.status, seed.itemKey, seed.recordKey, seed.severity, seed.verdict ?? null, seed.rectification ?? null, seed.rectificationFileId ?? null],
  );
  return clue.id;
}

/** A PNG of its own (a QR code of `text`), so that two evidence photos are two images. */
export function evidencePng(text: string): Promise<Buffer> {
  return toBuffer(text, { type: 'png', width: 120 });
}

/** A stored file linked to a record (or to nobody), with the scope path its record gives it. */
export async function insertFile(db: Db, file: { name: string; data: Buffer; contentType: string; scopePath: string; resource?: string; recordId?: number }): Promise<number> {
  const [row] = await db.query(
    `INSERT INTO files (name, content_type, size, sha256, uploaded_by, uploaded_at, resource, record_id, scope_path)
     VALUES ($1, $2, $3, $4, 6, now(), $5, $6, $7) RETURNING id`,
    [file.name, file.contentType, file.data.length, createHash('sha256').update(file.data).digest('hex'), file.resource ?? null, file.recordId == null ? null : String(file.recordId), file.scopePath],
  );
  await db.query(`INSERT INTO file_contents (file_id, data) VALUES ($1, $2)`, [row.id, file.data]);
  return row.id;
}
