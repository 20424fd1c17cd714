import type { PoolClient } from 'pg';
import { batchFiguresSql } from '../../modules/funds/batch-figures.sql';
import { DEMO_FUNDS_TERM } from './demo-funds';

/**
 * The four audit rules, each with the cases planted for it in the demo term's paid
 * lines (see plantAuditCases). Configured by the city; run nightly or with 立即运行.
 */
export const DEMO_AUDIT_RULES = [
  {
    name: '寄宿生生活补助发放给非寄宿生',
    description: '该生未登记为寄宿生，却领取了寄宿生生活补助。请核实住宿情况：确非寄宿生的，退回所发资金',
    program: 'BOARDING-SUBSIDY',
    severity: 'high',
    condition: { combinator: 'and', rules: [{ field: 'boarding', operator: '=', value: false }] },
  },
  {
    name: '特殊身份学生未按最高档资助',
    description: '该生有特殊身份（建档立卡、低保等），应按最高档资助，实际低于最高档。请核实身份并补足差额或说明理由',
    program: 'HS-GRANT',
    severity: 'medium',
    condition: { combinator: 'and', rules: [{ field: 'marks', operator: 'hasAny' }, { field: 'topTier', operator: '=', value: false }] },
  },
  {
    name: '同一学生同项目同学期被两所学校发放',
    description: '同一学生在同一项目同一学期由两所学校分别发放。请核实学籍所在学校，非学籍学校退回所发资金',
    program: null,
    severity: 'high',
    condition: { combinator: 'and', rules: [{ field: 'paidElsewhere', operator: '=', value: true }] },
  },
  {
    name: '发放日学生不在读',
    description: '发放日该生学籍状态不是在读（休学、转出、毕业或辍学）。请核实学籍变动，不应发放的退回资金',
    program: null,
    severity: 'high',
    condition: { combinator: 'and', rules: [{ field: 'statusOnPaymentDate', operator: '!=', value: 'enrolled' }] },
  },
] as const;

/** How many cases each rule finds in the demo data (rule 3: two students, each paid by two schools). */
export const DEMO_AUDIT_MATCHES = [3, 3, 4, 3] as const;

export async function seedAuditRules(client: PoolClient, cityId: string): Promise<void> {
  await plantAuditCases(client);
  await client.query(
    `INSERT INTO audit_rules (name, description, region_id, program_id, condition, severity, days_to_rectify, active, scope_path, version)
     SELECT r.rule->>'name', r.rule->>'description', c.id, p.id, r.rule->'condition', r.rule->>'severity', 30, true, c.scope_path, 1
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY r(rule, n)
       JOIN regions c ON c.id = $2
       LEFT JOIN programs p ON p.code = r.rule->>'program'
      ORDER BY r.n`,
    [JSON.stringify(DEMO_AUDIT_RULES), cityId],
  );
}

/**
 * Planted in the demo term's paid lines (fixed picks by line order, disjoint students; the
 * refunded line and the corrected tier left alone), a few per rule:
 * - three boarding-subsidy recipients recorded as non-boarders since;
 * - three grant recipients paid below the top tier, found since to be 建档立卡 (an approved 漏报);
 *   one paid at the top tier gets the same mark and is no case;
 * - two grant recipients of 玉州区 paid a second time by 福绵区's senior school (no roster basis);
 * - three vocational recipients who left school in March (the audit log says when); one who
 *   left in May, after the payment, is no case.
 */
async function plantAuditCases(client: PoolClient): Promise<void> {
  const { year, term } = DEMO_FUNDS_TERM;
  const picks = async (program: string, school: string | null, where: string, ns: readonly number[]) =>
    (
      await client.query(
        `SELECT * FROM (
           SELECT d.id, d.student_id, d.batch_id, d.amount, row_number() OVER (ORDER BY d.id) AS n
             FROM disbursements d JOIN programs p ON p.id = d.program_id JOIN schools sc ON sc.id = d.school_id
            WHERE p.code = $1 AND d.status = 'paid' AND d.year = $2 AND d.term = $3 AND ($4::text IS NULL OR sc.code = $4)
              AND NOT EXISTS (SELECT 1 FROM refunds f WHERE f.disbursement_id = d.id) AND ${where}) x
          WHERE x.n = ANY($5::int[]) ORDER BY x.n`,
        [program, year, term, school, ns],
      )
    ).rows as { id: number; student_id: number; batch_id: number; amount: string }[];

  const nonBoarders = await picks('BOARDING-SUBSIDY', null, 'true', [4, 21, 38]);
  await client.query('UPDATE students SET boarding = false, version = version + 1 WHERE id = ANY($1::int[])', [nonBoarders.map((l) => l.student_id)]);

  const topTier = `(SELECT max((t->>'amount')::bigint) FROM rosters r JOIN roster_entries e ON e.roster_id = r.id, jsonb_array_elements(r.tiers) t WHERE e.id = d.roster_entry_id)`;
  const below = await picks('HS-GRANT', '2145220107', `d.amount < ${topTier}`, [2, 5, 8]);
  const atTop = await picks('HS-GRANT', '2145220107', `d.amount >= ${topTier}`, [3]);
  await client.query(
    `INSERT INTO omissions (student_id, identity_type_id, reason, status, reviewed_at, scope_path, version)
     SELECT s.id, (SELECT id FROM identity_types WHERE name = '建档立卡贫困户'), '建档立卡贫困户，比对名单未包含（扶贫部门补录）', 'approved',
            timestamptz '2026-05-06 10:00+08', s.scope_path, 1
       FROM students s WHERE s.id = ANY($1::int[]) ORDER BY s.id`,
    [[...below, ...atTop].map((l) => l.student_id)],
  );

  // 福绵区's senior school paid two of 玉州区's grant recipients again, in the same batch.
  const twice = await picks('HS-GRANT', '2145020107', 'true', [5, 12]);
  await client.query(
    `INSERT INTO disbursements (serial_no, batch_id, student_id, roster_entry_id, program_id, year, term, school_id, region_id,
                                amount, date, method, account, status, settled_at, scope_path, version)
     SELECT d.batch_id || '-9' || lpad(k.n::text, 5, '0'), d.batch_id, d.student_id, NULL, d.program_id, d.year, d.term, o.id, split_part(o.scope_path, '.', 2),
            d.amount, d.date, d.method, d.account, 'paid', d.settled_at, o.scope_path, 1
       FROM unnest($1::int[]) WITH ORDINALITY k(id, n)
       JOIN disbursements d ON d.id = k.id
       JOIN schools o ON o.code = '2145030107'
      ORDER BY k.n`,
    [twice.map((l) => l.id)],
  );
  await client.query(batchFiguresSql('b.id = ANY($1::int[])'), [twice.map((l) => l.batch_id)]);

  // Left school: three in March (before the April payment), one in May (after it).
  const left = await picks('VOC-GRANT', null, 'true', [6, 14, 27, 35]);
  const changes = left.map((l, i) => ({ student: l.student_id, status: ['dropped', 'transferred', 'suspended', 'transferred'][i], at: i < 3 ? '2026-03-20T10:00:00+08:00' : '2026-05-10T10:00:00+08:00' }));
  await client.query(
    `WITH c AS (SELECT * FROM jsonb_to_recordset($1::jsonb) c(student int, status text, at timestamptz))
     UPDATE students s SET status = c.status, version = s.version + 1 FROM c WHERE s.id = c.student`,
    [JSON.stringify(changes)],
  );
  await client.query(
    `INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
     SELECT c.at, NULL, 'update', 'students', s.id::text, jsonb_build_object('status', 'enrolled'), jsonb_build_object('status', c.status), s.scope_path
       FROM jsonb_to_recordset($1::jsonb) c(student int, status text, at timestamptz) JOIN students s ON s.id = c.student
      ORDER BY c.at, s.id`,
    [JSON.stringify(changes)],
  );
}
