import { checkInspectionAnswers } from '@zizhu/checks';
import type { ChecklistDefinition, ConfiguredValue, DataItemCheck, InspectionAnswers, InspectionSample, SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { submittedValues } from '../../modules/inspections/inspection-answers.service';
import { startedValues } from '../../modules/inspections/inspection-start.service';
import { storeDemoPhoto } from './demo-photo';

type Row = Record<string, unknown>;
type Values = Record<string, ConfiguredValue>;

/** The demo plan's inspections were started and submitted in June of the demo term (2026 spring). */
const INSPECTED_ON = '2026-06-10';

/** Every item answered as a school doing well would be: the baseline each demo inspection departs from. */
const GOOD: Values = {
  leadingGroup: true,
  dedicatedOfficer: true,
  rules: 'good',
  meetings: 'yes',
  publicity: 'good',
  procedure: 'good',
  classReview: true,
  resultPublicity: 'good',
  registeredCovered: true,
  paidOnTime: true,
  paidToCard: true,
  noDiversion: true,
  paymentPublicity: 'good',
  familiesTold: true,
  onePersonOneFile: 'yes',
  fileCompleteness: 'good',
  systemUpdated: true,
  ledger: true,
  lastRectified: 'yes',
  homeVisits: true,
};

interface Scenario {
  school: string;
  status: 'planned' | 'started' | 'submitted';
  values?: Values;
  remarks?: Record<string, string>;
  /** Data items the inspector found otherwise: item key → what was found and why. */
  discrepancies?: Record<string, { add: number; note: string }>;
  /** Sampled students (by position) whose card is not held by the family. */
  cardNotHeld?: number[];
  /** A draft: only these sections answered. */
  sections?: string[];
}

/**
 * The city's 2026 spring 专项检查 of five schools (seeds 001/004: 专项检查、抽查, 限时整改):
 * 玉林市第一中学 passed with three findings (answered, closed, returned); the vocational school
 * failed on a critical item (paid in cash) with two findings past their deadline; 容县高级中学
 * passed clean; one inspection is in progress, one planned. Started and submitted through the
 * same functions the API's start and submit use, so the frozen data items, samples, scores
 * and findings are what the platform itself would have recorded.
 */
const SCENARIOS: Scenario[] = [
  {
    school: '玉林市第一中学',
    status: 'submitted',
    values: { familiesTold: false, paymentPublicity: 'fair' },
    remarks: { familiesTold: '春季学期未向受助学生家长发放《致家长的一封信》', paymentPublicity: '公示名单张贴位置不显眼' },
    discrepancies: { latePaymentCount: { add: 2, note: '纸质台账另有2笔逾期发放未录入系统' } },
    cardNotHeld: [0],
  },
  {
    school: '玉林市第一职业中等专业学校',
    status: 'submitted',
    values: { paidToCard: false, paymentPublicity: 'poor' },
    remarks: { paidToCard: '部分国家助学金以现金形式发放，未通过资助卡', paymentPublicity: '未公示发放名单' },
  },
  { school: '容县高级中学', status: 'submitted' },
  { school: '玉林市玉州区仁东镇初级中学', status: 'started', sections: ['organisation', 'eligibility'] },
  { school: '容县职业中等专业学校', status: 'planned' },
];

export async function seedInspections(manager: EntityManager, versionId: number, cityId: string): Promise<void> {
  const users = await demoUsers(manager);
  const [version] = await manager.query(`SELECT definition, pass_mark AS "passMark" FROM checklist_versions WHERE id = $1`, [versionId]);
  const [plan] = await manager.query(
    `INSERT INTO inspection_plans (name, region_id, version_id, mode, start_date, end_date, days_to_rectify, description, status, scope_path, version)
     SELECT '玉林市2026年春季学期学生资助工作专项检查', r.id, $2, 'spot', '2026-06-01', '2026-06-30', 30,
            '按《学生资助工作专项检查表》逐项检查，抽查受助学生，问题限期30天整改', 'published', r.scope_path, 1
       FROM regions r WHERE r.id = $1
     RETURNING id`,
    [cityId, versionId],
  );
  for (const [index, scenario] of SCENARIOS.entries()) {
    const [inspection]: Row[] = await manager.query(
      `INSERT INTO inspections (plan_id, school_id, mode, version_id, lead_inspector_id, team, planned_date, status, passed, scope_path, version)
       SELECT $1, s.id, 'spot', $2, $3, '李明、王芳', $4, 'planned', false, s.scope_path, 1 FROM schools s WHERE s.name = $5
       RETURNING id, plan_id AS "planId", school_id AS "schoolId", version_id AS "versionId", mode, scope_path AS "scopePath"`,
      [plan.id, versionId, users.inspector.id, INSPECTED_ON, scenario.school],
    );
    if (scenario.status === 'planned') continue;
    const started = { ...inspection, ...(await startedValues(manager, inspection, { today: INSPECTED_ON, at: at(9), seed: `demo-${index}` })) };
    const answers = await demoAnswers(manager, version.definition, started, scenario, users.inspector);
    const checked = checkInspectionAnswers(version.definition, started.samples as InspectionSample[], answers, scenario.status === 'submitted' ? 'final' : 'draft');
    if (Object.keys(checked.errors).length) throw new Error(`demo inspection of ${scenario.school}: ${JSON.stringify(checked.errors)}`);
    const written =
      scenario.status === 'submitted'
        ? await submittedValues(manager, new AuditService(), { inspection: started, version, answers: checked.answers }, users.inspector, at(16))
        : { answers: checked.answers };
    await manager.query(
      `UPDATE inspections SET status = $2, started_at = $3, answers = $4, data_values = $5, samples = $6, score = $7, passed = COALESCE($8, false),
              result = $9, findings_count = $10, submitted_at = $11, submitted_by = $12 WHERE id = $1`,
      [inspection.id, written.status ?? 'started', started.startedAt, JSON.stringify(written.answers), JSON.stringify(started.dataValues), JSON.stringify(started.samples),
        written.score ?? null, written.passed ?? null, written.result ? JSON.stringify(written.result) : null, written.findingsCount ?? null, written.submittedAt ?? null, written.submittedBy ?? null],
    );
  }
  await rectify(manager, users);
}

function at(hour: number): Date {
  return new Date(`${INSPECTED_ON}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

async function demoAnswers(manager: EntityManager, definition: ChecklistDefinition, inspection: Row, scenario: Scenario, inspector: SessionUser): Promise<InspectionAnswers> {
  const answered = new Set(
    definition.sections.filter((section) => !scenario.sections || scenario.sections.includes(section.key)).flatMap((section) => section.items.map((item) => item.key)),
  );
  const values = Object.fromEntries(Object.entries({ ...GOOD, ...scenario.values }).filter(([key]) => answered.has(key)));
  const dataValues = inspection.dataValues as Record<string, { value: number | null }>;
  const dataChecks: Record<string, DataItemCheck> = {};
  for (const [key, frozen] of Object.entries(dataValues)) {
    if (!answered.has(key)) continue;
    const found = scenario.discrepancies?.[key];
    dataChecks[key] = found ? { confirmed: false, observed: (frozen.value ?? 0) + found.add, note: found.note } : { confirmed: true };
  }
  const sampleAnswers: Record<string, Record<string, Values>> = {};
  for (const sample of inspection.samples as InspectionSample[]) {
    if (!answered.has(sample.itemKey)) continue;
    sampleAnswers[sample.itemKey] = Object.fromEntries(
      sample.students.map((student, position) => [
        String(student.studentId),
        { cardHeld: !scenario.cardNotHeld?.includes(position), amountMatches: true, familyKnows: true },
      ]),
    );
  }
  const evidence: Record<string, number[]> = {};
  if (answered.has('resultPublicity')) {
    const photo = await storeDemoPhoto(manager, {
      name: '认定结果公示栏.png',
      hue: Number(inspection.schoolId),
      uploadedBy: inspector.id,
      uploadedAt: at(10).toISOString(),
      resource: 'inspections',
      recordId: Number(inspection.id),
      scopePath: String(inspection.scopePath),
    });
    evidence.resultPublicity = [photo];
  }
  const remarks = Object.fromEntries(Object.entries(scenario.remarks ?? {}).filter(([key]) => answered.has(key)));
  return { values, notApplicable: [], dataChecks, sampleAnswers, evidence, remarks };
}

async function demoUsers(manager: EntityManager): Promise<Record<'inspector' | 'school1' | 'yuzhou', SessionUser>> {
  const rows: Row[] = await manager.query(
    `SELECT id, username, display_name AS "displayName", role, scope_path AS "scopePath" FROM users WHERE username IN ('inspector', 'school1', 'yuzhou')`,
  );
  const byName = new Map(rows.map((row) => [row.username, { ...row, scopeLabel: '' } as SessionUser]));
  return { inspector: byName.get('inspector') as SessionUser, school1: byName.get('school1') as SessionUser, yuzhou: byName.get('yuzhou') as SessionUser };
}

/**
 * The findings' rectification in every state: 玉林市第一中学 answered one (awaiting review),
 * had one accepted (销号) and one returned; the vocational school answered neither, and the
 * nightly check flagged both overdue. Each step is also in the clue's history.
 */
async function rectify(manager: EntityManager, users: Record<'inspector' | 'school1' | 'yuzhou', SessionUser>): Promise<void> {
  const steps = [
    { item: 'familiesTold', status: 'answered', answer: ['属实，已补发《致家长的一封信》并收回回执', '6月20日已向全部受助学生家长发放告知书，回执已收回归档'], review: null },
    { item: 'latePaymentCount', status: 'closed', answer: ['属实，2笔逾期发放已补录系统', '已补录并说明逾期原因，今后按月核对台账与系统'], review: ['accept', '整改到位，同意销号'] },
    { item: 'recipientSample', status: 'returned', answer: ['资助卡已交还学生本人', '已要求班主任将资助卡交还学生'], review: ['return', '请补充学生签收记录作为佐证'] },
  ] as const;
  for (const step of steps) {
    // An UPDATE answers [rows, count].
    const [[clue]]: [Row[], number] = await manager.query(
      `UPDATE clues SET status = $2, verdict = 'confirmed', finding = $3, rectification = $4, answered_by = $5, answered_at = '2026-06-25T10:00:00+08:00',
              review_comment = $6, reviewed_by = $7, reviewed_at = $8
        WHERE source = 'inspection' AND item_key = $1 AND school_id = (SELECT school_id FROM users WHERE username = 'school1')
        RETURNING id, scope_path AS "scopePath"`,
      [step.item, step.status, step.answer[0], step.answer[1], users.school1.id, step.review?.[1] ?? null, step.review ? users.inspector.id : null, step.review ? '2026-06-28T09:00:00+08:00' : null],
    );
    // A smaller demo (a benchmark's) may draw no recipient to find a card missing with.
    if (!clue) continue;
    await clueAction(manager, clue, 'answer', step.answer[0], users.school1, '2026-06-25T10:00:00+08:00');
    if (step.review) await clueAction(manager, clue, step.review[0], step.review[1], users.inspector, '2026-06-28T09:00:00+08:00');
  }
  await manager.query(`UPDATE clues SET overdue_flagged_at = due_date + interval '1 day 30 minutes' WHERE source = 'inspection' AND status = 'open' AND due_date < current_date`);
}

async function clueAction(manager: EntityManager, clue: Row, action: string, comment: string, user: SessionUser, actedAt: string): Promise<void> {
  await manager.query(
    `INSERT INTO clue_actions (clue_id, action, comment, acted_by, acted_by_name, acted_at, scope_path) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [clue.id, action, comment, user.id, user.displayName, actedAt, clue.scopePath],
  );
}
