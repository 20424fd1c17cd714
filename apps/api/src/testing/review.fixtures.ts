import type { DataSource } from 'typeorm';

/**
 * Data planted straight into the database for the 月点评 / 季通报 specs, in years the demo
 * data leaves empty (2017) unless a spec reads the demo's own 2026 payments: a published
 * plan of 玉州区 with its duties and occurrences in the statuses a spec needs, problem clues
 * closed when it says, inspections, comparison runs and letters.
 */

export const YUZHOU = '450902';
export const RONGXIAN = '450921';

export interface PlantedSchool {
  id: number;
  name: string;
  path: string;
}

type Status = 'pending' | 'submitted' | 'returned' | 'done' | 'late' | 'missed';

async function one<T>(db: DataSource, text: string, params: unknown[]): Promise<T> {
  const [row] = await db.query(text, params);
  return row as T;
}

/** 玉州区's seven schools in the tree's order (the order a review lists ties in). */
export async function yuzhouSchools(db: DataSource): Promise<PlantedSchool[]> {
  return db.query(`SELECT id, name, scope_path AS path FROM schools WHERE scope_path LIKE '450900.450902.%' ORDER BY scope_path, name`);
}

/** A published work plan of a region for a year. */
export async function plantPlan(db: DataSource, year: number, regionId = YUZHOU, name = `玉州区${year}年度学生资助工作月度工作计划`): Promise<number> {
  const row = await one<{ id: number }>(
    db,
    `INSERT INTO work_plans (name, year, region_id, status, published_at, scope_path, version)
     SELECT $1, $2, r.id, 'published', make_timestamptz($2, 1, 5, 9, 0, 0, 'Asia/Shanghai'), r.scope_path, 1 FROM regions r WHERE r.id = $3
     RETURNING id`,
    [name, year, regionId],
  );
  return row.id;
}

/** A duty of a plan (manual, monthly on the 20th unless said otherwise). */
export async function plantDuty(db: DataSource, planId: number, title: string, recurrence = 'FREQ=MONTHLY;BYMONTHDAY=20'): Promise<number> {
  const row = await one<{ id: number }>(
    db,
    `INSERT INTO duties (plan_id, title, level, recurrence, completion_rule, scope_path, version)
     SELECT p.id, $2, 'school', $3, 'manual', p.scope_path, 1 FROM work_plans p WHERE p.id = $1 RETURNING id`,
    [planId, title, recurrence],
  );
  return row.id;
}

/** One occurrence of a duty for a school, due on `dueDate`, in `status`. */
export async function plantOccurrence(db: DataSource, dutyId: number, school: PlantedSchool, dueDate: string, status: Status): Promise<number> {
  const row = await one<{ id: number }>(
    db,
    `INSERT INTO duty_occurrences (duty_id, plan_id, unit_key, school_id, level, completion_rule, period_start, due_date, status, on_time, completed_at, scope_path, version)
     SELECT d.id, d.plan_id, 's' || $2::text, $2::int, 'school', 'manual', date_trunc('month', $3::date)::date, $3::date, $4::text, $4::text = 'done',
            CASE WHEN $4::text IN ('done', 'late') THEN $3::date END, $5, 1
       FROM duties d WHERE d.id = $1
     RETURNING id`,
    [dutyId, school.id, dueDate, status, school.path],
  );
  return row.id;
}

/** A problem clue of a school due on `dueDate`; closed when `closedAt` is given (the county's 办结 then). */
export async function plantClue(db: DataSource, school: PlantedSchool, dueDate: string, closedAt: string | null): Promise<number> {
  const clue = await one<{ id: number }>(
    db,
    `INSERT INTO clues (source, kind, description, school_id, due_date, status, scope_path, version, created_at)
     VALUES ('bigDataOffice', '资助对象认定不准', '点评测试', $1, $2, $3, $4, 1, $2::date - 20)
     RETURNING id`,
    [school.id, dueDate, closedAt ? 'closed' : 'open', school.path],
  );
  if (closedAt) {
    await db.query(
      `INSERT INTO clue_actions (clue_id, action, comment, acted_by, acted_by_name, acted_at, scope_path)
       SELECT $1, 'accept', '整改到位', u.id, u.display_name, $2, $3 FROM users u WHERE u.username = 'yuzhou'`,
      [clue.id, closedAt, school.path],
    );
  }
  return clue.id;
}

/** A submitted inspection of a school (each in a plan of its own: one inspection per plan and school). */
export async function plantInspection(db: DataSource, school: PlantedSchool, mode: 'self' | 'verify' | 'spot', score: number, submittedAt: string): Promise<number> {
  const plan = await one<{ id: number }>(
    db,
    `INSERT INTO inspection_plans (name, region_id, version_id, mode, start_date, end_date, days_to_rectify, status, scope_path, version)
     SELECT '点评测试检查 ' || $2::text, r.id, (SELECT min(id) FROM checklist_versions WHERE status = 'published'), $1, '2017-01-01', '2017-12-31', 30, 'published', r.scope_path, 1
       FROM regions r WHERE r.id = $3
     RETURNING id`,
    [mode, submittedAt, YUZHOU],
  );
  const row = await one<{ id: number }>(
    db,
    `INSERT INTO inspections (plan_id, school_id, mode, version_id, planned_date, status, score, passed, submitted_at, scope_path, version)
     SELECT p.id, $2, p.mode, p.version_id, $3::timestamptz::date, 'submitted', $4::float8, $4::float8 >= 60, $3::timestamptz, $5, 1 FROM inspection_plans p WHERE p.id = $1
     RETURNING id`,
    [plan.id, school.id, submittedAt, score, school.path],
  );
  return row.id;
}

export interface PlantedResult {
  studentId: number;
  decision: 'pending' | 'confirmed' | 'rejected';
  decidedAt?: string;
}

/** A finished comparison run over a region, with results for the given students (a partition of its own, as runs have). */
export async function plantComparison(db: DataSource, regionId: string, finishedAt: string, results: PlantedResult[]): Promise<number> {
  const run = await one<{ id: number }>(
    db,
    `INSERT INTO comparisons (name, region_id, list_ids, status, started_at, finished_at, scope_path, version)
     SELECT '点评测试比对 ' || $2::text, r.id, '1', 'done', $2::timestamptz - interval '1 hour', $2::timestamptz, r.scope_path, 1 FROM regions r WHERE r.id = $1
     RETURNING id`,
    [regionId, finishedAt],
  );
  await db.query(`CREATE TABLE comparison_results_${Number(run.id)} PARTITION OF comparison_results FOR VALUES IN (${Number(run.id)})`);
  for (const result of results) {
    await db.query(
      `INSERT INTO comparison_results (comparison_id, student_id, identity_id, region_id, outcome, reason, decision, decided_at, marked, scope_path, version)
       SELECT $1, s.id, (SELECT min(id) FROM identities), sc.region_id, 'matched', 'idNumber', $2, $3, true, s.scope_path, 1
         FROM students s JOIN schools sc ON sc.id = s.school_id WHERE s.id = $4`,
      [run.id, result.decision, result.decidedAt ?? null, result.studentId],
    );
  }
  return run.id;
}

/** The first `count` enrolled students of a school. */
export async function studentIds(db: DataSource, school: PlantedSchool, count: number): Promise<number[]> {
  const rows: { id: number }[] = await db.query(`SELECT id FROM students WHERE school_id = $1 ORDER BY id LIMIT $2`, [school.id, count]);
  return rows.map((r) => r.id);
}

/** A letter to a student's family for a term, in `status`, delivered on `deliveredAt` (the demo's own letter, if any, set so). */
export async function plantLetter(db: DataSource, studentId: number, year: number, term: string, status: 'generated' | 'delivered' | 'receiptReturned', deliveredAt: string | null): Promise<void> {
  const [template] = await db.query(`SELECT id FROM letter_templates ORDER BY id LIMIT 1`);
  const templateId =
    template?.id ??
    (
      await one<{ id: number }>(
        db,
        `INSERT INTO letter_templates (name, region_id, body, receipt_text, status, revision, scope_path, version) VALUES ('点评测试模板', '450900', '正文', '回执', 'published', 1, '450900.', 1) RETURNING id`,
        [],
      )
    ).id;
  await db.query(
    `INSERT INTO letters (student_id, school_id, year, term, template_id, status, delivered_at, scope_path, version)
     SELECT s.id, s.school_id, $2, $3, $4, $5, $6, s.scope_path, 1 FROM students s WHERE s.id = $1
     ON CONFLICT (student_id, year, term) DO UPDATE SET status = EXCLUDED.status, delivered_at = EXCLUDED.delivered_at`,
    [studentId, year, term, templateId, status, deliveredAt],
  );
}
