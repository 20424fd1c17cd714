import type { PoolClient } from 'pg';
import { DRAW_SQL } from '../../modules/outreach/follow-ups/follow-up-draw.sql';
import { MISMATCH_CLUE_SQL } from '../../modules/outreach/follow-ups/mismatch-clue.sql';
import { DEMO_FUNDS_TERM } from './demo-funds';

/** The demo's phone campaign: the city calls five families of each school paid in the demo term. */
export const DEMO_CAMPAIGN = {
  name: `${DEMO_FUNDS_TERM.year}年春季学期资助政策电话回访`,
  kind: 'phone',
  samplePerSchool: 5,
  dueDate: '2026-06-30',
} as const;

/** What the schools recorded (by the demo's school officers, at their own schools), in the order of the drawn follow-ups. */
const RESULTS = {
  school1: [
    { contactedAt: '2026-05-12T10:20:00+08:00', reached: true, contactName: '学生母亲', knewPolicy: true, amountCheck: 'confirmed', satisfaction: 'satisfied', notes: '家长知晓资助政策，资助卡已收到' },
    { contactedAt: '2026-05-12T10:40:00+08:00', reached: false, notes: '电话无人接听，已发短信告知资助情况，待再次回访' },
    { contactedAt: '2026-05-13T09:15:00+08:00', reached: true, contactName: '学生本人', knewPolicy: true, amountCheck: 'confirmed', satisfaction: 'satisfied', notes: '' },
  ],
  school2: [
    { contactedAt: '2026-05-14T09:30:00+08:00', reached: true, contactName: '学生祖母', knewPolicy: false, amountCheck: 'unknown', satisfaction: 'neutral', notes: '老人不清楚金额，已讲解政策并告知查询方式' },
    // The family says it received less than was paid: the clue is opened as the recording opens it.
    { contactedAt: '2026-05-14T16:05:00+08:00', reached: true, contactName: '学生父亲', knewPolicy: true, amountCheck: 'different', lessBy: 50_000, satisfaction: 'dissatisfied', notes: '家长称本学期只收到一部分资助金' },
  ],
} as const;

type Result = (typeof RESULTS)[keyof typeof RESULTS][number];

/**
 * The city's phone campaign on the demo term, drawn by the campaign's own statement (with a
 * fixed seed, so every fresh demo draws the same families), and a few calls recorded by
 * 玉林市第一中学 and 容县高级中学 (the first school of 容县) — one family there reporting less than
 * was paid, which opens its problem clue through the same statement the recording runs.
 */
export async function seedFollowUps(client: PoolClient, cityId: string): Promise<void> {
  const { rows: [campaign] } = await client.query(
    `INSERT INTO follow_up_campaigns (name, region_id, kind, year, term, sample_per_school, due_date, status, scope_path, version)
     SELECT $1, r.id, $2, $3, $4, $5, $6, 'draft', r.scope_path, 1 FROM regions r WHERE r.id = $7 RETURNING id`,
    [DEMO_CAMPAIGN.name, DEMO_CAMPAIGN.kind, DEMO_FUNDS_TERM.year, DEMO_FUNDS_TERM.term, DEMO_CAMPAIGN.samplePerSchool, DEMO_CAMPAIGN.dueDate, cityId],
  );
  await client.query('SELECT setseed(0.2026)');
  await client.query(DRAW_SQL, [campaign.id]);
  await client.query(`UPDATE follow_up_campaigns SET status = 'drawn' WHERE id = $1`, [campaign.id]);

  for (const [username, results] of Object.entries(RESULTS)) {
    const { rows: [officer] } = await client.query('SELECT id, school_id FROM users WHERE username = $1', [username]);
    const { rows: drawn } = await client.query('SELECT id, amount_paid FROM follow_ups WHERE campaign_id = $1 AND school_id = $2 ORDER BY id', [campaign.id, officer.school_id]);
    for (const [i, result] of (results as readonly Result[]).entries()) {
      const followUp = drawn[i];
      if (!followUp) break;
      await record(client, followUp.id, Number(followUp.amount_paid), result, officer.id);
      await client.query(MISMATCH_CLUE_SQL, [followUp.id, officer.id]);
    }
  }
}

async function record(client: PoolClient, id: number, amountPaid: number, result: Result, officerId: number): Promise<void> {
  const reached = result.reached === true;
  const reportedAmount = 'lessBy' in result ? amountPaid - result.lessBy : null;
  await client.query(
    `UPDATE follow_ups SET status = 'done', contacted_at = $2, reached = $3, contact_name = $4, knew_policy = $5, amount_check = $6,
            reported_amount = $7, satisfaction = $8, notes = $9, recorded_by = $10
      WHERE id = $1`,
    [
      id,
      result.contactedAt,
      reached,
      'contactName' in result ? result.contactName : null,
      'knewPolicy' in result ? result.knewPolicy : false,
      'amountCheck' in result ? result.amountCheck : null,
      reportedAmount,
      'satisfaction' in result ? result.satisfaction : null,
      result.notes || null,
      officerId,
    ],
  );
}
