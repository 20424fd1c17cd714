import { chinaDate } from '@zizhu/identities';
import type { CompletionRule, DutyLevel } from '@zizhu/plans';
import type { PoolClient } from 'pg';
import { evaluateOccurrences } from '../../modules/plans/occurrences/occurrence-evaluator';
import { generateOccurrences, publishedDuties } from '../../modules/plans/occurrences/occurrence-generator';
import type { Sql } from '../../modules/plans/occurrences/occurrence-sql';

/** The county whose plan the demo holds: school1's and yuzhou's, so both see it on first login. */
export const DEMO_PLAN_COUNTY = '450902';

interface DemoDuty {
  title: string;
  recurrence: string;
  rule: CompletionRule;
  level?: DutyLevel;
  evidence?: string;
  description?: string;
}

/** Seed 004's monthly plan, as 玉州区 would write it for this year: its two monthly duties and the month-specific ones. */
export const DEMO_DUTIES: readonly DemoDuty[] = [
  { title: '每月20日前更新维护学生资助管理信息系统数据', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=20', rule: 'recordsUpdated', description: '学籍异动、家庭经济困难认定等变化及时录入系统' },
  { title: '每月28日前上报当月月点评季通报表及相关报表', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=28', rule: 'manual', evidence: '盖章的月点评季通报表扫描件' },
  { title: '撰写上年度资助工作总结及本年度工作计划', recurrence: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28', rule: 'manual', evidence: '工作总结、工作计划（PDF）' },
  { title: '开展建档立卡资助对象比对认定', recurrence: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30', rule: 'comparisonDecided' },
  { title: '开展月巡视', recurrence: 'FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=-1', rule: 'manual', level: 'county', evidence: '巡视记录' },
  { title: '确保5月25日前完成春季学期资助资金发放', recurrence: 'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25', rule: 'rosterPaid' },
  { title: '开展诚信宣传月活动（宣传单、调查问卷、电话回访）', recurrence: 'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=31', rule: 'manual', evidence: '活动照片、回访记录' },
  { title: '做好春季建档立卡贫困家庭一封信的寄送工作', recurrence: 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30', rule: 'lettersDelivered' },
  { title: '秋季资助资金9月24日前完成发放', recurrence: 'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=24', rule: 'rosterPaid' },
  { title: '寄送致家长朋友的一封信', recurrence: 'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30', rule: 'lettersDelivered' },
  { title: '每季度末前问题线索整改到位', recurrence: 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1', rule: 'rectificationsClosed' },
  { title: '11月底前完成电话随访和大走访活动', recurrence: 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1', rule: 'manual', evidence: '随访、走访记录表' },
];

/**
 * 玉州区's plan for the current year, published on 5 January, with its occurrences through
 * today generated and decided by the very code the nightly job runs. What decides them is
 * planted as the work would have left it:
 * - the monthly data upkeep (automatic, from the audit log): each school's officer updates a
 *   student's record on the 10th most months (done on time), on the 22nd some months (that
 *   month late), not at all in others (missed);
 * - the manual duties: submitted three days before the due date and accepted (on time), some
 *   six days after it (late), some never (missed); the monthly report's latest period waits
 *   for review, and school1's report for this month was returned with a reason;
 * - the payment duties follow the demo term's payments (schools with failed lines missed);
 *   letters and clue duties follow what the other demo data holds.
 */
export async function seedPlans(client: PoolClient, now = new Date()): Promise<void> {
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const sql: Sql = async (text, params) => (await client.query(text, params as unknown[])).rows;
  const [plan] = await sql(
    `INSERT INTO work_plans (name, year, region_id, description, status, published_at, scope_path, version)
     SELECT $1, $2, r.id, $3, 'published', make_timestamptz($2, 1, 5, 9, 0, 0, 'Asia/Shanghai'), r.scope_path, 1
       FROM regions r WHERE r.id = $4
     RETURNING id, scope_path`,
    [
      `玉州区${year}年度学生资助工作月度工作计划`,
      year,
      '按月细化任务分解，落实责任单位和责任人，明确完成时限和工作要求。对工作滞后没有完成月度任务的单位进行通报，并要求限时整改到位。',
      DEMO_PLAN_COUNTY,
    ],
  );
  if (!plan) return;
  await sql(
    `INSERT INTO duties (plan_id, title, description, level, recurrence, start_date, evidence_expected, completion_rule, scope_path, version)
     SELECT $1, d->>'title', d->>'description', COALESCE(d->>'level', 'school'), d->>'recurrence', make_date($2, 1, 1), d->>'evidence', d->>'rule', $3, 1
       FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS x(d, n) ORDER BY n`,
    [plan.id, year, plan.scope_path, JSON.stringify(DEMO_DUTIES)],
  );
  await plantRecordUpdates(sql, year, now);
  for (const duty of await publishedDuties(sql, { planId: Number(plan.id) })) await generateOccurrences(sql, duty, today);
  await plantReports(sql, Number(plan.id), today);
  await evaluateOccurrences(sql, today);
}

/**
 * A student's record updated by the school, as the audit log records it, in a six-month
 * pattern by school: on the 10th three months (on time), on the 22nd one month (that month
 * late, the next on time through it), none in two months (the first missed; the second too,
 * since the next update comes only after the 20th).
 */
async function plantRecordUpdates(sql: Sql, year: number, now: Date): Promise<void> {
  await sql(
    `INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
     SELECT t.at, u.id, 'update', 'students', st.id::text, '{"className":"1班"}', '{"className":"2班"}', st.scope_path
       FROM schools s
       JOIN LATERAL (SELECT id, scope_path FROM students WHERE school_id = s.id ORDER BY id LIMIT 1) st ON true
       LEFT JOIN users u ON u.school_id = s.id
      CROSS JOIN generate_series(1, 12) AS m(month)
      CROSS JOIN LATERAL (SELECT make_timestamptz($1, m.month, CASE (s.id + m.month) % 6 WHEN 0 THEN 22 ELSE 10 END, 10, 0, 0, 'Asia/Shanghai') AS at) t
      WHERE s.scope_path LIKE $2 AND (s.id + m.month) % 6 < 4 AND t.at < $3`,
    [year, `%.${DEMO_PLAN_COUNTY}.%`, now],
  );
}

/**
 * The manual duties' submissions and reviews, by unit and month: most accepted on time, some
 * late, some never submitted (missed); the monthly report's latest period waits for review,
 * and school1 has already sent in this month's, which came back with a reason.
 */
async function plantReports(sql: Sql, planId: number, today: string): Promise<void> {
  const code = `(COALESCE(o.school_id, 0) * 7 + extract(month FROM o.due_date)::int) % 6`;
  await sql(
    `WITH planned AS (
       SELECT o.id, p.status, p.submitted
         FROM duty_occurrences o
         JOIN duties d ON d.id = o.duty_id
        CROSS JOIN LATERAL (SELECT max(l.due_date) AS due FROM duty_occurrences l WHERE l.duty_id = o.duty_id AND l.due_date < $2::date) latest
        CROSS JOIN LATERAL (SELECT CASE WHEN o.due_date = latest.due AND d.recurrence = 'FREQ=MONTHLY;BYMONTHDAY=28' THEN 'submitted' WHEN ${code} = 4 THEN 'late' ELSE 'done' END AS status,
                                   CASE WHEN o.due_date <> latest.due AND ${code} = 4 THEN o.due_date + 6 ELSE o.due_date - 3 END AS submitted) p
        WHERE o.plan_id = $1 AND o.completion_rule = 'manual' AND o.due_date < $2::date AND ${code} <> 5
          AND (o.level <> 'school' OR o.school_id % 3 <> 1 OR d.recurrence LIKE 'FREQ=MONTHLY%'))
     UPDATE duty_occurrences o
        SET status = p.status, on_time = p.status = 'done', note = '已按要求完成（演示数据）',
            submitted_at = p.submitted::timestamp AT TIME ZONE 'Asia/Shanghai',
            submitted_by = COALESCE((SELECT id FROM users WHERE school_id = o.school_id ORDER BY id LIMIT 1), (SELECT id FROM users WHERE username = 'yuzhou')),
            reviewed_at = CASE WHEN p.status <> 'submitted' THEN (p.submitted + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' END,
            reviewed_by = CASE WHEN p.status <> 'submitted' THEN (SELECT id FROM users WHERE username = 'yuzhou') END,
            completed_at = CASE WHEN p.status <> 'submitted' THEN p.submitted END
       FROM planned p
      WHERE p.id = o.id`,
    [planId, today],
  );
  // school1 sent in this month's report two days ago; the county returned it yesterday.
  await sql(
    `UPDATE duty_occurrences o
        SET status = 'returned', return_reason = '报表未加盖公章，请盖章后重新上传', note = '本月报表已填报',
            submitted_at = ($2::date - 2)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '9 hours',
            submitted_by = (SELECT id FROM users WHERE username = 'school1'),
            reviewed_at = ($2::date - 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours',
            reviewed_by = (SELECT id FROM users WHERE username = 'yuzhou')
      WHERE o.id = (SELECT o2.id FROM duty_occurrences o2 JOIN duties d ON d.id = o2.duty_id JOIN users u ON u.school_id = o2.school_id AND u.username = 'school1'
                     WHERE o2.plan_id = $1 AND d.recurrence = 'FREQ=MONTHLY;BYMONTHDAY=28' AND o2.due_date >= $2::date AND o2.period_start <= $2::date - 2
                     ORDER BY o2.due_date LIMIT 1)`,
    [planId, today],
  );
}
