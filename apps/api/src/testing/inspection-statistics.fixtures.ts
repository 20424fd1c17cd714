import { Client } from 'pg';

/**
 * Inspections planted straight into the database for the statistics specs (API and browser):
 * a published city checklist with two sections, a city plan over schools of three counties,
 * a 玉州区 plan and a 容县 draft, inspections in each status with their results, and the
 * findings they raised. What the statistics must say of them is in PLANTED below.
 */

export const SECTIONS = [
  { key: 'funds', title: '资金发放' },
  { key: 'files', title: '档案管理' },
];

const DEFINITION = {
  sections: SECTIONS.map((s) => ({ ...s, items: [{ key: `${s.key}Ok`, type: 'boolean', label: `${s.title}规范` }] })),
};

export interface PlantedSchool {
  id: number;
  name: string;
  countyId: string;
  townshipId: string;
}

export interface PlantedInspections {
  cityPlanId: number;
  countyPlanId: number;
  draftPlanId: number;
  /** yuzhouA, yuzhouB (two townships of 玉州区), rongA, rongB (容县), other (a third county). */
  schools: Record<'yuzhouA' | 'yuzhouB' | 'rongA' | 'rongB' | 'other', PlantedSchool>;
}

type Status = 'planned' | 'started' | 'submitted';

interface PlantedInspection {
  school: keyof PlantedInspections['schools'];
  status: Status;
  score?: number;
  sections?: Record<string, number | null>;
  findings?: { severity: 'high' | 'medium' | 'low'; status: 'open' | 'answered' | 'closed'; dueDate: string }[];
}

const PAST = '2020-01-31';
const FUTURE = '2099-12-31';

/** The city plan's inspections: two in 玉州区 and one in 容县 submitted, one planned in 容县, one started elsewhere. */
const CITY_PLAN: PlantedInspection[] = [
  {
    school: 'yuzhouA',
    status: 'submitted',
    score: 80,
    sections: { funds: 70, files: 90 },
    findings: [
      { severity: 'high', status: 'closed', dueDate: PAST },
      { severity: 'medium', status: 'open', dueDate: PAST },
      { severity: 'low', status: 'open', dueDate: FUTURE },
    ],
  },
  { school: 'yuzhouB', status: 'submitted', score: 91, sections: { funds: 100, files: 82 } },
  {
    school: 'rongA',
    status: 'submitted',
    score: 60,
    sections: { funds: 50, files: null },
    findings: [
      { severity: 'high', status: 'answered', dueDate: PAST },
      { severity: 'high', status: 'closed', dueDate: PAST },
    ],
  },
  { school: 'rongB', status: 'planned' },
  { school: 'other', status: 'started' },
];

/**
 * The figures the plants must produce. Averages are over submitted inspections only; a
 * section no one scored is null; overdue = not closed and due before today (China).
 */
export interface PlantedFigures {
  planned: number;
  done: number;
  averageScore: number | null;
  sections: Record<string, number | null>;
  findings: { total: number; high: number; medium: number; low: number };
  closed: number;
  overdue: number;
  rectificationRateBp: number | null;
}

export const PLANTED: { cityPlan: Record<'total' | 'yuzhou' | 'rongxian' | 'other', PlantedFigures> } = {
  cityPlan: {
    total: { planned: 5, done: 3, averageScore: 77, sections: { funds: 73.3, files: 86 }, findings: { total: 5, high: 3, medium: 1, low: 1 }, closed: 2, overdue: 2, rectificationRateBp: 4000 },
    yuzhou: { planned: 2, done: 2, averageScore: 85.5, sections: { funds: 85, files: 86 }, findings: { total: 3, high: 1, medium: 1, low: 1 }, closed: 1, overdue: 1, rectificationRateBp: 3333 },
    rongxian: { planned: 2, done: 1, averageScore: 60, sections: { funds: 50, files: null }, findings: { total: 2, high: 2, medium: 0, low: 0 }, closed: 1, overdue: 1, rectificationRateBp: 5000 },
    other: { planned: 1, done: 0, averageScore: null, sections: { funds: null, files: null }, findings: { total: 0, high: 0, medium: 0, low: 0 }, closed: 0, overdue: 0, rectificationRateBp: null },
  },
};

async function one<T>(db: Client, sql: string, params: unknown[]): Promise<T> {
  const { rows } = await db.query(sql, params);
  if (!rows.length) throw new Error(`nothing for ${sql}`);
  return rows[0] as T;
}

/** Two schools of 玉州区 in different townships (school1's first), two of 容县 (school2's first), one of a third county. */
async function schools(db: Client): Promise<PlantedInspections['schools']> {
  const all: PlantedSchool[] = (
    await db.query(
      `SELECT s.id, s.name, t.parent_id AS "countyId", t.id AS "townshipId"
         FROM schools s JOIN regions t ON t.id = s.region_id AND t.level = 'township'
        ORDER BY s.id`,
    )
  ).rows;
  const school1 = await one<{ school_id: number }>(db, `SELECT school_id FROM users WHERE username = 'school1'`, []);
  const school2 = await one<{ school_id: number }>(db, `SELECT school_id FROM users WHERE username = 'school2'`, []);
  const yuzhouA = all.find((s) => s.id === school1.school_id);
  const rongA = all.find((s) => s.id === school2.school_id);
  const yuzhouB = all.find((s) => s.countyId === '450902' && s.townshipId !== yuzhouA?.townshipId);
  const rongB = all.find((s) => s.countyId === '450921' && s.id !== rongA?.id);
  const other = all.find((s) => s.countyId !== '450902' && s.countyId !== '450921');
  if (!yuzhouA || !yuzhouB || !rongA || !rongB || !other) throw new Error('the demo data lacks the schools the plants need');
  return { yuzhouA, yuzhouB, rongA, rongB, other };
}

const path = async (db: Client, table: 'regions' | 'schools', id: string | number) => (await one<{ scope_path: string }>(db, `SELECT scope_path FROM ${table} WHERE id = $1`, [id])).scope_path;

async function plan(db: Client, versionId: number, regionId: string, name: string, status: string, startDate: string): Promise<number> {
  const row = await one<{ id: number }>(
    db,
    `INSERT INTO inspection_plans (name, region_id, version_id, mode, start_date, end_date, days_to_rectify, status, scope_path, version)
     VALUES ($1, $2, $3, 'spot', $4, $4::date + 60, 30, $5, $6, 1) RETURNING id`,
    [name, regionId, versionId, startDate, status, await path(db, 'regions', regionId)],
  );
  return row.id;
}

async function inspection(db: Client, planId: number, versionId: number, school: PlantedSchool, planted: PlantedInspection): Promise<void> {
  const submitted = planted.status === 'submitted';
  const result = submitted ? { items: [], sections: SECTIONS.map((s) => ({ key: s.key, score: planted.sections?.[s.key] ?? null })), total: planted.score, criticalFailed: [], passed: true } : null;
  const schoolPath = await path(db, 'schools', school.id);
  const { id } = await one<{ id: number }>(
    db,
    `INSERT INTO inspections (plan_id, school_id, mode, version_id, planned_date, status, score, passed, result, findings_count, submitted_at, scope_path, version)
     VALUES ($1, $2, 'spot', $3, '2026-05-10', $4, $5, $6, $7, $8, $9, $10, 1) RETURNING id`,
    [planId, school.id, versionId, planted.status, planted.score ?? null, submitted, result && JSON.stringify(result), planted.findings?.length ?? null, submitted ? '2026-05-10T10:00:00+08:00' : null, schoolPath],
  );
  for (const [n, finding] of (planted.findings ?? []).entries()) {
    await db.query(
      `INSERT INTO clues (source, kind, description, school_id, due_date, status, severity, inspection_id, item_key, record_key, scope_path, version)
       VALUES ('inspection', '资金发放不规范', '督查发现', $1, $2, $3, $4, $5, 'fundsOk', $6, $7, 1)`,
      [school.id, finding.dueDate, finding.status, finding.severity, id, `item:fundsOk:${n}`, schoolPath],
    );
  }
}

/** Plants the checklist, the three plans and their inspections and findings. */
export async function plantInspections(databaseUrl: string): Promise<PlantedInspections> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const found = await schools(db);
    const template = await one<{ id: number }>(
      db,
      `INSERT INTO checklist_templates (code, name, kind, region_id, scope_path, version) VALUES ('STATS', '资助工作专项检查', 'special', '450900', '450900.', 1) RETURNING id`,
      [],
    );
    const version = await one<{ id: number }>(
      db,
      `INSERT INTO checklist_versions (template_id, number, status, pass_mark, definition, published_at, scope_path, version)
       VALUES ($1, 1, 'published', 60, $2, now(), '450900.', 1) RETURNING id`,
      [template.id, JSON.stringify(DEFINITION)],
    );
    const cityPlanId = await plan(db, version.id, '450900', '2026年春季学生资助专项检查', 'published', '2026-05-01');
    const countyPlanId = await plan(db, version.id, '450902', '玉州区2026年资助抽查', 'published', '2026-06-01');
    const draftPlanId = await plan(db, version.id, '450921', '容县资助检查（草稿）', 'draft', '2026-07-01');
    for (const planted of CITY_PLAN) await inspection(db, cityPlanId, version.id, found[planted.school], planted);
    await inspection(db, countyPlanId, version.id, found.yuzhouA, { school: 'yuzhouA', status: 'planned' });
    await inspection(db, draftPlanId, version.id, found.rongA, { school: 'rongA', status: 'planned' });
    return { cityPlanId, countyPlanId, draftPlanId, schools: found };
  } finally {
    await db.end();
  }
}
