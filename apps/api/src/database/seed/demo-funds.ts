import type { PoolClient } from 'pg';
import { batchFiguresSql } from '../../modules/funds/batch-figures.sql';

/** The demo's funds term: one spring, paid in April, settled by the bank three days later. */
export const DEMO_FUNDS_TERM = { year: 2026, term: 'spring', deadline: '2026-06-15', paidOn: '2026-04-15', settledAt: '2026-04-18T10:00:00+08:00' } as const;

/**
 * Approved rosters of the demo term: program code → school codes (seniors for the grant,
 * boarding pupils' schools for the subsidy, the vocational schools), in four counties.
 */
export const DEMO_ROSTER_SCHOOLS: Readonly<Record<string, readonly string[]>> = {
  'HS-GRANT': ['2145020107', '2145030107', '2145210107', '2145220107'],
  'BOARDING-SUBSIDY': ['2145020135', '2145020149', '2145030128', '2145210128', '2145210135', '2145220128'],
  'VOC-GRANT': ['2145020114', '2145210114'],
};

/**
 * How much of what its rosters need each county was given, in percent: 福绵区 short (it
 * pays beyond its allocation, an exception), 容县 over (a balance left), the rest exact.
 */
export const DEMO_ALLOCATION_PERCENT: Readonly<Record<string, number>> = { '450903': 90, '450921': 115 };

/** Every third eligible student of a roster's school applied (a roster is a minority of the school). */
const APPLIED_EVERY = 3;
/** Lines the bank could not pay: every 29th failed (closed or mismatched account), every 41st returned. */
const FAILED_EVERY = 29;
const RETURNED_EVERY = 41;

/**
 * 演示资金: a realistic term of money for the dashboard, reconciliation and exceptions —
 * approved rosters (with their chain's history), one paid batch per program with some failed and returned lines,
 * allocations per source (county-level, and city-level for the city's share), one refund
 * and the clue that ordered it. Set-based SQL in the seed's transaction, like the rest of
 * the seed (no API, no audit rows): a few statements over a few hundred rows.
 */
export async function seedFunds(client: PoolClient, cityId: string): Promise<void> {
  const { year, term, deadline, paidOn, settledAt } = DEMO_FUNDS_TERM;
  const plan = Object.entries(DEMO_ROSTER_SCHOOLS).flatMap(([code, schools]) => schools.map((school) => [code, school]));

  await client.query(
    `INSERT INTO rosters (title, program_id, year, term, school_id, status, step_index, step_label, deadline, entry_count, total_amount,
                          program_version, tiers, application_fields, approval_steps, eligibility_rule, auto_enrol, scope_path, version)
     SELECT p.name || ' ' || $1::int || '年春季学期 · ' || s.name, p.id, $1::int, $2::text, s.id, 'approved', jsonb_array_length(p.approval_steps) - 1, '已审定', $3::date,
            0, 0, p.version, p.tiers, p.application_fields, p.approval_steps, p.eligibility_rule, p.auto_enrol, s.scope_path, 1
       FROM jsonb_to_recordset($4::jsonb) plan(program text, school text)
       JOIN programs p ON p.code = plan.program
       JOIN schools s ON s.code = plan.school
      ORDER BY p.id, s.id`,
    [year, term, deadline, JSON.stringify(plan.map(([program, school]) => ({ program, school })))],
  );

  // Each roster's way through its chain, as the workflow logs it: the demo users where the
  // demo has one (school1, school2, the two county officers, finance), else the office's name.
  await client.query(
    `INSERT INTO roster_actions (roster_id, step_index, step_label, action, acted_by, acted_by_name, acted_at, scope_path)
     SELECT r.id, st.i - 1, st.step->>'label', 'approve', u.id,
            COALESCE(u.display_name, CASE st.step->>'level' WHEN 'school' THEN s.name || '资助专干' WHEN 'county' THEN c.name || '资助中心' ELSE '市财务' END)
              || '（' || CASE st.step->>'level' WHEN 'school' THEN s.name WHEN 'county' THEN c.name ELSE city.name END || '）',
            timestamptz '2026-03-02 09:30+08' + (st.i - 1) * interval '3 days' + (r.id % 5) * interval '47 minutes', r.scope_path
       FROM rosters r
       JOIN schools s ON s.id = r.school_id
       JOIN regions c ON c.id = split_part(r.scope_path, '.', 2)
       JOIN regions city ON city.id = split_part(r.scope_path, '.', 1)
      CROSS JOIN LATERAL jsonb_array_elements(r.approval_steps) WITH ORDINALITY st(step, i)
       LEFT JOIN users u ON CASE st.step->>'level' WHEN 'school' THEN u.role = 'school' AND u.school_id = r.school_id
                                                   WHEN 'county' THEN u.role = 'county' AND u.region_id = c.id
                                                   ELSE u.username = 'finance' END
      WHERE r.year = $1::int AND r.term = $2::text
      ORDER BY r.id, st.i`,
    [year, term],
  );

  // Entries: eligible students only (enrolled, the program's stage, boarders for the subsidy), at the tier a school would give.
  await client.query(
    `WITH eligible AS (
       SELECT r.id AS roster_id, r.program_id, r.tiers, r.scope_path, p.code, st.id AS student_id, st.stage,
              row_number() OVER (PARTITION BY r.id ORDER BY st.id) AS n
         FROM rosters r JOIN programs p ON p.id = r.program_id
         JOIN students st ON st.school_id = r.school_id AND st.status = 'enrolled'
        WHERE r.year = $1::int AND r.term = $2::text
          AND CASE p.code WHEN 'HS-GRANT' THEN st.stage = 'senior'
                          WHEN 'BOARDING-SUBSIDY' THEN st.stage IN ('primary', 'junior') AND st.boarding
                          WHEN 'VOC-GRANT' THEN st.stage = 'vocational' ELSE false END),
     applied AS (
       SELECT e.*, CASE e.code WHEN 'HS-GRANT' THEN (CASE WHEN e.n % 10 < 3 THEN 'T1' WHEN e.n % 10 < 7 THEN 'T2' ELSE 'T3' END)
                               WHEN 'BOARDING-SUBSIDY' THEN upper(e.stage) ELSE 'T1' END AS tier
         FROM eligible e WHERE e.n % $3 = 1)
     INSERT INTO roster_entries (roster_id, student_id, tier, amount, application_data, source, program_id, year, term, scope_path, version)
     SELECT a.roster_id, a.student_id, a.tier, (SELECT (t->>'amount')::bigint FROM jsonb_array_elements(a.tiers) t WHERE t->>'code' = a.tier),
            CASE a.code
              WHEN 'HS-GRANT' THEN jsonb_build_object('familySize', 3 + a.n % 4, 'monthlyIncome', 600 + (a.n % 7) * 150, 'hardship', (ARRAY['低收入家庭', '因病致困', '因灾致困', '其他'])[1 + a.n % 4])
              WHEN 'BOARDING-SUBSIDY' THEN jsonb_build_object('hardship', (ARRAY['低收入家庭', '因病致困', '因灾致困', '其他'])[1 + a.n % 4])
              ELSE jsonb_build_object('major', (ARRAY['汽车运用与维修', '电子商务', '护理', '机电技术应用'])[1 + a.n % 4]) END,
            'application', a.program_id, $1::int, $2::text, a.scope_path, 1
       FROM applied a ORDER BY a.roster_id, a.student_id`,
    [year, term, APPLIED_EVERY],
  );

  // One city-wide batch per program, made by finance, settled by the bank's file.
  await client.query(
    `INSERT INTO disbursement_batches (title, program_id, year, term, region_id, method, date, note, created_by, scope_path, version)
     SELECT p.name || ' ' || $1::int || '年春季学期 · ' || c.name || ' · ' || $3, p.id, $1::int, $2::text, c.id, 'aidCard', $3::date, '春季学期资助资金发放',
            (SELECT id FROM users WHERE username = 'finance'), c.scope_path, 1
       FROM programs p, regions c
      WHERE c.id = $4 AND p.id IN (SELECT program_id FROM rosters WHERE year = $1::int AND term = $2::text)
      ORDER BY p.id`,
    [year, term, paidOn, cityId],
  );
  await client.query(
    `WITH lines AS (
       SELECT b.id AS batch_id, e.id AS entry_id, e.student_id, e.program_id, r.school_id, e.amount, st.bank_account, r.scope_path,
              row_number() OVER (PARTITION BY b.id ORDER BY e.id) AS n
         FROM disbursement_batches b
         JOIN roster_entries e ON e.program_id = b.program_id AND e.year = b.year AND e.term = b.term
         JOIN rosters r ON r.id = e.roster_id
         JOIN students st ON st.id = e.student_id
        WHERE b.year = $1::int AND b.term = $2::text)
     INSERT INTO disbursements (serial_no, batch_id, student_id, roster_entry_id, program_id, year, term, school_id, region_id,
                                amount, date, method, account, status, bank_reason, settled_at, scope_path, version)
     SELECT l.batch_id || '-' || lpad(l.n::text, 6, '0'), l.batch_id, l.student_id, l.entry_id, l.program_id, $1::int, $2::text, l.school_id,
            split_part(l.scope_path, '.', 2), l.amount, $3::date, 'aidCard', l.bank_account,
            CASE WHEN l.n % $5 = 0 THEN 'failed' WHEN l.n % $6 = 0 THEN 'returned' ELSE 'paid' END,
            CASE WHEN l.n % $5 = 0 THEN (CASE WHEN l.n % 2 = 0 THEN '账户已销户' ELSE '户名与账号不符' END)
                 WHEN l.n % $6 = 0 THEN '账户冻结，资金退回' END,
            $4::timestamptz, l.scope_path, 1
       FROM lines l ORDER BY l.batch_id, l.n`,
    [year, term, paidOn, settledAt, FAILED_EVERY, RETURNED_EVERY],
  );
  await client.query(batchFiguresSql('b.year = $1::int AND b.term = $2::text'), [year, term]);

  // After payment 容县 corrected one grant recipient's tier (一档 → 二档): paid 1,250.00 against
  // a roster now saying 1,000.00 — the amount exception finance explains or opens a clue on.
  await client.query(
    `UPDATE roster_entries e SET tier = 'T2', amount = 100000, note = '复核后调整档次', version = e.version + 1
      WHERE e.id = (SELECT d.roster_entry_id FROM disbursements d JOIN programs p ON p.id = d.program_id
                     WHERE p.code = 'HS-GRANT' AND d.status = 'paid' AND d.amount = 125000 AND d.region_id = '450921'
                       AND d.year = $1::int AND d.term = $2::text ORDER BY d.id LIMIT 1)`,
    [year, term],
  );
  await client.query(
    `UPDATE rosters r SET entry_count = e.n, total_amount = e.total
       FROM (SELECT roster_id, count(*)::int AS n, sum(amount) AS total FROM roster_entries GROUP BY roster_id) e
      WHERE e.roster_id = r.id AND r.year = $1::int AND r.term = $2::text`,
    [year, term],
  );

  // 资金下达: each source's share of what the rosters need — the counties' shares to the
  // counties (some short, some over), the city's own share once, at city level. Whole yuan.
  await client.query(
    `WITH need AS (
       SELECT r.program_id, split_part(r.scope_path, '.', 2) AS county, sum(r.total_amount) AS total
         FROM rosters r WHERE r.year = $1::int AND r.term = $2::text GROUP BY 1, 2),
     shares AS (
       SELECT p.id AS program_id, p.code, s->>'source' AS source, (s->>'percent')::int AS percent
         FROM programs p, jsonb_array_elements(p.funding_shares) s WHERE p.id IN (SELECT program_id FROM need)),
     wanted AS (
       SELECT sh.program_id, sh.code, sh.source, n.county AS region_id, n.total * sh.percent * COALESCE((($4::jsonb)->>n.county)::int, 100) AS amount
         FROM shares sh JOIN need n ON n.program_id = sh.program_id WHERE sh.source <> 'city'
       UNION ALL
       SELECT sh.program_id, sh.code, sh.source, $3, sum(n.total) * sh.percent * 100
         FROM shares sh JOIN need n ON n.program_id = sh.program_id WHERE sh.source = 'city' GROUP BY sh.program_id, sh.code, sh.source, sh.percent)
     INSERT INTO allocations (program_id, year, term, source, region_id, amount, document_number, date, note, scope_path, version)
     SELECT w.program_id, $1::int, $2::text, w.source, w.region_id, round(w.amount / 1000000.0) * 100,
            CASE w.source WHEN 'central' THEN '财教〔2026〕' WHEN 'provincial' THEN '桂财教〔2026〕' WHEN 'city' THEN '玉财教〔2026〕' ELSE '县财教〔2026〕' END
              || (10 + w.program_id) || '号',
            '2026-03-10', CASE WHEN w.region_id = $3 THEN '市级资金' END, g.scope_path, 1
       FROM wanted w JOIN regions g ON g.id = w.region_id
      ORDER BY w.program_id, w.region_id, w.source`,
    [year, term, cityId, JSON.stringify(DEMO_ALLOCATION_PERCENT)],
  );

  // The big-data office's clue on one 玉州区 grant recipient: verified true, the money refunded.
  const [line] = (
    await client.query(
      `SELECT d.id, d.student_id, d.program_id, d.school_id, d.region_id, d.amount, d.scope_path
         FROM disbursements d JOIN programs p ON p.id = d.program_id
        WHERE p.code = 'HS-GRANT' AND d.status = 'paid' AND d.year = $1::int AND d.term = $2::text AND d.region_id = '450902'
        ORDER BY d.id LIMIT 1`,
      [year, term],
    )
  ).rows;
  if (!line) return;
  await client.query(
    `INSERT INTO refunds (disbursement_id, student_id, program_id, year, term, region_id, amount, date, receiving_account, reason, scope_path, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '2026-05-20', '玉林市财政局教育资助资金专户', '经核查家庭经济状况不符合资助条件，全额退回', $8, 1)`,
    [line.id, line.student_id, line.program_id, year, term, line.region_id, line.amount, line.scope_path],
  );
  await client.query(
    `INSERT INTO clues (source, kind, description, school_id, student_id, program_id, year, term, due_date, status, refund_required, verdict, finding,
                        rectification, answered_by, answered_at, reviewed_by, reviewed_at, opened_by, scope_path, version)
     VALUES ('bigDataOffice', '家庭经济状况不符合资助条件', '大数据比对：该生家庭有登记在册的商用车辆和商铺，与困难认定不符', $1, $2, $3, $4, $5, '2026-05-31', 'closed', true, 'confirmed',
             '经入户核实，家庭经济状况已好转，不属于资助对象', '资金已全额退回至财政专户', (SELECT id FROM users WHERE username = 'school1'), '2026-05-18T10:00:00+08:00',
             (SELECT id FROM users WHERE username = 'yuzhou'), '2026-05-21T09:00:00+08:00', (SELECT id FROM users WHERE username = 'yuzhou'), $6, 1)`,
    [line.school_id, line.student_id, line.program_id, year, term, line.scope_path],
  );
}
